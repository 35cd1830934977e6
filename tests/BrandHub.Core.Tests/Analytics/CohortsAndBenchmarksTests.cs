using BrandHub.Core.Analytics;

namespace BrandHub.Core.Tests.Analytics;

public sealed class CohortsAndBenchmarksTests
{
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cohorts_by_first_purchase_month_with_retention_and_revenue()
    {
        var purchases = new[]
        {
            ("a", At(2026, 9, 3), 100m), ("a", At(2026, 10, 9), 50m), ("a", At(2026, 11, 1), 20m),
            ("b", At(2026, 9, 20), 80m),
            ("c", At(2026, 10, 2), 60m), ("c", At(2026, 10, 30), 40m), ("c", At(2026, 11, 15), 10m),
        };
        var cohorts = Cohorts.Build(purchases, new DateOnly(2026, 11, 1), 3);
        cohorts.Select(c => c.Month).ShouldBe(["2026-09", "2026-10", "2026-11"]);
        cohorts[0].Customers.ShouldBe(2);
        cohorts[0].Retention.ShouldBe([1m, 0.5m, 0.5m]);
        cohorts[0].Revenue.ShouldBe([180m, 50m, 20m]);
        cohorts[1].ShouldSatisfyAllConditions(c => c.Customers.ShouldBe(1), c => c.Retention.ShouldBe([1m, 1m]), c => c.Revenue.ShouldBe([100m, 10m]));
        cohorts[2].ShouldSatisfyAllConditions(c => c.Customers.ShouldBe(0), c => c.Retention.ShouldBe([0m]));
    }

    [Theory]
    [InlineData(0.01, "poor")]
    [InlineData(0.025, "average")]
    [InlineData(0.04, "good")]
    [InlineData(0.06, "excellent")]
    [InlineData(0.2, "excellent")]
    public void Paid_search_conversion_rates_are_rated(double value, string rating) =>
        IndustryBenchmarks.For(IndustryBenchmarks.Ecommerce, "paid_search")["conversionRate"].Rate((decimal)value).ShouldBe(rating);

    [Theory]
    [InlineData(200, "poor")]
    [InlineData(120, "average")]
    [InlineData(69.99, "good")]
    [InlineData(40, "excellent")]
    public void For_a_cost_lower_is_better(double cpa, string rating) =>
        IndustryBenchmarks.For(IndustryBenchmarks.Ecommerce, "paid_social")["cpa"].Rate((decimal)cpa).ShouldBe(rating);

    [Fact]
    public void Every_shipped_band_is_ordered() =>
        IndustryBenchmarks.Industries.SelectMany(i => new[] { "email", "sms", "paid_search", "paid_social", "display", "direct", "referral" }
            .SelectMany(c => IndustryBenchmarks.For(i, c))).SelectMany(b => b.Value.Validate(b.Key)).ShouldBeEmpty();

    [Fact]
    public void Misordered_bands_are_refused() =>
        new BenchmarkBands(0.05m, 0.03m, 0.04m).Validate("conversionRate").ShouldNotBeEmpty();
}
