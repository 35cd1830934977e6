namespace BrandHub.Modules.Analytics;

/// <summary><c>BrandHub:Analytics</c> settings.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Keep the daily rollup fresh in the background (on by default).</summary>
    public bool RollupEnabled { get; set; } = true;
    /// <summary>How often tenants with new events get a rollup job.</summary>
    public double RollupIntervalSeconds { get; set; } = 60;
    /// <summary>
    /// PostgreSQL: how many group-commit flushes of tracked events may be in flight at once, each on its own kept
    /// connection (SQLite: always one). Two measured best on two cores: one more overlaps a commit's wait, more than that
    /// splits the waiting events into smaller, costlier flushes (track-ingest, docs/BENCHMARKS.md).
    /// </summary>
    public int TrackWriters { get; set; } = 2;
}
