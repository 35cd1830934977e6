using System.Globalization;

namespace BrandHub.Core.Attribution;

/// <summary>
/// Reads aggregated journeys in the common analysts' format: a header row, then
/// <c>path;total_conversions;total_conversion_value;total_null</c> per line, with paths like <c>eta &gt; iota &gt; alpha</c>.
/// Every bad line is reported with its line number (up to a limit); a file with any error yields no journeys.
/// </summary>
public static class PathsCsv
{
    public const string Header = "path;total_conversions;total_conversion_value;total_null";

    public static (JourneySet Journeys, IReadOnlyList<FieldError> Errors) Read(TextReader reader, int maxErrors = 20)
    {
        var set = new JourneySet();
        var errors = new List<FieldError>();
        var header = reader.ReadLine();
        if (header is null) return (set, [new FieldError("body", "The file is empty; expected the header " + Header + ".")]);
        if (!string.Equals(header.Trim().TrimStart('\uFEFF'), Header, StringComparison.OrdinalIgnoreCase))
            return (set, [new FieldError("line 1", $"Expected the header '{Header}', got '{Shorten(header)}'.")]);

        var number = 1;
        var channels = new List<string>();
        while (reader.ReadLine() is { } line && errors.Count < maxErrors)
        {
            number++;
            if (line.Length == 0) continue;
            var field = $"line {number}";
            var parts = line.Split(';');
            if (parts.Length != 4) { errors.Add(new(field, $"Expected 4 fields separated by ';', found {parts.Length}.")); continue; }
            channels.Clear();
            foreach (var touch in parts[0].Split('>')) channels.Add(touch.Trim());
            if (channels.Any(c => c.Length == 0)) { errors.Add(new(field, "The path has an empty channel (write channels as 'a > b > c').")); continue; }
            if (channels.Any(c => c.Length > 100)) { errors.Add(new(field, "A channel name is longer than 100 characters.")); continue; }
            if (!decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var conversions) || conversions < 0)
            { errors.Add(new(field, $"total_conversions must be a number ≥ 0, got '{Shorten(parts[1])}'.")); continue; }
            if (!decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
            { errors.Add(new(field, $"total_conversion_value must be a number ≥ 0, got '{Shorten(parts[2])}'.")); continue; }
            if (conversions == 0 && value != 0)
            { errors.Add(new(field, "total_conversion_value must be 0 when total_conversions is 0: value comes with conversions.")); continue; }
            if (!long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var nulls))
            { errors.Add(new(field, $"total_null must be a whole number ≥ 0, got '{Shorten(parts[3])}'.")); continue; }
            if (errors.Count == 0) set.Add(channels, conversions, value, nulls);
        }
        if (errors.Count == 0 && set.Count == 0) errors.Add(new("body", "The file has a header but no paths."));
        return (errors.Count > 0 ? new JourneySet() : set, errors);
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
