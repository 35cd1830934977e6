using System.Text.Json;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>One tracked event as sent to <c>/api/v1/track</c>.</summary>
/// <param name="EventId">The sender's id for the event (≤ 100 characters): sending it again stores nothing new. Generated when absent.</param>
/// <param name="Type">page_view, view_content, add_to_cart, begin_checkout, purchase, lead, signup, identify or custom.</param>
/// <param name="Name">The custom event's name (required for custom).</param>
/// <param name="Timestamp">When it happened, by the sender's clock (corrected by <c>sentAt</c>); now when absent.</param>
/// <param name="ExternalSource">Which system <paramref name="ExternalId"/> belongs to; <c>erp</c> when absent.</param>
/// <param name="BhClickId">The <c>bh_cid</c> parameter BrandHub's tracked links add to the landing page.</param>
public sealed record TrackInput(
    string? EventId, string? Type, string? Name, DateTimeOffset? Timestamp,
    string? AnonymousId, Guid? ContactId, string? Email, string? ExternalId, string? ExternalSource,
    string? Url, string? Referrer, TrackUtm? Utm,
    string? Gclid, string? Fbclid, string? Ttclid, string? Msclkid, string? BhClickId,
    decimal? Revenue, string? Currency, string? OrderId, JsonElement? Properties);

public sealed record TrackUtm(string? Source, string? Medium, string? Campaign, string? Term, string? Content);

/// <summary>A batch: up to 500 events, with the sender's clock at sending (<c>sentAt</c>) to correct their timestamps.</summary>
/// <param name="WriteKey">For senders that cannot set headers (navigator.sendBeacon).</param>
public sealed record TrackBatch(List<JsonElement>? Events, DateTimeOffset? SentAt, string? WriteKey);

/// <summary>What happened to each event of a request, in order: <c>stored</c>, <c>duplicate</c> (stored before) or <c>rejected</c>.</summary>
public sealed record TrackResult(int Stored, int Duplicates, int Rejected, IReadOnlyList<TrackEventResult> Events);

public sealed record TrackEventResult(int Index, string? EventId, string Status, IReadOnlyDictionary<string, string[]>? Errors = null);
