using BrandHub.Data;

namespace BrandHub.Modules.Segments.Events;

/// <summary>Something a contact did (<c>purchase</c>, <c>login</c> …), with free-form properties; what event criteria count.</summary>
public sealed class ContactEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>A JSON object.</summary>
    public string PropertiesJson { get; set; } = "{}";
    public decimal? Revenue { get; set; }
    /// <summary>ISO 4217, upper case.</summary>
    public string? Currency { get; set; }
}

/// <summary>
/// Figures computed per contact from its events — recomputed from the events whenever some arrive, so late or repeated
/// ingestion cannot skew them — so "revenue over 500" is a lookup, not an aggregate over every event.
/// </summary>
public sealed class ContactMetrics : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>Count of <c>purchase</c> events.</summary>
    public int Orders { get; set; }
    /// <summary>Sum of the revenue of <c>purchase</c> events.</summary>
    public decimal Revenue { get; set; }
    public DateTimeOffset? LastOrderAt { get; set; }
    /// <summary>The latest event of any kind.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
