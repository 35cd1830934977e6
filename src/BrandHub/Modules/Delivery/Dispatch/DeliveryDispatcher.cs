using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>
/// The delivery pipeline of one node: <see cref="DeliveryOptions.Concurrency"/> lanes, each looping claim → send →
/// record. A lane claims a batch of due deliveries under a lease, hands each tenant's share to its channel's dispatch
/// round, and records every outcome in one statement. Any number of nodes run this against one database; the claim
/// (SKIP LOCKED) keeps them apart and the lease brings a crashed node's batch back.
/// </summary>
public sealed class DeliveryDispatcher(DeliveryClaims claims, IServiceScopeFactory scopes, DeliveryOptions options, TimeProvider clock,
    ILogger<DeliveryDispatcher> log) : BackgroundService
{
    private readonly string node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Set when a lane last polled; readiness reads it (<see cref="DispatcherHealth"/>).</summary>
    public static DateTimeOffset? LastPollAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        log.LogInformation("Delivery dispatcher {Node} started: {Lanes} lanes of {Batch}", node, options.Concurrency, options.BatchSize);
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(lane => Task.Run(() => LaneAsync(lane, stop), CancellationToken.None)));
    }

    private async Task LaneAsync(int lane, CancellationToken stop)
    {
        var worker = $"{node}:{lane}";
        var nextRecovery = DateTimeOffset.MinValue;
        while (!stop.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                LastPollAt = DateTimeOffset.UtcNow;
                if (lane == 0 && DateTimeOffset.UtcNow >= nextRecovery)
                {
                    await claims.RecoverExpiredAsync(stop);
                    nextRecovery = DateTimeOffset.UtcNow.AddSeconds(Math.Min(5, options.LeaseSeconds / 2));
                }
                var claimedAt = clock.GetUtcNow();
                // Half the lease for sending leaves the other half for recording, so a healthy node never loses its lease mid-batch.
                var sendBy = DateTime.UtcNow.AddSeconds(options.LeaseSeconds / 2);
                var batch = await claims.ClaimAsync(worker, options.BatchSize, stop);
                busy = batch.Count > 0;
                foreach (var tenant in batch) await DispatchAsync(worker, claimedAt, sendBy, tenant.Key, tenant.ToList());
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Delivery lane {Worker} failed a round; retrying", worker); }
            if (!busy)
                try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stop); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>
    /// Sends one tenant's share of a batch and records it. Runs to the end even during shutdown: a batch handed to the
    /// provider must be recorded, or it would be sent again when the lease expires.
    /// </summary>
    private async Task DispatchAsync(string worker, DateTimeOffset claimedAt, DateTime sendBy, Guid tenantId, List<Delivery> batch)
    {
        IReadOnlyList<DeliveryOutcome> outcomes;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            scope.ServiceProvider.GetRequiredService<Actor>().Set("system:dispatcher");
            try
            {
                outcomes = await scope.ServiceProvider.GetRequiredService<EmailDispatch>().RunAsync(tenantId, batch, sendBy, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogError(e, "Dispatching {Count} deliveries of tenant {Tenant} failed", batch.Count, tenantId);
                var retryAt = clock.GetUtcNow().AddSeconds(options.RetryBaseSeconds);
                outcomes = batch.Select(d => d.Attempts >= options.MaxAttempts
                    ? new DeliveryOutcome(d.Id, DeliveryStatuses.Dead, $"Dispatch failed: {e.Message}", Error: e.Message)
                    : new DeliveryOutcome(d.Id, DeliveryStatuses.Queued, $"Dispatch failed: {e.Message}", RunAt: retryAt, Error: e.Message)).ToList();
            }
        }
        var recorded = await claims.FinishAsync(tenantId, worker, claimedAt, outcomes, CancellationToken.None);
        if (recorded < outcomes.Count)
            log.LogWarning("{Lost} of {Count} deliveries lost their lease before being recorded (another node took them over)", outcomes.Count - recorded, outcomes.Count);
    }
}
