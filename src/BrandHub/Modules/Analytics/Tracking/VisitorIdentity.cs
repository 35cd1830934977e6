using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>An anonymous visitor id that an <c>identify</c> event tied to a contact: its earlier and later events are the contact's.</summary>
public sealed class VisitorIdentity : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string AnonymousId { get; set; } = "";
    public Guid ContactId { get; set; }
    public DateTimeOffset IdentifiedAt { get; set; }
}
