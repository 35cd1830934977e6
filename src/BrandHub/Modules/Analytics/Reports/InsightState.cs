using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>An insight a person dismissed or marked done: it stays out of the feed until <see cref="Until"/>, even while it recurs.</summary>
public sealed class InsightState : ITenantOwned
{
    public const string Open = "open", Dismissed = "dismissed", Done = "done";
    public static readonly IReadOnlyList<string> All = [Open, Dismissed, Done];
    /// <summary>How long a dismissal or a "done" holds: long enough to outlast the periods people look at, short enough that a problem that persists comes back.</summary>
    public static readonly TimeSpan HoldsFor = TimeSpan.FromDays(30);

    public Guid TenantId { get; set; }
    /// <summary><see cref="Insights.Insight.Key"/>.</summary>
    public string Key { get; set; } = "";
    public string State { get; set; } = Dismissed;
    public DateTimeOffset Until { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
