using System.Text.Json;
using BrandHub.Data;

namespace BrandHub.Modules.Audience.Timeline;

/// <summary>Appends events to a contact's timeline. Other modules call this to add their own kinds (deliveries, orders…).</summary>
public sealed class ContactTimeline(BrandHubDb db, TimeProvider clock)
{
    /// <param name="at">When it happened, when that is not now (a provider's event time).</param>
    public void Add(Guid contactId, string kind, string summary, object? data = null, DateTimeOffset? at = null) =>
        db.Add(new TimelineEvent
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), ContactId = contactId, OccurredAt = at is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds()) : clock.Now(),
            Kind = kind, Summary = summary, DataJson = data is null ? "{}" : JsonSerializer.Serialize(data, Platform.Audit.AuditTrail.Json),
        });
}
