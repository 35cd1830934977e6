namespace BrandHub.Core.Delivery;

/// <summary>
/// A daily window in the recipient's local time when marketing messages are held, e.g. 21:00–08:00. The window may wrap
/// past midnight; <see cref="Start"/> is inclusive and <see cref="End"/> exclusive. Start equal to End is no window.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether a local wall-clock time falls inside the window.</summary>
    public bool Contains(TimeOnly local) => Start == End ? false
        : Start < End ? local >= Start && local < End
        : local >= Start || local < End;

    /// <summary>
    /// When the window that holds <paramref name="now"/> opens again in <paramref name="zone"/>, or null when
    /// <paramref name="now"/> is outside quiet hours. Correct across daylight-saving changes: an end time that does not
    /// exist that day (the clocks jump over it) opens at the jump; one that happens twice opens at its first occurrence.
    /// </summary>
    public DateTimeOffset? ReleaseAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        if (!Contains(time))
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start)
        {
            endDate = endDate.AddDays(1); // inside the evening part of a window that ends tomorrow morning
        }

        return BrandHub.Core.Scheduling.WallClock.FirstInstantAtOrAfter(endDate.ToDateTime(End), zone);
    }

    /// <summary>Parses <c>HH:mm</c> (00:00–23:59).</summary>
    public static bool TryParseTime(string? s, out TimeOnly time) =>
        TimeOnly.TryParseExact(s, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}
