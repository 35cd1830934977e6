namespace BrandHub.Modules.Segments;

/// <summary>Segment settings, section <c>BrandHub:Segments</c>.</summary>
public sealed class SegmentsOptions
{
    /// <summary>When every tenant's dynamic segments are refreshed (cron, UTC); empty turns the schedule off.</summary>
    public string RefreshCron { get; set; } = "*/15 * * * *";
    /// <summary>
    /// Changes to contacts (edits, tags, consents, events) trigger one refresh per tenant per window of this many seconds,
    /// run at the window's end — so a burst of changes costs one refresh, and members lag a change by at most this.
    /// </summary>
    public double RefreshDebounceSeconds { get; set; } = 30;
}
