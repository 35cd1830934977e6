namespace BrandHub.Core.Campaigns;

/// <summary>
/// Where a campaign stands (PRODUCT.md §4). Wire names are the lower-case member names. Which moves are allowed is
/// <see cref="CampaignLifecycle"/>'s business.
/// </summary>
public enum CampaignStatus
{
    /// <summary>Being prepared; editable.</summary>
    Draft,

    /// <summary>Waiting for its launch time (or its next recurrence).</summary>
    Scheduled,

    /// <summary>Launched: its deliveries are being queued and sent.</summary>
    Running,

    /// <summary>Stopped by a marketer or by the budget guard; nothing is sent until resumed.</summary>
    Paused,

    /// <summary>Everything was sent (or it was completed by hand); read-only.</summary>
    Completed,

    /// <summary>Stopped for good before finishing; unsent deliveries were withdrawn.</summary>
    Cancelled,

    /// <summary>Put away with its full history; read-only.</summary>
    Archived,
}

/// <summary>Wire names of <see cref="CampaignStatus"/>.</summary>
public static class CampaignStatuses
{
    public const string Draft = "draft", Scheduled = "scheduled", Running = "running", Paused = "paused", Completed = "completed",
        Cancelled = "cancelled", Archived = "archived";

    public static IReadOnlyList<string> All { get; } = [Draft, Scheduled, Running, Paused, Completed, Cancelled, Archived];

    public static string Format(CampaignStatus status) => All[(int)status];

    public static bool TryParse(string? name, out CampaignStatus status)
    {
        var i = name is null ? -1 : ((List<string>)[.. All]).IndexOf(name);
        status = i < 0 ? default : (CampaignStatus)i;
        return i >= 0;
    }
}
