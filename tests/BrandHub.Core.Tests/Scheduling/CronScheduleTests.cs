using System.Globalization;
using BrandHub.Core.Scheduling;

namespace BrandHub.Core.Tests.Scheduling;

public class CronScheduleTests
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // 2025-01-15 is a Wednesday.
    [Theory]
    [InlineData("* * * * *", "2025-01-15T10:07:30Z", "2025-01-15T10:08:00Z")]
    [InlineData("*/5 * * * *", "2025-01-15T10:07:30Z", "2025-01-15T10:10:00Z")]
    [InlineData("0 * * * *", "2025-01-15T10:07:30Z", "2025-01-15T11:00:00Z")]
    [InlineData("30 9 * * *", "2025-01-15T10:07:30Z", "2025-01-16T09:30:00Z")]
    [InlineData("15 10 15 1 *", "2025-01-15T10:07:30Z", "2025-01-15T10:15:00Z")]
    [InlineData("0 11 * * *", "2025-01-15T11:00:00Z", "2025-01-16T11:00:00Z")]
    [InlineData("0 0 1 * *", "2025-01-15T10:07:30Z", "2025-02-01T00:00:00Z")]
    [InlineData("0 9 * * MON-FRI", "2025-01-15T10:07:30Z", "2025-01-16T09:00:00Z")]
    [InlineData("0 9 * * 1-5", "2025-01-17T10:00:00Z", "2025-01-20T09:00:00Z")]
    [InlineData("0 12 * * SAT,SUN", "2025-01-15T10:07:30Z", "2025-01-18T12:00:00Z")]
    [InlineData("0 12 * * 7", "2025-01-15T10:07:30Z", "2025-01-19T12:00:00Z")]
    [InlineData("0 12 * * 0", "2025-01-15T10:07:30Z", "2025-01-19T12:00:00Z")]
    [InlineData("0 0 * * FRI-SUN", "2025-01-15T10:07:30Z", "2025-01-17T00:00:00Z")]
    [InlineData("0 0 * * 5-7", "2025-01-18T10:00:00Z", "2025-01-19T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2025-01-15T10:07:30Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 0 31 * *", "2025-02-01T00:00:00Z", "2025-03-31T00:00:00Z")]
    [InlineData("59 23 31 12 *", "2025-12-31T23:59:00Z", "2026-12-31T23:59:00Z")]
    [InlineData("0 0 1 jul *", "2025-01-15T10:07:30Z", "2025-07-01T00:00:00Z")]
    [InlineData("0 0 1 JAN *", "2025-01-15T10:07:30Z", "2026-01-01T00:00:00Z")]
    [InlineData("1-10/2 * * * *", "2025-01-15T10:07:30Z", "2025-01-15T10:09:00Z")]
    [InlineData("5/15 * * * *", "2025-01-15T10:07:30Z", "2025-01-15T10:20:00Z")]
    [InlineData("0-10/5 8-9 * * *", "2025-01-15T10:07:30Z", "2025-01-16T08:00:00Z")]
    [InlineData("0,30 8,17 * * *", "2025-01-15T10:07:30Z", "2025-01-15T17:00:00Z")]
    [InlineData("0 */6 * * *", "2025-01-15T10:07:30Z", "2025-01-15T12:00:00Z")]
    [InlineData("0 0 1 */3 *", "2025-01-15T10:07:30Z", "2025-04-01T00:00:00Z")]
    [InlineData("@yearly", "2025-01-15T10:07:30Z", "2026-01-01T00:00:00Z")]
    [InlineData("@annually", "2025-01-15T10:07:30Z", "2026-01-01T00:00:00Z")]
    [InlineData("@monthly", "2025-01-15T10:07:30Z", "2025-02-01T00:00:00Z")]
    [InlineData("@weekly", "2025-01-15T10:07:30Z", "2025-01-19T00:00:00Z")]
    [InlineData("@daily", "2025-01-15T10:07:30Z", "2025-01-16T00:00:00Z")]
    [InlineData("@midnight", "2025-01-15T10:07:30Z", "2025-01-16T00:00:00Z")]
    [InlineData("@hourly", "2025-01-15T10:07:30Z", "2025-01-15T11:00:00Z")]
    [InlineData("@HOURLY", "2025-01-15T10:07:30Z", "2025-01-15T11:00:00Z")]
    // Vixie: both day fields restricted → either matches (the 13th or any Friday).
    [InlineData("0 9 13 * FRI", "2025-01-15T10:07:30Z", "2025-01-17T09:00:00Z")]
    [InlineData("0 9 1 * MON", "2025-01-15T10:07:30Z", "2025-01-20T09:00:00Z")]
    [InlineData("0 9 1,20 * SAT", "2025-01-15T10:07:30Z", "2025-01-18T09:00:00Z")]
    // Vixie: a day field starting with '*' counts as unrestricted → both must match (day 1/11/21/31 that is a Friday).
    [InlineData("0 9 */10 * FRI", "2025-01-15T10:07:30Z", "2025-01-31T09:00:00Z")]
    [InlineData("0 9 13 * *", "2025-01-15T10:07:30Z", "2025-02-13T09:00:00Z")]
    public void Next_occurrence_in_utc(string expression, string after, string expected)
    {
        var next = CronSchedule.Parse(expression).NextOccurrence(Instant(after), TimeZoneInfo.Utc);

        next.ShouldBe(Instant(expected));
        next!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    [InlineData("0 0 31 FEB *")]
    public void Impossible_dates_never_fire(string expression)
    {
        CronSchedule.Parse(expression).NextOccurrence(Instant("2025-01-15T10:07:30Z"), TimeZoneInfo.Utc).ShouldBeNull();
    }

    [Theory]
    // Ordinary days: wall-clock 09:00 is 07:00Z in winter (EET, +2) and 06:00Z in summer (EEST, +3).
    [InlineData("0 9 * * *", "2025-01-15T10:00:00Z", "2025-01-16T07:00:00Z")]
    [InlineData("0 9 * * *", "2025-07-01T00:00:00Z", "2025-07-01T06:00:00Z")]
    [InlineData("0 9 * * MON-FRI", "2025-01-17T08:00:00Z", "2025-01-20T07:00:00Z")]
    // Spring forward, Sunday 2025-03-30: 03:00 EET jumps to 04:00 EEST (01:00Z); 03:xx does not exist.
    [InlineData("30 3 * * *", "2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z")]
    [InlineData("0 3 * * *", "2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z")]
    [InlineData("*/15 3 * * *", "2025-03-30T00:50:00Z", "2025-03-30T01:00:00Z")]
    [InlineData("*/15 3 * * *", "2025-03-30T01:00:00Z", "2025-03-31T00:00:00Z")]
    [InlineData("30 3 * * *", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z")]
    [InlineData("30 2 * * *", "2025-03-29T12:00:00Z", "2025-03-30T00:30:00Z")]
    [InlineData("0 4 * * *", "2025-03-29T12:00:00Z", "2025-03-30T01:00:00Z")]
    // Fall back, Sunday 2025-10-26: 04:00 EEST returns to 03:00 EET (01:00Z); 03:xx happens twice.
    [InlineData("30 3 * * *", "2025-10-25T12:00:00Z", "2025-10-26T00:30:00Z")]
    [InlineData("30 3 * * *", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z")]
    [InlineData("30 3 * * *", "2025-10-26T01:10:00Z", "2025-10-27T01:30:00Z")]
    [InlineData("0 4 * * *", "2025-10-25T12:00:00Z", "2025-10-26T02:00:00Z")]
    [InlineData("*/30 * * * *", "2025-10-26T00:45:00Z", "2025-10-26T02:00:00Z")]
    [InlineData("0 2 * * *", "2025-10-25T12:00:00Z", "2025-10-25T23:00:00Z")]
    public void Next_occurrence_in_bucharest_across_daylight_saving(string expression, string after, string expected)
    {
        CronSchedule.Parse(expression).NextOccurrence(Instant(after), Bucharest).ShouldBe(Instant(expected));
    }

    [Theory]
    [InlineData("0 9 * * MON-FRI", "2025-01-15T15:00:00Z", "2025-01-16T14:00:00Z")]
    [InlineData("0 9 * * *", "2025-07-04T12:00:00Z", "2025-07-04T13:00:00Z")]
    [InlineData("0 9 * * *", "2025-07-04T13:00:00Z", "2025-07-05T13:00:00Z")]
    // Spring forward, Sunday 2025-03-09: 02:00 EST jumps to 03:00 EDT (07:00Z).
    [InlineData("30 2 * * *", "2025-03-08T12:00:00Z", "2025-03-09T07:00:00Z")]
    [InlineData("0 2 * * SUN", "2025-03-08T00:00:00Z", "2025-03-09T07:00:00Z")]
    [InlineData("30 2 * * *", "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z")]
    [InlineData("0 3 * * *", "2025-03-08T12:00:00Z", "2025-03-09T07:00:00Z")]
    // Fall back, Sunday 2025-11-02: 02:00 EDT returns to 01:00 EST (06:00Z); 01:xx happens twice.
    [InlineData("30 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02T05:30:00Z")]
    [InlineData("30 1 * * *", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z")]
    [InlineData("30 1 * * *", "2025-11-02T06:10:00Z", "2025-11-03T06:30:00Z")]
    [InlineData("0 1 * * *", "2025-11-01T12:00:00Z", "2025-11-02T05:00:00Z")]
    [InlineData("0 2 * * *", "2025-11-01T12:00:00Z", "2025-11-02T07:00:00Z")]
    public void Next_occurrence_in_new_york_across_daylight_saving(string expression, string after, string expected)
    {
        CronSchedule.Parse(expression).NextOccurrence(Instant(after), NewYork).ShouldBe(Instant(expected));
    }

    [Fact]
    public void A_daily_campaign_fires_exactly_once_per_local_day_through_a_whole_year()
    {
        // Property: walking occurrence to occurrence through 2025 (both DST changes included), a daily job
        // at a time inside the DST hours fires once per local calendar date, strictly increasing.
        foreach (var (zone, expression) in new[] { (Bucharest, "30 3 * * *"), (NewYork, "30 1 * * *"), (NewYork, "30 2 * * *") })
        {
            var schedule = CronSchedule.Parse(expression);
            var at = Instant("2025-01-01T00:00:00Z");
            var localDates = new List<DateOnly>();
            while (true)
            {
                var next = schedule.NextOccurrence(at, zone)!.Value;
                next.ShouldBeGreaterThan(at);
                if (next.Year > 2025)
                {
                    break;
                }

                localDates.Add(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime));
                at = next;
            }

            localDates.Count.ShouldBe(365, $"{zone.Id} {expression}");
            localDates.Distinct().Count().ShouldBe(365);
        }
    }

    [Fact]
    public void Random_schedules_only_fire_on_matching_wall_clock_minutes()
    {
        // Property: for random simple expressions, each occurrence is strictly later than its input, falls on a
        // whole minute and (outside DST gaps) shows a matching minute and hour on the local wall clock.
        var random = new Random(5);
        var zones = new[] { TimeZoneInfo.Utc, Bucharest, NewYork };
        for (var i = 0; i < 300; i++)
        {
            var minute = random.Next(60);
            var hour = random.Next(24);
            var zone = zones[random.Next(zones.Length)];
            var schedule = CronSchedule.Parse($"{minute} {hour} * * *");
            var after = Instant("2025-01-01T00:00:00Z").AddMinutes(random.Next(0, 525_600)).AddSeconds(random.Next(60));

            var next = schedule.NextOccurrence(after, zone)!.Value;

            next.ShouldBeGreaterThan(after);
            (next.Ticks % TimeSpan.TicksPerMinute).ShouldBe(0);
            (next - after).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(25));
            var wall = TimeZoneInfo.ConvertTime(next, zone);
            if (!zone.IsInvalidTime(new DateTime(wall.Year, wall.Month, wall.Day, hour, minute, 0)))
            {
                (wall.Hour, wall.Minute).ShouldBe((hour, minute), $"{schedule} after {after:o} in {zone.Id}");
            }
        }
    }

    [Fact]
    public void The_input_offset_does_not_matter_only_the_instant()
    {
        var schedule = CronSchedule.Parse("0 9 * * *");
        var utc = schedule.NextOccurrence(Instant("2025-01-15T10:07:30Z"), Bucharest);
        var local = schedule.NextOccurrence(DateTimeOffset.Parse("2025-01-15T12:07:30+02:00", CultureInfo.InvariantCulture), Bucharest);
        local.ShouldBe(utc);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("* * * *", "5 fields")]
    [InlineData("0 * * * * *", "5 fields")]
    [InlineData("0 0 * * * 2025", "5 fields")]
    [InlineData("60 * * * *", "Field 'minute': 60 is out of range 0-59")]
    [InlineData("* 24 * * *", "Field 'hour': 24 is out of range 0-23")]
    [InlineData("* * 0 * *", "Field 'day-of-month': 0 is out of range 1-31")]
    [InlineData("* * 32 * *", "Field 'day-of-month': 32 is out of range 1-31")]
    [InlineData("* * * 13 *", "Field 'month': 13 is out of range 1-12")]
    [InlineData("* * * 0 *", "Field 'month': 0 is out of range 1-12")]
    [InlineData("* * * * 8", "Field 'day-of-week': 8 is out of range 0-7")]
    [InlineData("*/0 * * * *", "step '0'")]
    [InlineData("*/x * * * *", "step 'x'")]
    [InlineData("1/2/3 * * * *", "more than one step")]
    [InlineData("10-5 * * * *", "reversed")]
    [InlineData("1-2-3 * * * *", "not a valid range")]
    [InlineData("1,,2 * * * *", "empty entry")]
    [InlineData("a * * * *", "'a' is not a number")]
    [InlineData("-1 * * * *", "not a number")]
    [InlineData("JAN * * * *", "Field 'minute': 'JAN' is not a number")]
    [InlineData("* * * FOO *", "not a number or a name (JAN-DEC)")]
    [InlineData("* * * * FUN", "not a number or a name (SUN-SAT)")]
    [InlineData("* * * * MON-", "day-of-week")]
    [InlineData("0 0 ? * MON", "Quartz")]
    [InlineData("0 0 L * *", "Quartz")]
    [InlineData("0 0 15W * *", "Quartz")]
    [InlineData("0 0 * * MON#2", "Quartz")]
    [InlineData("@reboot", "Unknown cron macro '@reboot'")]
    [InlineData("@every 5m", "Unknown cron macro")]
    public void Invalid_expressions_are_rejected_with_a_clear_message(string expression, string messagePart)
    {
        CronSchedule.TryParse(expression, out var schedule, out var error).ShouldBeFalse();
        schedule.ShouldBeNull();
        error.ShouldContain(messagePart, Case.Insensitive);

        Should.Throw<FormatException>(() => CronSchedule.Parse(expression)).Message.ShouldBe(error);
    }

    [Theory]
    [InlineData(" */5  *   * * * ", "*/5  *   * * *")]
    [InlineData("@daily", "@daily")]
    [InlineData("0 9 * * mon-fri", "0 9 * * mon-fri")]
    public void The_expression_is_kept_as_written(string input, string expected)
    {
        CronSchedule.TryParse(input, out var schedule, out var error).ShouldBeTrue(error);
        schedule!.Expression.ShouldBe(expected);
        schedule.ToString().ShouldBe(expected);
        error.ShouldBeEmpty();
    }

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
