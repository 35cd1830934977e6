namespace BrandHub.Core.Audience;

/// <summary>
/// Numbering plans for the markets BrandHub tenants send to: the EU-27, the UK, the EFTA states,
/// North America and the non-EU neighbours of Romania's main export markets.
/// </summary>
/// <remarks>
/// Lengths follow the ITU national numbering plans (as summarised by libphonenumber) but are kept a
/// little generous: rejecting a real customer's number costs more than accepting an odd service number.
/// Countries with a closed numbering plan (no trunk prefix) list none.
/// </remarks>
internal static class NumberingPlans
{
    private static readonly string[] Zero = ["0"];
    private static readonly string[] None = [];

    /// <summary>All supported plans, keyed by ISO-3166 alpha-2 code.</summary>
    public static readonly IReadOnlyDictionary<string, NumberingPlan> ByCountry = new NumberingPlan[]
    {
        // EU-27
        new("AT", "43", Zero, 4, 13),
        new("BE", "32", Zero, 8, 9),
        new("BG", "359", Zero, 6, 9),
        new("HR", "385", Zero, 6, 9),
        new("CY", "357", None, 8, 8),
        new("CZ", "420", None, 9, 9),
        new("DK", "45", None, 8, 8),
        new("EE", "372", None, 7, 10),
        new("FI", "358", Zero, 5, 12),
        new("FR", "33", Zero, 9, 9),
        new("DE", "49", Zero, 5, 13),
        new("GR", "30", None, 10, 10),
        new("HU", "36", ["06"], 8, 9),
        new("IE", "353", Zero, 7, 10),
        new("IT", "39", None, 6, 11, KeepsLeadingZero: true),
        new("LV", "371", None, 8, 8),
        new("LT", "370", ["8", "0"], 8, 8), // "8" is the historic trunk prefix, "0" replaced it in 2025
        new("LU", "352", None, 4, 11),
        new("MT", "356", None, 8, 8),
        new("NL", "31", Zero, 7, 10),
        new("PL", "48", None, 9, 9),
        new("PT", "351", None, 9, 9),
        new("RO", "40", Zero, 9, 9),
        new("SK", "421", Zero, 9, 9),
        new("SI", "386", Zero, 8, 8),
        new("ES", "34", None, 9, 9),
        new("SE", "46", Zero, 7, 10),

        // Rest of Europe
        new("GB", "44", Zero, 9, 10),
        new("CH", "41", Zero, 9, 9),
        new("NO", "47", None, 8, 8),
        new("IS", "354", None, 7, 9),
        new("MD", "373", Zero, 8, 8),
        new("UA", "380", Zero, 9, 9),
        new("RS", "381", Zero, 6, 12),
        new("TR", "90", Zero, 10, 10),

        // North America shares +1; the first entry wins when reading "+1 ..." (the output is identical).
        new("US", "1", ["1"], 10, 10, IsNanp: true),
        new("CA", "1", ["1"], 10, 10, IsNanp: true),
    }.ToDictionary(p => p.Country, StringComparer.OrdinalIgnoreCase);

    // E.164 calling codes are prefix-free, so trying 1, 2 then 3 digits finds at most one plan.
    private static readonly IReadOnlyDictionary<string, NumberingPlan> ByCallingCode = ByCountry.Values
        .GroupBy(p => p.CallingCode)
        .ToDictionary(g => g.Key, g => g.First());

    /// <summary>Finds the plan whose calling code starts the given international digits.</summary>
    public static NumberingPlan? MatchCallingCode(string internationalDigits)
    {
        for (var length = 1; length <= 3 && length <= internationalDigits.Length; length++)
        {
            if (ByCallingCode.TryGetValue(internationalDigits[..length], out var plan))
            {
                return plan;
            }
        }

        return null;
    }
}
