using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>Brings one tenant's daily rollup up to date (<see cref="AnalyticsRollup"/>).</summary>
public sealed class RollupJob(AnalyticsRollup rollup) : IJobHandler
{
    public const string Kind = "analytics.rollup";
    string IJobHandler.Kind => Kind;

    public async Task RunAsync(JobContext context)
    {
        var run = await rollup.RunAsync(context.Cancellation);
        await context.ReportProgressAsync(run.Days, run.Days);
    }
}
