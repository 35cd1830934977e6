using BrandHub.Core.Attribution;

namespace BrandHub.Core.Tests.Attribution;

public sealed class ReportDaysTests
{
    [Theory]
    [InlineData("Europe/Bucharest", "2026-11-01T21:59:59Z", "2026-11-01")]
    [InlineData("Europe/Bucharest", "2026-11-01T22:00:00Z", "2026-11-02")] // UTC+2 in winter
    [InlineData("Europe/Bucharest", "2026-07-01T20:59:59Z", "2026-07-01")]
    [InlineData("Europe/Bucharest", "2026-07-01T21:00:00Z", "2026-07-02")] // UTC+3 in summer
    [InlineData("America/New_York", "2026-11-02T04:59:59Z", "2026-11-01")]
    [InlineData("UTC", "2026-11-01T23:59:59Z", "2026-11-01")]
    public void An_instant_falls_on_the_local_day(string zone, string at, string day) =>
        ReportDays.For(zone).DayOf(DateTimeOffset.Parse(at)).ShouldBe(DateOnly.Parse(day));

    [Theory]
    [InlineData("Europe/Bucharest", "2026-11-02", "2026-11-01T22:00:00Z")]
    [InlineData("Europe/Bucharest", "2026-03-29", "2026-03-28T22:00:00Z")] // the DST day starts before the 03:00 jump
    [InlineData("America/Santiago", "2024-09-08", "2024-09-08T04:00:00Z")] // midnight does not exist: the day starts at 01:00 (-03)
    [InlineData("America/Havana", "2024-11-03", "2024-11-03T04:00:00Z")]   // midnight happens twice: the first one (-04)
    public void A_day_starts_at_local_midnight_or_the_first_time_that_exists(string zone, string day, string start) =>
        ReportDays.For(zone).Start(DateOnly.Parse(day)).ShouldBe(DateTimeOffset.Parse(start));

    [Theory]
    [InlineData("Europe/Bucharest")]
    [InlineData("America/Santiago")]
    [InlineData("America/Havana")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Asia/Kathmandu")]
    public void Every_day_of_two_years_starts_on_itself_and_ends_where_the_next_begins(string zone)
    {
        var days = ReportDays.For(zone);
        for (var day = new DateOnly(2024, 1, 1); day < new DateOnly(2026, 1, 1); day = day.AddDays(1))
        {
            var (from, to) = days.Span(day, day);
            days.DayOf(from).ShouldBe(day);
            days.DayOf(to.AddTicks(-1)).ShouldBe(day);
            (to - from).ShouldBeInRange(TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        }
    }

    [Fact]
    public void An_unknown_zone_reads_as_UTC_and_keys_are_midnight_UTC_labels()
    {
        ReportDays.For("Mars/Olympus").Zone.ShouldBe(TimeZoneInfo.Utc);
        ReportDays.For(null).ShouldBeSameAs(ReportDays.Utc);
        ReportDays.Key(new DateOnly(2026, 11, 2)).ShouldBe(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        ReportDays.FromKey(ReportDays.Key(new DateOnly(2026, 11, 2))).ShouldBe(new DateOnly(2026, 11, 2));
    }
}
