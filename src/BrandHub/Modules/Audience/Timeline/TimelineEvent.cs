using BrandHub.Data;

namespace BrandHub.Modules.Audience.Timeline;

/// <summary>Something that happened to a contact, shown on the profile. Modules append their own kinds.</summary>
public sealed class TimelineEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Kind { get; set; } = "";
    public string Summary { get; set; } = "";
    public string DataJson { get; set; } = "{}";
}
