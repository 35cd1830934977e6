using BrandHub.Core.Scheduling;

namespace BrandHub.Core.Campaigns;

/// <summary>
/// When a campaign sends: once at a wall-clock time in the campaign's zone (<c>at</c>), once at a wall-clock time in
/// each recipient's own zone (<c>recipientLocal</c>: 09:00 in Bucharest, then 09:00 in Lisbon…), or on a cron
/// expression in the campaign's zone (<c>recurring</c>, each occurrence a new run of the campaign).
/// </summary>
public abstract record CampaignSchedule
{
    /// <summary>Zones span UTC−12 to UTC+14: the first and last places a wall-clock time happens.</summary>
    private static readonly TimeZoneInfo Earliest = TimeZoneInfo.CreateCustomTimeZone("UTC+14", TimeSpan.FromHours(14), "UTC+14", "UTC+14");
    private static readonly TimeZoneInfo Latest = TimeZoneInfo.CreateCustomTimeZone("UTC-12", TimeSpan.FromHours(-12), "UTC-12", "UTC-12");

    /// <summary>When the launch job runs first (for recipient-local sends: when the earliest zone reaches the time).</summary>
    public abstract DateTimeOffset? FirstLaunch(DateTimeOffset now, TimeZoneInfo campaignZone);

    /// <summary>The run after <paramref name="launched"/>: only recurring schedules have one.</summary>
    public virtual DateTimeOffset? NextLaunch(DateTimeOffset launched, TimeZoneInfo campaignZone) => null;

    /// <summary>When one recipient's message is due, given the launch instant and the recipient's zone.</summary>
    public virtual DateTimeOffset DueFor(DateTimeOffset launchedAt, TimeZoneInfo recipientZone) => launchedAt;

    /// <summary>Problems with the schedule as of <paramref name="now"/> (e.g. a time that has passed), keyed by field.</summary>
    public abstract IReadOnlyList<FieldError> Check(DateTimeOffset now, TimeZoneInfo campaignZone);

    /// <summary>Once at <paramref name="Local"/> on the campaign zone's wall clock.</summary>
    public sealed record At(DateTime Local) : CampaignSchedule
    {
        public override DateTimeOffset? FirstLaunch(DateTimeOffset now, TimeZoneInfo campaignZone) => WallClock.FirstInstantAtOrAfter(Local, campaignZone);

        public override IReadOnlyList<FieldError> Check(DateTimeOffset now, TimeZoneInfo campaignZone) =>
            FirstLaunch(now, campaignZone) <= now ? [new FieldError("at", "This time has already passed in the campaign's time zone.")] : [];
    }

    /// <summary>Once, at <paramref name="Time"/> on <paramref name="Date"/> in each recipient's zone.</summary>
    public sealed record RecipientLocal(DateOnly Date, TimeOnly Time) : CampaignSchedule
    {
        public override DateTimeOffset? FirstLaunch(DateTimeOffset now, TimeZoneInfo campaignZone)
        {
            var first = WallClock.FirstInstantAtOrAfter(Date.ToDateTime(Time), Earliest);
            return first < now ? now : first;
        }

        public override DateTimeOffset DueFor(DateTimeOffset launchedAt, TimeZoneInfo recipientZone)
        {
            var due = WallClock.FirstInstantAtOrAfter(Date.ToDateTime(Time), recipientZone);
            return due < launchedAt ? launchedAt : due; // their moment passed while the campaign waited: send now
        }

        public override IReadOnlyList<FieldError> Check(DateTimeOffset now, TimeZoneInfo campaignZone) =>
            WallClock.FirstInstantAtOrAfter(Date.ToDateTime(Time), Latest) <= now
                ? [new FieldError("date", "This local time has already passed in every time zone.")]
                : [];
    }

    /// <summary>Every occurrence of <paramref name="Cron"/> in the campaign's zone, until <paramref name="Until"/> if given.</summary>
    public sealed record Recurring(CronSchedule Cron, DateTimeOffset? Until) : CampaignSchedule
    {
        public override DateTimeOffset? FirstLaunch(DateTimeOffset now, TimeZoneInfo campaignZone) => Within(Cron.NextOccurrence(now, campaignZone));

        public override DateTimeOffset? NextLaunch(DateTimeOffset launched, TimeZoneInfo campaignZone) => Within(Cron.NextOccurrence(launched, campaignZone));

        public override IReadOnlyList<FieldError> Check(DateTimeOffset now, TimeZoneInfo campaignZone) =>
            FirstLaunch(now, campaignZone) is null ? [new FieldError("cron", "This schedule never fires (before its end date, if any).")] : [];

        private DateTimeOffset? Within(DateTimeOffset? next) => next is { } n && (Until is null || n <= Until) ? n : null;
    }
}
