using BrandHub.Core.Campaigns;
using BrandHub.Core.Scheduling;

namespace BrandHub.Core.Tests.Campaigns;

public sealed class CampaignScheduleTests
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void At_is_the_wall_clock_time_in_the_campaign_zone()
    {
        var at = new CampaignSchedule.At(new DateTime(2026, 12, 1, 9, 0, 0));
        at.FirstLaunch(Now, Bucharest).ShouldBe(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        at.DueFor(Now, Lisbon).ShouldBe(Now);
        at.NextLaunch(Now, Bucharest).ShouldBeNull();
        at.Check(Now, Bucharest).ShouldBeEmpty();
        new CampaignSchedule.At(new DateTime(2026, 11, 29, 13, 0, 0)).Check(Now, Bucharest).Single().Field.ShouldBe("at"); // 11:00 UTC, passed
    }

    [Fact]
    public void Recipient_local_time_is_due_at_each_recipients_own_nine_oclock()
    {
        var local = new CampaignSchedule.RecipientLocal(new DateOnly(2026, 12, 1), new TimeOnly(9, 0));
        var launch = local.FirstLaunch(Now, Bucharest)!.Value;
        launch.ShouldBe(new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero)); // 09:00 at UTC+14
        local.DueFor(launch, Bucharest).ShouldBe(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        local.DueFor(launch, Lisbon).ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        local.DueFor(launch, Auckland).ShouldBe(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero)); // NZDT +13
        // Launched late (the node was down): whoever's moment passed gets it now, nobody gets it before their time.
        var late = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        local.DueFor(late, Bucharest).ShouldBe(late);
        local.DueFor(late, Lisbon).ShouldBe(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Recipient_local_is_refused_only_when_passed_everywhere()
    {
        new CampaignSchedule.RecipientLocal(new DateOnly(2026, 11, 29), new TimeOnly(20, 0)).Check(Now, Bucharest).ShouldBeEmpty();
        new CampaignSchedule.RecipientLocal(new DateOnly(2026, 11, 28), new TimeOnly(9, 0)).Check(Now, Bucharest).Single().Field.ShouldBe("date");
    }

    [Fact]
    public void Recurring_follows_the_cron_in_the_campaign_zone_until_the_end()
    {
        var weekly = new CampaignSchedule.Recurring(CronSchedule.Parse("0 9 * * MON"), new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero));
        var first = weekly.FirstLaunch(Now, Bucharest)!.Value;
        first.ShouldBe(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        var second = weekly.NextLaunch(first, Bucharest)!.Value;
        second.ShouldBe(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));
        weekly.NextLaunch(second, Bucharest).ShouldBeNull(); // 14 December is past the end
        new CampaignSchedule.Recurring(CronSchedule.Parse("0 9 * * MON"), Now).Check(Now, Bucharest).Single().Field.ShouldBe("cron");
    }
}
