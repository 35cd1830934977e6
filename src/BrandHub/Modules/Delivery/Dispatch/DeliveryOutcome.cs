namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>What became of one claimed delivery in a dispatch round; recorded for the whole batch in one statement.</summary>
/// <param name="Status">The status it moves to from <c>sending</c>.</param>
/// <param name="RunAt">For a retry or a hold: when it is due again.</param>
/// <param name="Refund">True when the round did not really attempt the send (held, deferred by an open circuit): the attempt is given back.</param>
/// <param name="Detail">For the history.</param>
public sealed record DeliveryOutcome(Guid DeliveryId, string Status, string Detail, DateTimeOffset? RunAt = null, string? Reason = null,
    string? Error = null, string? Provider = null, string? ProviderMessageId = null, bool Refund = false);
