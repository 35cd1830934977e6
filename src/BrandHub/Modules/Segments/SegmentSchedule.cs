using BrandHub.Modules.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>Puts the recurring refresh of dynamic segments on the job schedule at start-up (<see cref="SegmentsOptions.RefreshCron"/>).</summary>
public sealed class SegmentSchedule(JobQueue queue, SegmentsOptions options, ILogger<SegmentSchedule> log) : IHostedService
{
    public const string Name = "segments.refresh";

    public async Task StartAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.RefreshCron)) return;
        try { await queue.ScheduleRecurringAsync(Name, options.RefreshCron, "UTC", SegmentRefreshJob.Kind, new { }, ct); }
        catch (DbUpdateException e) { log.LogInformation(e, "Another node scheduled the segment refresh first"); }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
