using System.Globalization;

namespace BrandHub.Core.Scheduling;

/// <summary>
/// One of the five cron fields, parsed to a bit set of the values it allows.
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>minute: 0-59.</summary>
    public static readonly CronFieldKind Minute = new("minute", 0, 59, null, 0);

    /// <summary>hour: 0-23.</summary>
    public static readonly CronFieldKind Hour = new("hour", 0, 23, null, 0);

    /// <summary>day-of-month: 1-31.</summary>
    public static readonly CronFieldKind DayOfMonth = new("day-of-month", 1, 31, null, 0);

    /// <summary>month: 1-12 or JAN-DEC.</summary>
    public static readonly CronFieldKind Month = new("month", 1, 12, MonthNames, 1);

    /// <summary>day-of-week: 0-7 (0 and 7 are Sunday) or SUN-SAT.</summary>
    public static readonly CronFieldKind DayOfWeek = new("day-of-week", 0, 7, DayNames, 0);

    private readonly ulong _allowed;

    private CronField(ulong allowed, bool isStar)
    {
        _allowed = allowed;
        IsStar = isStar;
    }

    /// <summary>
    /// Whether the field text starts with '*'. Vixie cron uses exactly this test (not "allows every value")
    /// to decide whether day-of-month and day-of-week combine with AND or OR, so "*/2" counts as a star.
    /// </summary>
    public bool IsStar { get; }

    /// <summary>Whether the field allows the value.</summary>
    public bool Allows(int value) => (_allowed & (1UL << value)) != 0;

    /// <summary>Parses a field; returns an error message or null.</summary>
    public static string? TryParse(string text, CronFieldKind kind, out CronField? field)
    {
        field = null;
        var allowed = 0UL;
        foreach (var item in text.Split(','))
        {
            var error = ParseItem(item, kind, ref allowed);
            if (error is not null)
            {
                return $"Field '{kind.Name}': {error}";
            }
        }

        field = new CronField(allowed, text.StartsWith('*'));
        return null;
    }

    private static string? ParseItem(string item, CronFieldKind kind, ref ulong allowed)
    {
        if (item.Length == 0)
        {
            return "empty entry in list.";
        }

        var slash = item.Split('/');
        if (slash.Length > 2)
        {
            return $"'{item}' has more than one step.";
        }

        var step = 1;
        if (slash.Length == 2
            && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step == 0))
        {
            return $"step '{slash[1]}' in '{item}' must be a positive whole number.";
        }

        int low, high;
        var range = slash[0];
        if (range == "*")
        {
            (low, high) = (kind.Min, kind.Max);
        }
        else if (range.Contains('-'))
        {
            var bounds = range.Split('-');
            if (bounds.Length != 2)
            {
                return $"'{range}' is not a valid range.";
            }

            var lowError = ParseValue(bounds[0], kind, out low);
            var highError = ParseValue(bounds[1], kind, out high);
            if ((lowError ?? highError) is { } error)
            {
                return error;
            }

            if (ReferenceEquals(kind, DayOfWeek) && high == 0 && low > 0)
            {
                high = 7; // "FRI-SUN" means Friday to Sunday, not an empty or reversed range
            }

            if (low > high)
            {
                return $"range '{range}' is reversed; write the smaller value first.";
            }
        }
        else
        {
            var error = ParseValue(range, kind, out low);
            if (error is not null)
            {
                return error;
            }

            high = slash.Length == 2 ? kind.Max : low; // Vixie: "5/15" means 5-max/15
        }

        for (var value = low; value <= high; value += step)
        {
            var normalized = ReferenceEquals(kind, DayOfWeek) && value == 7 ? 0 : value; // 7 is Sunday too
            allowed |= 1UL << normalized;
        }

        return null;
    }

    private static string? ParseValue(string token, CronFieldKind kind, out int value)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return value < kind.Min || value > kind.Max
                ? $"{value} is out of range {kind.Min}-{kind.Max}."
                : null;
        }

        if (kind.Names is not null)
        {
            var index = Array.FindIndex(kind.Names, n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + kind.NameBase;
                return null;
            }
        }

        if (IsQuartzSyntax(token))
        {
            return $"'{token}' uses Quartz syntax that standard cron does not support.";
        }

        return kind.Names is null
            ? $"'{token}' is not a number."
            : $"'{token}' is not a number or a name ({kind.Names[0]}-{kind.Names[^1]}).";
    }

    // "?", "L", "15W", "5L", "MON#2": people paste these from Quartz or AWS docs; say so instead of "not a number".
    private static bool IsQuartzSyntax(string token) =>
        token.Contains('?')
        || token.Contains('#')
        || (token.Length > 0 && token[^1] is 'L' or 'l' or 'W' or 'w' && token[..^1].All(char.IsAsciiDigit));
}
