using BrandHub.Core.Attribution;

namespace BrandHub.Core.Tests.Attribution;

public sealed class DailyRollupTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly D0 = DateOnly.FromDateTime(T0.UtcDateTime);

    [Fact]
    public void A_hand_checked_day()
    {
        var visitor = new List<VisitorEvent>
        {
            new(T0.AddHours(9), "paid_search", "google", "bf"),
            new(T0.AddHours(20), "email", "newsletter", "bf"),
            new(T0.AddHours(20.1), "direct", "(direct)", null, true, 90m, NewCustomer: true),
            new(T0.AddDays(1).AddHours(8), "direct", "(direct)", null),
        };
        var rows = DailyRollup.Compute([visitor], D0, D0.AddDays(1), Journeys.DefaultLookback, AttributionModels.Linear);
        rows.ShouldBe(
        [
            new DailyRow(D0, "email", "bf", 1, 0.5m, 45m, 0.5m),
            new DailyRow(D0, "paid_search", "bf", 1, 0.5m, 45m, 0.5m),
            new DailyRow(D0.AddDays(1), "direct", "", 1, 0m, 0m, 0m),
        ]);
    }

    [Fact]
    public void Days_are_the_calendars_days()
    {
        var bucharest = ReportDays.For("Europe/Bucharest"); // UTC+2 in November
        var visitor = new List<VisitorEvent>
        {
            new(T0.AddHours(21.5), "paid_search", "google", "bf"), // 23:30 local, 1 November
            new(T0.AddHours(22.5), "email", "newsletter", "bf"),   // 00:30 local, 2 November
            new(T0.AddHours(22.6), "direct", "(direct)", null, true, 90m),
        };
        DailyRollup.Compute([visitor], D0, D0.AddDays(1), Journeys.DefaultLookback, AttributionModels.LastTouch, calendar: bucharest).ShouldBe(
        [
            new DailyRow(D0, "paid_search", "bf", 1, 0m, 0m, 0m),
            new DailyRow(D0.AddDays(1), "email", "bf", 1, 1m, 90m, 0m),
            new DailyRow(D0.AddDays(1), "paid_search", "bf", 0, 0m, 0m, 0m), // on the path, no credit under last touch
        ]);
        DailyRollup.Compute([visitor], D0, D0, Journeys.DefaultLookback, AttributionModels.LastTouch).Sum(r => r.Revenue).ShouldBe(90m); // all on 1 November in UTC
    }

    private static List<List<VisitorEvent>> RandomVisitors(int seed)
    {
        var random = new Random(seed);
        var channels = new[] { "direct", "email", "paid_search", "organic_search", "paid_social" };
        var campaigns = new[] { null, "bf", "xmas" };
        return Enumerable.Range(0, random.Next(1, 40)).Select(_ =>
        {
            var at = T0.AddDays(-35).AddMinutes(random.Next(0, 60 * 24 * 60));
            return Enumerable.Range(0, random.Next(1, 25)).Select(_ =>
            {
                at = at.AddMinutes(random.Next(1, 60 * 24 * 4));
                return random.Next(5) == 0
                    ? new VisitorEvent(at, "direct", "(direct)", null, true, random.Next(0, 50_000) / 100m, random.Next(3) == 0)
                    : new VisitorEvent(at, channels[random.Next(channels.Length)], "s", campaigns[random.Next(campaigns.Length)]);
            }).ToList();
        }).ToList();
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("first_touch")]
    [InlineData("last_non_direct")]
    [InlineData("time_decay")]
    [InlineData("position_based")]
    public void Each_days_credit_adds_up_to_its_conversions_and_revenue(string model)
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            var visitors = RandomVisitors(seed);
            var rows = DailyRollup.Compute(visitors, D0, D0.AddDays(20), Journeys.DefaultLookback, model);
            var conversions = visitors.SelectMany(v => v).Where(e => e.Conversion && e.At >= T0 && e.At < T0.AddDays(21)).ToList();
            foreach (var day in conversions.GroupBy(e => DateOnly.FromDateTime(e.At.UtcDateTime)))
            {
                rows.Where(r => r.Day == day.Key).Sum(r => r.Conversions).ShouldBe(day.Count(), $"seed {seed} {day.Key}");
                rows.Where(r => r.Day == day.Key).Sum(r => r.Revenue).ShouldBe(day.Sum(e => e.Value), $"seed {seed} {day.Key}");
                rows.Where(r => r.Day == day.Key).Sum(r => r.NewCustomers).ShouldBe(day.Count(e => e.NewCustomer), $"seed {seed} {day.Key}");
            }
        }
    }

    [Fact]
    public void Recomputing_any_single_day_gives_that_days_rows_of_the_whole_range()
    {
        // What lets the rollup job recompute only the days new events touch.
        for (var seed = 1; seed <= 40; seed++)
        {
            var visitors = RandomVisitors(seed);
            var whole = DailyRollup.Compute(visitors, D0, D0.AddDays(14), Journeys.DefaultLookback, AttributionModels.PositionBased);
            var dayByDay = Enumerable.Range(0, 15)
                .SelectMany(d => DailyRollup.Compute(visitors, D0.AddDays(d), D0.AddDays(d), Journeys.DefaultLookback, AttributionModels.PositionBased)).ToList();
            dayByDay.ShouldBe(whole, $"seed {seed}");
        }
    }

    [Fact]
    public void Markov_is_not_a_rollup_model() =>
        Should.Throw<ArgumentException>(() => DailyRollup.Compute([], D0, D0, Journeys.DefaultLookback, AttributionModels.Markov));
}
