using System.Text.RegularExpressions;

namespace BrandHub.Core.Audience;

/// <summary>
/// Shape of the VAT identification number behind each VIES country prefix (the part after the prefix).
/// </summary>
/// <remarks>
/// Only the shape is checked: per-country checksums other than Romania's are left to VIES, which the
/// host may consult; a shape check already catches the usual copy-paste and column-mapping mistakes.
/// Greece uses the prefix EL (not its ISO code GR); XI is Northern Ireland, which stays in the EU VAT
/// system, and GB is accepted because UK suppliers and customers are common in B2B lists.
/// </remarks>
internal static class VatNumberFormats
{
    private static readonly IReadOnlyDictionary<string, Regex> Shapes = new Dictionary<string, string>
    {
        ["AT"] = "U[0-9]{8}",
        ["BE"] = "[01][0-9]{9}",
        ["BG"] = "[0-9]{9,10}",
        ["CY"] = "[0-9]{8}[A-Z]",
        ["CZ"] = "[0-9]{8,10}",
        ["DE"] = "[0-9]{9}",
        ["DK"] = "[0-9]{8}",
        ["EE"] = "[0-9]{9}",
        ["EL"] = "[0-9]{9}",
        ["ES"] = "[0-9A-Z][0-9]{7}[0-9A-Z]",
        ["FI"] = "[0-9]{8}",
        ["FR"] = "[0-9A-HJ-NP-Z]{2}[0-9]{9}",
        ["HR"] = "[0-9]{11}",
        ["HU"] = "[0-9]{8}",
        ["IE"] = "[0-9]{7}[A-W][A-IW]?|[0-9][A-Z+*][0-9]{5}[A-W]",
        ["IT"] = "[0-9]{11}",
        ["LT"] = "[0-9]{9}|[0-9]{12}",
        ["LU"] = "[0-9]{8}",
        ["LV"] = "[0-9]{11}",
        ["MT"] = "[0-9]{8}",
        ["NL"] = "[0-9]{9}B[0-9]{2}",
        ["PL"] = "[0-9]{10}",
        ["PT"] = "[0-9]{9}",
        ["SE"] = "[0-9]{10}01",
        ["SI"] = "[0-9]{8}",
        ["SK"] = "[0-9]{10}",
        ["XI"] = "[0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2}",
        ["GB"] = "[0-9]{9}|[0-9]{12}|GD[0-4][0-9]{2}|HA[5-9][0-9]{2}",
    }.ToDictionary(
        kv => kv.Key,
        kv => new Regex($"^(?:{kv.Value})\\z", RegexOptions.CultureInvariant | RegexOptions.Compiled));

    /// <summary>Whether the prefix is known, and if so whether the number after it has the right shape.</summary>
    public static bool TryMatch(string prefix, string number, out bool matches)
    {
        matches = false;
        if (!Shapes.TryGetValue(prefix, out var shape))
        {
            return false;
        }

        matches = shape.IsMatch(number);
        return true;
    }
}
