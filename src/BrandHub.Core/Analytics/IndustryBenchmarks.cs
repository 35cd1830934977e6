namespace BrandHub.Core.Analytics;

/// <summary>Where a metric starts to count as average, good and excellent; below average it is poor. For costs (CPA, CAC) lower is better.</summary>
public sealed record BenchmarkBands(decimal Average, decimal Good, decimal Excellent, bool HigherIsBetter = true)
{
    /// <summary>What <see cref="Rate"/> answers, worst first.</summary>
    public static readonly IReadOnlyList<string> Ratings = ["poor", "average", "good", "excellent"];

    public string Rate(decimal value) => HigherIsBetter
        ? value >= Excellent ? "excellent" : value >= Good ? "good" : value >= Average ? "average" : "poor"
        : value <= Excellent ? "excellent" : value <= Good ? "good" : value <= Average ? "average" : "poor";

    public IEnumerable<FieldError> Validate(string field)
    {
        var ordered = HigherIsBetter ? Average <= Good && Good <= Excellent : Average >= Good && Good >= Excellent;
        if (Average < 0 || Good < 0 || Excellent < 0) yield return new(field, "Thresholds are never negative.");
        else if (!ordered) yield return new(field, HigherIsBetter ? "average ≤ good ≤ excellent." : "For a cost, average ≥ good ≥ excellent (lower is better).");
    }
}

/// <summary>
/// The shipped benchmark table: per industry, channel and metric, the thresholds results are rated against. Figures are
/// typical published ranges for small and mid-size shops (conversion rate per visit, ROAS, CPA and CAC in RON, email open
/// and click rates per delivered message); tenants override any of them.
/// </summary>
public static class IndustryBenchmarks
{
    public const string Ecommerce = "ecommerce", B2b = "b2b";
    public static readonly IReadOnlyList<string> Industries = [Ecommerce, B2b];
    public static readonly IReadOnlyList<string> Metrics = ["conversionRate", "roas", "cpa", "cac", "openRate", "clickRate"];

    public static bool IsCost(string metric) => metric is "cpa" or "cac";

    public static IReadOnlyDictionary<string, BenchmarkBands> For(string industry, string channel)
    {
        var b2b = industry == B2b;
        var conversion = channel switch
        {
            "email" => Bands(0.03m, 0.05m, 0.08m), "sms" => Bands(0.03m, 0.05m, 0.08m), "paid_search" => Bands(0.025m, 0.04m, 0.06m),
            "paid_social" => Bands(0.012m, 0.02m, 0.035m), "display" => Bands(0.005m, 0.01m, 0.02m), "direct" => Bands(0.025m, 0.04m, 0.06m),
            _ => Bands(0.02m, 0.03m, 0.045m),
        };
        var bands = new Dictionary<string, BenchmarkBands>
        {
            ["conversionRate"] = b2b ? conversion with { Average = conversion.Average / 2, Good = conversion.Good / 2, Excellent = conversion.Excellent / 2 } : conversion,
            ["roas"] = Bands(2m, 4m, 6m),
            ["cpa"] = b2b ? Bands(400m, 250m, 150m, false) : Bands(120m, 70m, 40m, false),
            ["cac"] = b2b ? Bands(900m, 600m, 350m, false) : Bands(150m, 90m, 50m, false),
        };
        if (channel == "email")
        {
            bands["openRate"] = Bands(0.2m, 0.3m, 0.4m);
            bands["clickRate"] = Bands(0.02m, 0.035m, 0.05m);
        }
        return bands;
    }

    private static BenchmarkBands Bands(decimal average, decimal good, decimal excellent, bool higherIsBetter = true) => new(average, good, excellent, higherIsBetter);
}
