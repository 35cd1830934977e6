using System.Globalization;
using System.Text.Json;

namespace BrandHub.Core.Audience;

/// <summary>
/// Coerces raw attribute values from the API (JSON) and CSV imports (text) into one canonical value per
/// declared type, so segments compare like with like no matter where the data came from.
/// </summary>
/// <remarks>
/// Canonical values: <see cref="AttributeType.String"/> → trimmed <see cref="string"/>;
/// <see cref="AttributeType.Number"/> → <see cref="decimal"/> without trailing zeros;
/// <see cref="AttributeType.Bool"/> → <see cref="bool"/>; <see cref="AttributeType.Date"/> → <see cref="string"/>
/// in ISO "yyyy-MM-dd" form (a full ISO 8601 timestamp keeps the calendar date as written in its own offset,
/// because a birthday typed in Bucharest must not move a day when converted to UTC).
/// A JSON null, or text that is empty or whitespace, coerces to <c>null</c> for every type: an empty CSV cell
/// means "no value", not an error.
/// </remarks>
public static class AttributeValue
{
    /// <summary>Maximum length of a string attribute value.</summary>
    public const int MaxStringLength = 1000;

    private static readonly (AttributeType Type, string Name)[] WireNames =
    [
        (AttributeType.String, "string"),
        (AttributeType.Number, "number"),
        (AttributeType.Bool, "bool"),
        (AttributeType.Date, "date"),
    ];

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Coerces a JSON value received from the API.</summary>
    /// <param name="type">The attribute's declared type.</param>
    /// <param name="raw">The JSON value.</param>
    /// <param name="value">Canonical value (see remarks on the class), or null.</param>
    /// <param name="error">Why the value does not fit the type, or an empty string.</param>
    /// <returns><c>true</c> when the value fits the declared type.</returns>
    public static bool TryCoerce(AttributeType type, JsonElement raw, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        switch (raw.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                return TryCoerce(type, raw.GetString() ?? string.Empty, out value, out error);
            case JsonValueKind.Object or JsonValueKind.Array:
                error = $"Expected a single {Format(type)} value, got a JSON {raw.ValueKind.ToString().ToLowerInvariant()}.";
                return false;
        }

        switch (type)
        {
            case AttributeType.String:
                // A zip code sent as 12345 is still the text "12345".
                return TryCoerce(type, raw.ValueKind == JsonValueKind.Number ? raw.GetRawText() : Bool(raw), out value, out error);
            case AttributeType.Number when raw.ValueKind == JsonValueKind.Number:
                if (raw.TryGetDecimal(out var number))
                {
                    value = Canonical(number);
                    return true;
                }

                error = $"Number {raw.GetRawText()} is out of range.";
                return false;
            case AttributeType.Bool when raw.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = raw.GetBoolean();
                return true;
            case AttributeType.Bool when raw.ValueKind == JsonValueKind.Number:
                return TryCoerce(type, raw.GetRawText(), out value, out error);
            default:
                error = $"Expected a {Format(type)}, got {raw.GetRawText()}.";
                return false;
        }
    }

    /// <summary>Coerces a text value, e.g. a CSV cell.</summary>
    /// <param name="type">The attribute's declared type.</param>
    /// <param name="raw">The text.</param>
    /// <param name="value">Canonical value (see remarks on the class), or null.</param>
    /// <param name="error">Why the value does not fit the type, or an empty string.</param>
    /// <returns><c>true</c> when the value fits the declared type.</returns>
    public static bool TryCoerce(AttributeType type, string raw, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return true;
        }

        error = type switch
        {
            AttributeType.String => CoerceString(text, out value),
            AttributeType.Number => CoerceNumber(text, out value),
            AttributeType.Bool => CoerceBool(text, out value),
            AttributeType.Date => CoerceDate(text, out value),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown attribute type."),
        } ?? string.Empty;
        return error.Length == 0;
    }

    /// <summary>Parses a type wire name (<c>string</c>, <c>number</c>, <c>bool</c>, <c>date</c>), ignoring case.</summary>
    public static bool TryParseType(string? s, out AttributeType t)
    {
        var wanted = s?.Trim();
        foreach (var (type, name) in WireNames)
        {
            if (string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase))
            {
                t = type;
                return true;
            }
        }

        t = default;
        return false;
    }

    /// <summary>Formats a type as its wire name.</summary>
    public static string Format(AttributeType t)
    {
        foreach (var (type, name) in WireNames)
        {
            if (type == t)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(t), t, "Unknown attribute type.");
    }

    /// <summary>
    /// Whether a name can be used for an attribute: <c>^[a-z][a-z0-9_]{0,62}$</c>. The names become JSON keys
    /// and CSV mapping targets (<c>attributes.&lt;name&gt;</c>), so they stay lower-case ASCII.
    /// </summary>
    public static bool IsValidName(string? name)
    {
        // Hand-written rather than a Regex: '$' would also accept a trailing newline.
        if (name is null || name.Length is 0 or > 63 || !char.IsAsciiLetterLower(name[0]))
        {
            return false;
        }

        return name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
    }

    private static string Bool(JsonElement raw) => raw.ValueKind == JsonValueKind.True ? "true" : "false";

    private static string? CoerceString(string text, out object? value)
    {
        value = null;
        if (text.Length > MaxStringLength)
        {
            return $"Text must be at most {MaxStringLength} characters, got {text.Length}.";
        }

        value = text;
        return null;
    }

    private static string? CoerceNumber(string text, out object? value)
    {
        value = null;
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var number))
        {
            value = Canonical(number);
            return null;
        }

        return text.Contains(',')
            ? $"'{text}' is not a number: use '.' as the decimal separator and no thousands separators."
            : $"'{text}' is not a number.";
    }

    private static string? CoerceBool(string text, out object? value)
    {
        value = text.ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };
        return value is null ? $"'{text}' is not a yes/no value; use true/false, yes/no or 1/0." : null;
    }

    private static string? CoerceDate(string text, out object? value)
    {
        value = null;
        if (text.Length == 10
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return null;
        }

        if (text.Length > 10
            && DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            value = moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return null;
        }

        return $"'{text}' is not a date; use ISO 8601 such as 2024-03-31 or 2024-03-31T10:00:00Z.";
    }

    // 1.50 and 1.5 are the same number; dividing by 1 with 28 decimal places drops the trailing zeros so
    // both serialise identically.
    private static decimal Canonical(decimal number) => number / 1.0000000000000000000000000000m;
}
