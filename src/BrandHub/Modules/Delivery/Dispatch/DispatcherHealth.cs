using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>Readiness on dispatcher nodes: the delivery lanes are polling (a stuck loop means nothing leaves this node).</summary>
public sealed class DispatcherHealth(DeliveryOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Enabled) return Task.FromResult(HealthCheckResult.Healthy("The delivery dispatcher is disabled on this node."));
        var last = DeliveryDispatcher.LastPollAt;
        // A lane busy with a batch does not poll; a batch must finish within its lease, so that is the limit.
        var limit = TimeSpan.FromSeconds(Math.Max(30, options.LeaseSeconds));
        return Task.FromResult(last is { } t && DateTimeOffset.UtcNow - t < limit
            ? HealthCheckResult.Healthy($"Last poll {t:O}")
            : HealthCheckResult.Unhealthy("The delivery dispatcher is not polling."));
    }
}
