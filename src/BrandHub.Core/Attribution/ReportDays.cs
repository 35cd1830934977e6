namespace BrandHub.Core.Attribution;

/// <summary>
/// The tenant's calendar for reports: which day an instant falls on and when a day starts, in the tenant's time zone —
/// a shop in Bucharest closes its day at 22:00 UTC in winter, not at midnight UTC. Rows of the rollup and of costs are
/// keyed by the date itself (<see cref="Key"/>: its midnight UTC, a label, not an instant), so the zone decides which
/// day an event lands on but never what a stored key means.
/// </summary>
public sealed class ReportDays(TimeZoneInfo zone)
{
    public static readonly ReportDays Utc = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone => zone;

    /// <summary>The calendar of an IANA zone; UTC when the id is unknown (zones are validated where they are set).</summary>
    public static ReportDays For(string? ianaZone) =>
        ianaZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var found) ? new ReportDays(found) : Utc;

    /// <summary>The local date of an instant.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>
    /// The instant the local day starts. Where a DST change skips midnight the day starts at the first local time that
    /// exists; where it repeats midnight, at the first of the two. Given in UTC.
    /// </summary>
    public DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        for (var i = 0; i < 24 * 4 && zone.IsInvalidTime(local); i++) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime(); // in UTC: PostgreSQL takes timestamptz parameters only at offset 0
    }

    /// <summary>The instants of the days [first, last]: from the start of the first to the start of the day after the last.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Span(DateOnly first, DateOnly last) => (Start(first), Start(last.AddDays(1)));

    /// <summary>How a date is stored as a row key: its midnight UTC.</summary>
    public static DateTimeOffset Key(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The date a stored key stands for.</summary>
    public static DateOnly FromKey(DateTimeOffset key) => DateOnly.FromDateTime(key.UtcDateTime);
}
