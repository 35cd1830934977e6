using BrandHub.Core.Analytics;

namespace BrandHub.Core.Tests.Analytics;

public sealed class AnomalyDetectorTests
{
    private static readonly DateOnly Monday = new(2026, 9, 7);

    /// <summary>Weekends double, a gentle upward trend, a little noise: a normal shop.</summary>
    private static List<(DateOnly Day, double Value)> Seasonal(int days, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, days).Select(i =>
        {
            var day = Monday.AddDays(i);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            return (day, (weekend ? 2000.0 : 1000.0) + 5 * i + random.Next(-60, 60));
        }).ToList();
    }

    [Fact]
    public void A_normal_seasonal_series_has_no_anomalies()
    {
        for (var seed = 1; seed <= 40; seed++) AnomalyDetector.Find(Seasonal(84, seed), Monday.AddDays(56)).ShouldBeEmpty($"seed {seed}");
    }

    [Fact]
    public void A_busy_saturday_is_not_an_anomaly_but_a_weekday_drop_is()
    {
        var series = Seasonal(84);
        var drop = series.FindIndex(p => p.Day == Monday.AddDays(72)); // a Thursday
        series[drop] = (series[drop].Day, 300);
        var found = AnomalyDetector.Find(series, Monday.AddDays(56));
        found.Single().Day.ShouldBe(Monday.AddDays(72));
        found[0].Score.ShouldBeLessThan(-AnomalyDetector.Threshold);
        found[0].Expected.ShouldBeInRange(1250, 1500);
    }

    [Fact]
    public void A_spike_is_found_and_does_not_hide_the_next_one()
    {
        var series = Seasonal(84);
        foreach (var offset in new[] { 60, 70 })
        {
            var i = series.FindIndex(p => p.Day == Monday.AddDays(offset));
            series[i] = (series[i].Day, series[i].Value * 3);
        }
        AnomalyDetector.Find(series, Monday.AddDays(56)).Select(a => a.Day).ShouldBe([Monday.AddDays(60), Monday.AddDays(70)]);
    }

    [Fact]
    public void Too_little_history_or_a_flat_line_flags_nothing()
    {
        AnomalyDetector.Find(Seasonal(10), Monday).ShouldBeEmpty();
        AnomalyDetector.Find(Enumerable.Range(0, 40).Select(i => (Monday.AddDays(i), 0.0)).ToList(), Monday).ShouldBeEmpty();
    }
}
