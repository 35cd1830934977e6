using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// One event from a site, an app or the ERP, as stored: who (anonymous id and/or contact), where from (UTM, click id,
/// referrer, and the channel they classify to at ingestion) and, for conversions, revenue and order id.
/// </summary>
public sealed class TrackEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>The sender's id for the event, unique per tenant: what makes a retried batch harmless.</summary>
    public string EventId { get; set; } = "";
    /// <summary>One of <see cref="Core.Tracking.TrackEventTypes.All"/>, or <c>custom</c>.</summary>
    public string Type { get; set; } = "";
    /// <summary>The event's name: the type itself, or the custom event's own name.</summary>
    public string Name { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string? AnonymousId { get; set; }
    public Guid? ContactId { get; set; }
    public string? Url { get; set; }
    public string? Referrer { get; set; }
    public string? UtmSource { get; set; }
    public string? UtmMedium { get; set; }
    public string? UtmCampaign { get; set; }
    public string? UtmTerm { get; set; }
    public string? UtmContent { get; set; }
    /// <summary><c>gclid</c>, <c>fbclid</c>, <c>ttclid</c>, <c>msclkid</c> or <c>bh</c> (a BrandHub tracked link).</summary>
    public string? ClickKind { get; set; }
    public string? ClickId { get; set; }
    /// <summary>The delivery whose tracked link brought the visitor, from a BrandHub click id.</summary>
    public Guid? DeliveryId { get; set; }
    /// <summary>How the visit arrived (<see cref="Core.Tracking.TouchChannels"/>), classified when the event came in.</summary>
    public string Channel { get; set; } = "";
    /// <summary>utm_source, else the referrer's host, else <c>(direct)</c>.</summary>
    public string Source { get; set; } = "";
    public decimal? Revenue { get; set; }
    public string? Currency { get; set; }
    public string? OrderId { get; set; }
    public string PropertiesJson { get; set; } = "{}";
}
