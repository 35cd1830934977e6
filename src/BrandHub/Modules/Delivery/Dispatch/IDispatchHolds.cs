namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>What to do, at the last moment, with a claimed delivery whose owner has stopped it.</summary>
/// <param name="HoldUntil">Back to <c>queued</c>, due at this time (no attempt spent); null with a <paramref name="WithdrawReason"/>.</param>
/// <param name="WithdrawReason">Not sent at all: <c>suppressed</c> with this reason.</param>
public sealed record DispatchHold(DateTimeOffset? HoldUntil, string? WithdrawReason, string Detail);

/// <summary>
/// Asked right before a chunk of campaign deliveries is handed to the provider (after any rate-limit wait), so a pause
/// or a cancel stops messages that a dispatcher had already claimed — within seconds, not after a long rate-limited
/// batch. Owned by the module that owns the deliveries' campaigns; the default holds nothing.
/// </summary>
public interface IDispatchHolds
{
    /// <param name="campaigns">Delivery id → campaign id, for the chunk's campaign deliveries only.</param>
    /// <returns>Delivery id → hold, for those that must not be sent now.</returns>
    Task<IReadOnlyDictionary<Guid, DispatchHold>> HoldsAsync(IReadOnlyDictionary<Guid, Guid> campaigns, CancellationToken ct);
}

/// <summary>No campaigns module: nothing is ever held.</summary>
public sealed class NoDispatchHolds : IDispatchHolds
{
    public Task<IReadOnlyDictionary<Guid, DispatchHold>> HoldsAsync(IReadOnlyDictionary<Guid, Guid> campaigns, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, DispatchHold>>(new Dictionary<Guid, DispatchHold>());
}
