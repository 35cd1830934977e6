using BrandHub.Data;

namespace BrandHub.Modules.Delivery;

/// <summary>
/// One message to one recipient on one channel, persisted before anything is sent (PRODUCT.md §5): the outbox the
/// dispatcher claims from, the record of what happened, and the guarantee that one idempotency key is sent at most once.
/// Statuses and their moves: <see cref="Core.Delivery.DeliveryLifecycle"/>.
/// </summary>
public sealed class Delivery : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>UUID v7, so ids sort by creation time.</summary>
    public Guid Id { get; set; }
    /// <summary><c>email</c> (more channels later).</summary>
    public string Channel { get; set; } = "email";
    /// <summary><c>transactional</c> or <c>marketing</c>.</summary>
    public string Category { get; set; } = "";
    /// <summary>Null only for a marketing message to an address that is no contact (suppressed, never sent).</summary>
    public Guid? ContactId { get; set; }
    /// <summary>The normalised address the message goes to (copied at queue time: a later profile edit does not redirect it).</summary>
    public string Address { get; set; } = "";
    public Guid? TemplateId { get; set; }
    /// <summary>The template version validated when the message was queued; the send renders exactly that version.</summary>
    public int? TemplateVersion { get; set; }
    /// <summary>Inline content (<c>{"subject","html","text","preheader"}</c>) when no template is used.</summary>
    public string? ContentJson { get; set; }
    /// <summary>The message's data for the template, a JSON object.</summary>
    public string DataJson { get; set; } = "{}";
    /// <summary>Unique per tenant: the caller's key (or <c>key:index</c> in a batch), or step+contact+variant for campaigns.</summary>
    public string IdempotencyKey { get; set; } = "";
    public string Status { get; set; } = "queued";
    /// <summary>Why a suppressed delivery was blocked (<see cref="Core.Delivery.SuppressionReasons"/>).</summary>
    public string? Reason { get; set; }
    /// <summary>Send attempts so far (counted when claimed, so a crash mid-send counts too).</summary>
    public int Attempts { get; set; }
    /// <summary>When the delivery is next due: now, a retry time, or the end of quiet hours.</summary>
    public DateTimeOffset RunAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    /// <summary>Per-message frequency-cap override (both set or both null).</summary>
    public int? FrequencyCapMax { get; set; }
    public int? FrequencyCapWindowMinutes { get; set; }
    /// <summary>The provider kind that took the message (<c>smtp</c>, <c>http</c>).</summary>
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? LastError { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? StepId { get; set; }
    public Guid? VariantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the provider accepted it; what the frequency cap counts.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One step in a delivery's history: every status change, timestamped, with what caused it.</summary>
public sealed class DeliveryTransition : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid Id { get; set; }
    /// <summary>Null for the first entry (the delivery was created in <see cref="ToStatus"/>).</summary>
    public string? FromStatus { get; set; }
    public string ToStatus { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>Reason, error, provider detail, clicked link, or who re-drove it.</summary>
    public string? Detail { get; set; }
}

/// <summary>A tenant's default send policies: the marketing frequency cap and quiet hours (in each contact's time zone).</summary>
public sealed class DeliveryPolicy : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int? FrequencyCapMax { get; set; }
    public int? FrequencyCapWindowMinutes { get; set; }
    /// <summary>Minutes after local midnight, e.g. 1260 for 21:00.</summary>
    public int? QuietHoursStartMinute { get; set; }
    public int? QuietHoursEndMinute { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
