namespace BrandHub.Modules.Delivery;

/// <summary>
/// How the outside world reports what happened to a delivery after it was sent: provider webhooks (delivered,
/// bounced, complained, opened, failed), BrandHub's own open pixel and click redirects. Applying an event is
/// idempotent and monotonic — a duplicate or late event never moves a delivery backwards — and bounces and
/// complaints add the address to the suppression list.
/// </summary>
public interface IDeliveryEvents
{
    /// <summary>Applies one event for the tenant of the current scope. Returns false when no such delivery exists.</summary>
    Task<bool> RecordAsync(DeliveryEvent e, CancellationToken ct);
}

/// <param name="DeliveryId">BrandHub's delivery id, when the source carries it (our links, provider variables).</param>
/// <param name="ProviderMessageId">The provider's message id, used when <paramref name="DeliveryId"/> is absent.</param>
/// <param name="Status">A delivery status wire name: <c>delivered</c>, <c>bounced</c>, <c>complained</c>, <c>opened</c>, <c>clicked</c>, <c>failed</c>.</param>
/// <param name="Detail">Provider reason, clicked URL, user agent — kept in the delivery's history.</param>
/// <param name="Permanent">For <c>bounced</c>/<c>failed</c>: a hard (permanent) failure, which suppresses the address.</param>
public sealed record DeliveryEvent(Guid? DeliveryId, string? ProviderMessageId, string Status, DateTimeOffset At,
    string? Detail = null, bool Permanent = true);
