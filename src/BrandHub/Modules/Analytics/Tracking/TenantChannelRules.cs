using System.Collections.Concurrent;
using System.Text.Json;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Rollups;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>The channel lists a tenant's visits are classified with: its own where it set some, the shipped ones otherwise.</summary>
public sealed record ChannelRulesInput(Dictionary<string, string>? Mediums, List<string>? SearchEngines, List<string>? SocialNetworks, List<string>? Webmail)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ChannelRules Apply(ChannelRules shipped) => new(
        Mediums is null ? shipped.Mediums : Mediums.ToDictionary(m => m.Key.Trim().ToLowerInvariant(), m => m.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal),
        SearchEngines ?? shipped.SearchEngines, SocialNetworks ?? shipped.SocialNetworks, Webmail ?? shipped.Webmail);

    public IEnumerable<Core.FieldError> Validate()
    {
        foreach (var (medium, channel) in Mediums ?? [])
        {
            if (string.IsNullOrWhiteSpace(medium) || medium.Length > 100) yield return new("channelRules.mediums", "Mediums are 1–100 characters.");
            if (!TouchChannels.All.Contains(channel?.Trim().ToLowerInvariant()) && channel?.Trim().ToLowerInvariant() != "paid")
                yield return new($"channelRules.mediums.{medium}", $"One of {string.Join(", ", TouchChannels.All)} or paid (search, social or display by the source).");
        }
        foreach (var (name, list) in new[] { ("searchEngines", SearchEngines), ("socialNetworks", SocialNetworks), ("webmail", Webmail) })
            if (list is { } hosts && (hosts.Count > 200 || hosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Length > 100 || h.Contains('/'))))
                yield return new($"channelRules.{name}", "Up to 200 host names such as google. or mail.example.com (no scheme or path).");
    }
}

/// <summary>Per tenant, the rules ingestion classifies with; cached for <see cref="CacheFor"/> (a change is seen at once on the node that made it).</summary>
public sealed class TenantChannelRules(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, (ChannelRules Rules, DateTimeOffset Until)> _cache = new();

    public async Task<ChannelRules> ForAsync(Guid tenantId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var hit) && hit.Until > now) return hit.Rules;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.Enter(tenantId);
        var json = await db.Set<AnalyticsSettings>().AsNoTracking().Select(s => s.ChannelRulesJson).FirstOrDefaultAsync(ct);
        var rules = json is null ? ChannelRules.Default : JsonSerializer.Deserialize<ChannelRulesInput>(json, ChannelRulesInput.Json)!.Apply(ChannelRules.Default);
        _cache[tenantId] = (rules, now + CacheFor);
        return rules;
    }

    public void Forget(Guid tenantId) => _cache.TryRemove(tenantId, out _);
}
