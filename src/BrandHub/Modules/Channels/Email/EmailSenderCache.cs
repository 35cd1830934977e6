using System.Collections.Concurrent;

namespace BrandHub.Modules.Channels.Email;

/// <summary>
/// Decrypted sender configurations, kept briefly per tenant so the dispatcher does not read and decrypt the settings
/// row for every batch. This node drops a tenant's entry as soon as it saves a change; other nodes see the change
/// within <see cref="Lifetime"/>.
/// </summary>
public sealed class EmailSenderCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<Guid, (EmailSender? Sender, DateTimeOffset Until)> entries = new();

    public async Task<EmailSender?> GetOrLoadAsync(Guid tenantId, Func<Task<EmailSender?>> load)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(tenantId, out var hit) && hit.Until > now) return hit.Sender;
        var sender = await load();
        entries[tenantId] = (sender, now + Lifetime);
        return sender;
    }

    public void Invalidate(Guid tenantId) => entries.TryRemove(tenantId, out _);
}
