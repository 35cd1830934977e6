using BrandHub.Core.Attribution;

namespace BrandHub.Core.Tests.Attribution;

public sealed class JourneysTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static VisitorEvent Visit(double minutes, string channel = "direct", string source = "(direct)", string? campaign = null) =>
        new(T0.AddMinutes(minutes), channel, source, campaign);

    private static VisitorEvent Buy(double minutes, decimal value = 100) => new(T0.AddMinutes(minutes), "direct", "(direct)", null, true, value);

    [Theory]
    // gap in minutes between two plain page views → touches
    [InlineData(29.9, 1)]
    [InlineData(30, 1)]
    [InlineData(30.01, 2)]
    [InlineData(600, 2)]
    public void A_visit_ends_after_thirty_quiet_minutes(double gap, int touches) =>
        Journeys.Touches([Visit(0), Visit(gap)]).Count.ShouldBe(touches);

    [Fact]
    public void A_campaign_click_mid_visit_starts_a_touch_internal_navigation_does_not()
    {
        var touches = Journeys.Touches([Visit(0, "organic_search", "google"), Visit(1), Visit(2, "email", "brandhub", "black-friday"), Visit(3),
            Visit(4, "email", "brandhub", "black-friday")]);
        touches.Select(t => t.Channel).ShouldBe(["organic_search", "email"]);
        touches[1].Campaign.ShouldBe("black-friday");
    }

    [Fact]
    public void Conversions_never_start_a_touch_but_keep_the_visit_alive()
    {
        Journeys.Touches([Visit(0, "paid_search", "google"), Buy(600)]).Count.ShouldBe(1);
        Journeys.Touches([Visit(0, "paid_search", "google"), Buy(20), Visit(45)]).Count.ShouldBe(1);
    }

    [Theory]
    // touch age in days at the conversion → in the journey (lookback 30 days, its start included)
    [InlineData(0, true)]
    [InlineData(29.999, true)]
    [InlineData(30, true)]
    [InlineData(30.0001, false)]
    public void The_lookback_window_includes_its_start(double ageDays, bool included)
    {
        var events = new[] { Visit(0, "paid_social", "meta"), Buy(ageDays * 24 * 60) };
        var journeys = Journeys.Build(events, T0, T0.AddDays(60), Journeys.DefaultLookback);
        var converted = journeys.Single(j => j.Converted);
        converted.Touches.Single().Channel.ShouldBe(included ? "paid_social" : "direct");
    }

    [Fact]
    public void Touches_after_the_last_conversion_make_one_open_journey_in_the_period()
    {
        var events = new[] { Visit(0, "paid_search", "google"), Buy(5, 80), Visit(100, "email", "brandhub"), Visit(300, "organic_social", "facebook") };
        var journeys = Journeys.Build(events, T0, T0.AddDays(1), Journeys.DefaultLookback);
        journeys.Count.ShouldBe(2);
        journeys[0].ShouldSatisfyAllConditions(j => j.Converted.ShouldBeTrue(), j => j.Value.ShouldBe(80m),
            j => j.Touches.Select(t => t.Channel).ShouldBe(["paid_search"]));
        journeys[1].ShouldSatisfyAllConditions(j => j.Converted.ShouldBeFalse(), j => j.Value.ShouldBe(0m),
            j => j.Touches.Select(t => t.Channel).ShouldBe(["email", "organic_social"]), j => j.At.ShouldBe(T0.AddMinutes(300)));
    }

    [Fact]
    public void Conversions_outside_the_period_are_not_journeys_but_their_touches_can_be_earlier()
    {
        var events = new[] { Visit(0, "referral", "blog.example"), Buy(60 * 24 * 3), Buy(60 * 24 * 10) };
        var journeys = Journeys.Build(events, T0.AddDays(5), T0.AddDays(20), Journeys.DefaultLookback);
        journeys.Single().ShouldSatisfyAllConditions(j => j.Converted.ShouldBeTrue(), j => j.At.ShouldBe(T0.AddDays(10)),
            j => j.Touches.Single().Channel.ShouldBe("referral"));
    }

    [Fact]
    public void Every_converting_journey_has_a_touch_and_every_touch_lies_in_its_window() =>
        Enumerable.Range(1, 200).ToList().ForEach(seed =>
        {
            var random = new Random(seed);
            var channels = new[] { "direct", "email", "paid_search", "organic_search" };
            var minute = 0.0;
            var events = Enumerable.Range(0, random.Next(1, 30)).Select(_ =>
            {
                minute += random.NextDouble() * 60 * 24 * 5;
                return random.Next(4) == 0 ? Buy(minute, random.Next(1, 500)) : Visit(minute, channels[random.Next(channels.Length)], "s" + random.Next(3));
            }).ToList();
            var lookback = TimeSpan.FromDays(random.Next(1, 40));
            foreach (var j in Journeys.Build(events, T0, T0.AddDays(365), lookback))
            {
                j.Touches.ShouldNotBeEmpty();
                if (j.Converted) j.Touches.ShouldAllBe(t => t.At <= j.At && t.At >= j.At - lookback);
                else j.Touches.ShouldAllBe(t => t.At <= j.At);
            }
        });
}
