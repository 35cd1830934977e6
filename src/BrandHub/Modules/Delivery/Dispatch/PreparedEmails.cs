using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BrandHub.Modules.Content;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>
/// Compiled templates shared by every dispatch round on this node: a template version never changes once saved, and
/// the deliveries of one campaign or batch share their inline content, so each is compiled once, not once per message.
/// </summary>
public sealed class PreparedEmails
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<(Guid Tenant, string Key), PreparedEmail> cache = new();

    /// <summary>The compiled content of a delivery, or the content module's errors (a deleted template, say).</summary>
    public async Task<(PreparedEmail? Email, string? Error)> GetAsync(IEmailContent content, Delivery d, CancellationToken ct)
    {
        var key = d.ContentJson is { } inline
            ? "inline:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inline)))
            : $"template:{d.TemplateId}:{d.TemplateVersion}";
        if (cache.TryGetValue((d.TenantId, key), out var hit)) return (hit, null);

        var inlineContent = d.ContentJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<Messages.MessageContent>(d.ContentJson, Json);
        var result = await content.PrepareAsync(new EmailContentSource(d.ContentJson is null ? d.TemplateId : null, d.TemplateVersion,
            inlineContent?.Subject, inlineContent?.Html, inlineContent?.Text, inlineContent?.Preheader), ct);
        if (!result.IsValid) return (null, string.Join("; ", result.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        if (cache.Count >= MaxEntries) cache.Clear(); // crude but bounded; a miss costs one compile
        cache[(d.TenantId, key)] = result.Email!;
        return (result.Email, null);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
