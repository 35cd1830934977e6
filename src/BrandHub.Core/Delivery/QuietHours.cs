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

        return FirstInstantAtOrAfter(endDate.ToDateTime(End), zone);
    }

    /// <summary>The first instant at which the zone's wall clock reads <paramref name="wall"/> or later.</summary>
    private static DateTimeOffset FirstInstantAtOrAfter(DateTime wall, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(wall))
        {
            // The hour repeats (clocks go back): the larger offset is the earlier instant.
            var offset = zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, offset);
        }

        if (!zone.IsInvalidTime(wall))
        {
            return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        }

        // The clocks jump over this wall time: the window opens at the jump. Search between the instants that the offsets
        // before and after the jump would give (they bracket it) for the first instant whose wall clock has passed.
        var offsets = new[] { zone.GetUtcOffset(wall.AddHours(-3)), zone.GetUtcOffset(wall.AddHours(3)) };
        var low = new DateTimeOffset(DateTime.SpecifyKind(wall - offsets.Max(), DateTimeKind.Utc)).UtcTicks;
        var high = new DateTimeOffset(DateTime.SpecifyKind(wall - offsets.Min(), DateTimeKind.Utc)).UtcTicks;
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (TimeZoneInfo.ConvertTime(new DateTimeOffset(mid, TimeSpan.Zero), zone).DateTime >= wall)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        var jump = new DateTimeOffset(high, TimeSpan.Zero);
        return jump.ToOffset(zone.GetUtcOffset(jump));
    }

    /// <summary>Parses <c>HH:mm</c> (00:00–23:59).</summary>
    public static bool TryParseTime(string? s, out TimeOnly time) =>
        TimeOnly.TryParseExact(s, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}
