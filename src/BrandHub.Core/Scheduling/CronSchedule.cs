namespace BrandHub.Core.Scheduling;

/// <summary>
/// A standard 5-field cron schedule (minute hour day-of-month month day-of-week) for recurring campaign
/// sends and jobs, evaluated in the tenant's time zone.
/// </summary>
/// <remarks>
/// Supports lists (<c>1,15</c>), ranges (<c>1-5</c>), steps (<c>*/5</c>, <c>1-10/2</c>, <c>5/15</c>),
/// names (<c>JAN</c>-<c>DEC</c>, <c>SUN</c>-<c>SAT</c>, any case), 7 as Sunday, and the macros
/// <c>@yearly</c>/<c>@annually</c>, <c>@monthly</c>, <c>@weekly</c>, <c>@daily</c>/<c>@midnight</c>,
/// <c>@hourly</c>. As in Vixie cron, when both day-of-month and day-of-week are restricted (neither field
/// starts with <c>*</c>) a day matches if either does; otherwise both must match.
/// </remarks>
public sealed class CronSchedule
{
    // Feb 29 on a given weekday can be decades away; beyond this a schedule is treated as never firing.
    private const int SearchYears = 28;

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private readonly CronField _minute;
    private readonly CronField _hour;
    private readonly CronField _dayOfMonth;
    private readonly CronField _month;
    private readonly CronField _dayOfWeek;

    private CronSchedule(string expression, CronField[] fields)
    {
        Expression = expression;
        (_minute, _hour, _dayOfMonth, _month, _dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    /// <summary>The expression as given (trimmed).</summary>
    public string Expression { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="FormatException">The expression is invalid; the message says which field and why.</exception>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule! : throw new FormatException(error);

    /// <summary>Parses an expression without throwing.</summary>
    /// <param name="expression">The cron expression.</param>
    /// <param name="schedule">The schedule, or null when invalid.</param>
    /// <param name="error">Why the expression is invalid, or an empty string.</param>
    public static bool TryParse(string expression, out CronSchedule? schedule, out string error)
    {
        schedule = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "Cron expression is empty.";
            return false;
        }

        var trimmed = expression.Trim();
        var text = trimmed;
        if (text.StartsWith('@'))
        {
            if (!Macros.TryGetValue(text, out var expanded))
            {
                error = $"Unknown cron macro '{text}'; supported: {string.Join(", ", Macros.Keys)}.";
                return false;
            }

            text = expanded;
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            error = $"Cron expression must have 5 fields (minute hour day-of-month month day-of-week), got {parts.Length}; seconds and years are not supported.";
            return false;
        }

        CronFieldKind[] kinds = [CronField.Minute, CronField.Hour, CronField.DayOfMonth, CronField.Month, CronField.DayOfWeek];
        var fields = new CronField[5];
        for (var i = 0; i < 5; i++)
        {
            var fieldError = CronField.TryParse(parts[i], kinds[i], out var field);
            if (fieldError is not null)
            {
                error = fieldError;
                return false;
            }

            fields[i] = field!;
        }

        schedule = new CronSchedule(trimmed, fields);
        return true;
    }

    /// <summary>
    /// The next time the schedule fires strictly after <paramref name="after"/>, evaluated on the wall clock of
    /// <paramref name="zone"/> and returned in UTC; null when it never fires (e.g. 30 February).
    /// </summary>
    /// <remarks>
    /// Daylight saving: a wall-clock time skipped by a spring-forward gap fires at the first instant after the
    /// gap (02:30 in New York on the spring-forward day fires at 03:00 EDT); a wall-clock time that occurs
    /// twice in the fall-back hour fires once, at its first (daylight-time) occurrence, so a daily campaign is
    /// never sent twice.
    /// </remarks>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var wallNow = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var candidate = new DateTime(wallNow.Year, wallNow.Month, wallNow.Day, wallNow.Hour, wallNow.Minute, 0).AddMinutes(1);
        var lastYear = Math.Min(candidate.Year + SearchYears, DateTime.MaxValue.Year - 1);

        // Only the second pass through a fall-back hour makes a match land at or before `after`;
        // that skips at most one hour of minutes.
        for (var attempt = 0; attempt < 24 * 60; attempt++)
        {
            var wall = NextWallClockMatch(candidate, lastYear);
            if (wall is null)
            {
                return null;
            }

            var instant = ToInstant(wall.Value, zone);
            if (instant > after)
            {
                return instant;
            }

            candidate = wall.Value.AddMinutes(1);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    private DateTime? NextWallClockMatch(DateTime from, int lastYear)
    {
        var t = from;
        while (t.Year <= lastYear)
        {
            if (!_month.Allows(t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!_hour.Allows(t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_minute.Allows(t.Minute))
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = _dayOfMonth.Allows(t.Day);
        var dow = _dayOfWeek.Allows((int)t.DayOfWeek);
        return _dayOfMonth.IsStar || _dayOfWeek.IsStar ? dom && dow : dom || dow;
    }

    private static DateTimeOffset ToInstant(DateTime wall, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(wall))
        {
            // Skipped by a spring-forward gap: the first wall-clock minute that exists again is the gap's end.
            var end = wall;
            do
            {
                end = end.AddMinutes(1);
            }
            while (zone.IsInvalidTime(end));

            return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(wall))
        {
            // The daylight offset is the larger one and gives the earlier instant.
            var daylight = zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, daylight).ToUniversalTime();
        }

        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
