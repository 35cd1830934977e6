namespace BrandHub.Core.Audience;

/// <summary>
/// Normalises a B2B contact's company tax identifier so the same company always yields the same key.
/// </summary>
/// <remarks>
/// Romanian codes are stored as bare digits ("18547290") whether or not they were typed with the
/// RO VAT prefix, because Romanian invoices and registries use both forms for the same company and the
/// key must not depend on whether the company is VAT-registered. Every other country keeps its VIES
/// prefix ("DE123456789") since the digits alone are ambiguous across countries.
/// </remarks>
public static class TaxId
{
    /// <summary>Strips spaces, dots and dashes, upper-cases, validates and normalises a tax id.</summary>
    /// <param name="input">Raw tax id, e.g. "RO 18547290", "18547290", "de 123.456.789".</param>
    /// <param name="normalized">Canonical form, or an empty string when invalid.</param>
    /// <param name="error">Why the value was rejected, or an empty string when valid.</param>
    /// <returns><c>true</c> when the value is a plausible tax id.</returns>
    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = string.Empty;
        error = Read(input, out var candidate) ?? string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        normalized = candidate;
        return true;
    }

    private static string? Read(string? input, out string normalized)
    {
        normalized = string.Empty;
        var compact = Compact(input);
        if (compact.Length == 0)
        {
            return "Tax id is required.";
        }

        foreach (var c in compact)
        {
            // '+' and '*' occur in old-style Irish VAT numbers.
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c is not ('+' or '*'))
            {
                return $"Tax id contains an invalid character '{c}'.";
            }
        }

        if (compact.All(char.IsAsciiDigit))
        {
            // A bare number is read as a Romanian CUI: that is how Romanian companies write it.
            return Romanian(compact, out normalized);
        }

        if (compact.Length < 3 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1]))
        {
            return "Tax id must be a Romanian CUI or a VAT number starting with a 2-letter country prefix (e.g. DE123456789).";
        }

        var prefix = compact[..2];
        var number = compact[2..];
        if (prefix == "RO")
        {
            return number.All(char.IsAsciiDigit)
                ? Romanian(number, out normalized)
                : "Romanian CUI must contain only digits after RO.";
        }

        if (!VatNumberFormats.TryMatch(prefix, number, out var matches))
        {
            return prefix == "GR"
                ? "Greek VAT numbers use the prefix EL, not GR."
                : $"Unknown VAT country prefix '{prefix}'.";
        }

        if (!matches)
        {
            return $"VAT number {compact} does not have the format used by {prefix}.";
        }

        normalized = compact;
        return null;
    }

    private static string? Romanian(string digits, out string normalized)
    {
        normalized = string.Empty;
        var error = RomanianCompanyCode.Check(digits);
        if (error is null)
        {
            normalized = digits;
        }

        return error;
    }

    private static string Compact(string? input)
    {
        if (input is null)
        {
            return string.Empty;
        }

        var chars = input.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray();
        return new string(chars).ToUpperInvariant();
    }
}
