using BrandHub.Data;
using BrandHub.Modules.Analytics.Tracking;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>
/// Queues rollup jobs: at start-up one per tenant with tracked events (catching up on whatever came in while this node
/// was down), then every
/// <see cref="AnalyticsOptions.RollupIntervalSeconds"/> one per tenant this node stored events for — so dashboards lag by
/// about a minute, never a nightly batch. At most one job per tenant per interval, across nodes (dedup key).
/// </summary>
public sealed class RollupSchedule(JobQueue queue, TrackWriter writer, IServiceScopeFactory scopes, AnalyticsOptions options, TimeProvider clock,
    ILogger<RollupSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RollupEnabled) return;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform();
            // Only tenants with tracked events: the others have nothing to roll up, and a job each would be needless writes.
            foreach (var tenant in await db.Set<Tenant>().Select(t => t.Id).ToListAsync(stoppingToken))
                if (await db.AllTenants<TrackEvent>().AnyAsync(e => e.TenantId == tenant, stoppingToken)) await QueueAsync(tenant, stoppingToken);

            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.RollupIntervalSeconds), clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                foreach (var tenant in writer.TakeTenantsWithNewEvents()) await QueueAsync(tenant, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public async Task QueueAsync(Guid tenant, CancellationToken ct)
    {
        var bucket = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)(options.RollupIntervalSeconds * 1000);
        try { await queue.EnqueueAsync(tenant, RollupJob.Kind, new { }, dedupKey: $"{RollupJob.Kind}:{tenant}:{bucket}", ct: ct); }
        catch (DbUpdateException) { log.LogDebug("A rollup for {Tenant} is already queued for this interval", tenant); }
    }
}
