using BrandHub.Data;
using BrandHub.Modules.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Refreshes dynamic segments in the background. With a tenant (the debounced job after contact changes): every dynamic
/// segment of that tenant, referenced segments first. Without one (the recurring schedule): queues one such job per tenant
/// that has dynamic segments.
/// </summary>
public sealed class SegmentRefreshJob(BrandHubDb db, SegmentRefresh refresh, JobQueue queue, SegmentsOptions options, TimeProvider clock) : IJobHandler
{
    public const string Kind = "segments.refresh";
    string IJobHandler.Kind => Kind;

    public async Task RunAsync(JobContext context)
    {
        var ct = context.Cancellation;
        if (context.Job.TenantId is not null)
        {
            var total = await refresh.RefreshAllAsync(ct);
            await context.ReportProgressAsync(total, total);
            return;
        }
        db.Scope.EnterPlatform();
        var tenants = await db.AllTenants<Segment>().Where(s => s.DeletedAt == null && s.Type == SegmentTypes.Dynamic)
            .Select(s => s.TenantId).Distinct().ToListAsync(ct);
        var window = (long)Math.Max(1, options.RefreshDebounceSeconds * 1000);
        var bucket = clock.GetUtcNow().ToUnixTimeMilliseconds() / window;
        foreach (var tenant in tenants)
        {
            try { await queue.EnqueueAsync(tenant, Kind, new { }, dedupKey: $"{Kind}:{tenant}:{bucket}", ct: ct); }
            catch (DbUpdateException) { } // a change already queued this window's refresh for the tenant
        }
    }
}
