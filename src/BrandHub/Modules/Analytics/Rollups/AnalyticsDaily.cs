using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>A row of the daily rollup (<see cref="Core.Attribution.DailyRow"/>) as stored: what the dashboard sums.</summary>
public sealed class AnalyticsDaily : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>Midnight UTC of the day.</summary>
    public DateTimeOffset Day { get; set; }
    public string Channel { get; set; } = "";
    public string Campaign { get; set; } = "";
    public long Sessions { get; set; }
    public decimal Conversions { get; set; }
    public decimal Revenue { get; set; }
    public decimal NewCustomers { get; set; }
}

/// <summary>A day's conversions by a segment the converting contacts were in (not additive across segments: a contact may be in several).</summary>
public sealed class AnalyticsSegmentDaily : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateTimeOffset Day { get; set; }
    public Guid SegmentId { get; set; }
    public decimal Conversions { get; set; }
    public decimal Revenue { get; set; }
}

/// <summary>
/// A tenant's reporting choices — the model and lookback window the dashboard's numbers use, and the currency they are
/// in — and how far the rollup has come: what model and window it was built for (a change means a rebuild) and the
/// watermark of received events it has taken in.
/// </summary>
public sealed class AnalyticsSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Model { get; set; } = Core.Attribution.AttributionModels.LastNonDirect;
    public int LookbackDays { get; set; } = 30;
    public string Currency { get; set; } = "RON";
    /// <summary>The industry benchmarks rate results against (<see cref="Core.Analytics.IndustryBenchmarks.Industries"/>).</summary>
    public string Industry { get; set; } = Core.Analytics.IndustryBenchmarks.Ecommerce;
    /// <summary>The tenant's own thresholds, channel → metric → bands, where it changed the shipped ones.</summary>
    public string? BenchmarksJson { get; set; }
    /// <summary>The event names that count as conversions, comma-separated (default purchase, lead, signup).</summary>
    public string ConversionEvents { get; set; } = string.Join(',', Core.Tracking.TrackEventTypes.DefaultConversions);
    /// <summary>The tenant's channel classification lists (<see cref="Core.Tracking.ChannelRules"/>), replacing shipped ones list by list.</summary>
    public string? ChannelRulesJson { get; set; }

    public IReadOnlyList<string> Conversions => ConversionEvents.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public string? RollupBuiltFor { get; set; }
    public DateTimeOffset? RollupWatermark { get; set; }
    public DateTimeOffset? RolledUpAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>What the rollup depends on besides the events — these settings and the tenant's time zone: a change means a rebuild.</summary>
    public string BuildKey(Core.Attribution.ReportDays calendar) => $"{Model}/{LookbackDays}/{ConversionEvents}/{calendar.Zone.Id}";
}
