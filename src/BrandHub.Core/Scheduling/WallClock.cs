namespace BrandHub.Core.Scheduling;

/// <summary>Wall-clock times in a zone turned into instants, the daylight-saving edge cases decided once for everyone.</summary>
public static class WallClock
{
    /// <summary>The first instant at which the zone's wall clock reads <paramref name="wall"/> or later.</summary>
    public static DateTimeOffset FirstInstantAtOrAfter(DateTime wall, TimeZoneInfo zone)
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
}
