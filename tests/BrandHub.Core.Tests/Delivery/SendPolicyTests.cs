using BrandHub.Core.Audience;
using BrandHub.Core.Delivery;

namespace BrandHub.Core.Tests.Delivery;

public class SendPolicyTests
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");
    private static readonly DateTimeOffset Noon = new(2026, 6, 10, 12, 0, 0, TimeSpan.FromHours(3));
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    private static SendContext Marketing(ConsentStatus consent = ConsentStatus.OptedIn, bool unsubscribed = false, bool suppressed = false,
        bool hasAddress = true, FrequencyCap? cap = null, int recent = 0, QuietHours? quiet = null, DateTimeOffset? now = null) =>
        new(MessageCategory.Marketing, ConsentChannel.Email, consent, unsubscribed, suppressed, hasAddress, cap, recent, quiet, Bucharest, now ?? Noon);

    public static TheoryData<string, SendContext, string?> Blocks => new()
    {
        { "opted in, nothing else", Marketing(), null },
        { "never opted in", Marketing(ConsentStatus.Unknown), SuppressionReasons.NoConsent },
        { "opted out of email", Marketing(ConsentStatus.OptedOut), SuppressionReasons.Unsubscribed },
        { "global unsubscribe", Marketing(unsubscribed: true), SuppressionReasons.Unsubscribed },
        { "suppressed address", Marketing(suppressed: true), SuppressionReasons.Suppressed },
        { "suppression beats no consent", Marketing(ConsentStatus.Unknown, suppressed: true), SuppressionReasons.Suppressed },
        { "no address", Marketing(hasAddress: false, suppressed: true), SuppressionReasons.NoAddress },
        { "at the cap", Marketing(cap: new(3, TimeSpan.FromDays(7)), recent: 3), SuppressionReasons.FrequencyCap },
        { "over the cap", Marketing(cap: new(3, TimeSpan.FromDays(7)), recent: 9), SuppressionReasons.FrequencyCap },
        { "under the cap", Marketing(cap: new(3, TimeSpan.FromDays(7)), recent: 2), null },
        { "no consent beats the cap", Marketing(ConsentStatus.Unknown, cap: new(1, TimeSpan.FromDays(1)), recent: 5), SuppressionReasons.NoConsent },
        { "the cap beats quiet hours", Marketing(cap: new(1, TimeSpan.FromDays(1)), recent: 1, quiet: Night, now: Noon.AddHours(11)), SuppressionReasons.FrequencyCap },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Marketing_is_blocked_by_the_strongest_reason(string because, SendContext context, string? reason)
    {
        var decision = SendPolicy.Decide(context);
        if (reason is null)
        {
            decision.Verdict.ShouldBe(SendVerdict.Send, because);
        }
        else
        {
            decision.ShouldBe(SendDecision.Suppress(reason), because);
        }
    }

    [Fact]
    public void Transactional_messages_skip_consent_cap_and_quiet_hours_but_not_the_suppression_list()
    {
        var context = Marketing(ConsentStatus.OptedOut, unsubscribed: true, cap: new(1, TimeSpan.FromDays(1)), recent: 10, quiet: Night, now: Noon.AddHours(11))
            with { Category = MessageCategory.Transactional };
        SendPolicy.Decide(context).ShouldBe(SendDecision.Send);
        SendPolicy.Decide(context with { Suppressed = true }).ShouldBe(SendDecision.Suppress(SuppressionReasons.Suppressed));
        SendPolicy.Decide(context with { HasAddress = false }).ShouldBe(SendDecision.Suppress(SuppressionReasons.NoAddress));
    }

    [Theory]
    [InlineData("2026-06-10T23:30:00+03:00", "2026-06-11T08:00:00+03:00")] // evening: held until tomorrow morning
    [InlineData("2026-06-11T03:00:00+03:00", "2026-06-11T08:00:00+03:00")] // after midnight: until this morning
    [InlineData("2026-06-10T21:00:00+03:00", "2026-06-11T08:00:00+03:00")] // start is inclusive
    [InlineData("2026-06-10T07:59:59+03:00", "2026-06-10T08:00:00+03:00")]
    [InlineData("2026-06-10T08:00:00+03:00", null)]                        // end is exclusive
    [InlineData("2026-06-10T20:59:59+03:00", null)]
    [InlineData("2026-06-10T18:30:00Z", "2026-06-11T08:00:00+03:00")]      // 21:30 local, whatever zone the clock reads in
    public void Quiet_hours_hold_marketing_until_the_window_opens_in_the_contacts_zone(string now, string? until)
    {
        var decision = SendPolicy.Decide(Marketing(quiet: Night, now: DateTimeOffset.Parse(now)));
        if (until is null)
        {
            decision.ShouldBe(SendDecision.Send);
        }
        else
        {
            decision.Verdict.ShouldBe(SendVerdict.Hold);
            decision.HoldUntil!.Value.ShouldBe(DateTimeOffset.Parse(until));
        }
    }

    [Fact]
    public void The_contacts_zone_decides_not_the_servers()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // Noon in Bucharest is 18:00 in Tokyo: outside 21–08 there; 16:00 in Bucharest is 22:00 in Tokyo: held until 08:00 JST.
        SendPolicy.Decide(Marketing(quiet: Night) with { Zone = tokyo }).ShouldBe(SendDecision.Send);
        var held = SendPolicy.Decide(Marketing(quiet: Night, now: Noon.AddHours(4)) with { Zone = tokyo });
        held.HoldUntil!.Value.ShouldBe(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(9)));
    }

    [Theory]
    // Europe/Bucharest springs forward on 2026-03-29 at 03:00 EET → 04:00 EEST (01:00 UTC): a 03:30 end does not exist that day.
    [InlineData("22:00", "03:30", "2026-03-28T23:00:00Z", "2026-03-29T01:00:00Z")]
    [InlineData("22:00", "08:00", "2026-03-28T23:00:00Z", "2026-03-29T05:00:00Z")] // 08:00 EEST the morning after the change
    // It falls back on 2026-10-25 at 04:00 EEST → 03:00 EET (01:00 UTC): 03:30 happens twice; the first one opens the window.
    [InlineData("22:00", "03:30", "2026-10-24T21:00:00Z", "2026-10-25T00:30:00Z")]
    [InlineData("22:00", "08:00", "2026-10-24T21:00:00Z", "2026-10-25T06:00:00Z")] // 08:00 EET
    public void Quiet_hours_are_correct_across_daylight_saving_changes(string start, string end, string now, string until)
    {
        QuietHours.TryParseTime(start, out var s).ShouldBeTrue();
        QuietHours.TryParseTime(end, out var e).ShouldBeTrue();
        var released = new QuietHours(s, e).ReleaseAfter(DateTimeOffset.Parse(now), Bucharest);
        released!.Value.UtcDateTime.ShouldBe(DateTimeOffset.Parse(until).UtcDateTime);
    }

    [Fact]
    public void A_held_message_is_released_at_a_moment_outside_quiet_hours_and_never_before_now()
    {
        // Property over a year of quarter hours across several zones and windows.
        var zones = new[] { Bucharest, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe") };
        var windows = new[] { Night, new QuietHours(new TimeOnly(1, 30), new TimeOnly(3, 30)), new QuietHours(new TimeOnly(2, 15), new TimeOnly(2, 45)) };
        for (var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); t.Year == 2026; t = t.AddMinutes(97))
        {
            foreach (var zone in zones)
            {
                foreach (var window in windows)
                {
                    var local = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(t, zone).TimeOfDay);
                    var release = window.ReleaseAfter(t, zone);
                    (release is not null).ShouldBe(window.Contains(local));
                    if (release is { } r)
                    {
                        r.ShouldBeGreaterThan(t);
                        window.Contains(TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(r, zone).TimeOfDay)).ShouldBeFalse($"{zone.Id} {t:o} → {r:o}");
                        (r - t).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(25));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_window_that_starts_and_ends_at_the_same_time_holds_nothing()
    {
        new QuietHours(new TimeOnly(9, 0), new TimeOnly(9, 0)).ReleaseAfter(Noon, Bucharest).ShouldBeNull();
    }

    [Theory]
    [InlineData(3, 24.0, 0)]
    [InlineData(0, 24.0, 1)]
    [InlineData(3, 0.0, 1)]
    [InlineData(null, null, 2)]
    [InlineData(10_001, 9000.0, 2)]
    public void Frequency_cap_input_is_checked_field_by_field(int? max, double? hours, int errors)
    {
        FrequencyCap.Validate(max, hours, "frequencyCap").Count.ShouldBe(errors);
    }
}
