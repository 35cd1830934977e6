namespace BrandHub.Core.Audience;

/// <summary>
/// Folds a company name for comparison: "S.C. Acme S.R.L.", "ACME srl" and "Acme" all become "acme".
/// </summary>
/// <remarks>
/// Legal-form words say nothing about which company it is, yet they differ between sources (the CRM
/// writes "SRL", the invoice "S.R.L.", the signup form nothing), so they are removed before comparing.
/// </remarks>
internal static class CompanyNameFolding
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "srl", "srld", "sa", "sca", "snc", "pfa", "ii", // Romania
        "gmbh", "ag", "kg", "ug", "ohg", "mbh",           // German-speaking countries
        "ltd", "limited", "plc", "llp",                  // UK, Ireland
        "llc", "inc", "corp", "corporation", "co",       // US
        "bv", "nv", "sas", "sarl", "spa", "sl", "oy", "ab", "as", "aps", "kft", "doo", "ood", "eood", // rest of Europe
    };

    /// <summary>Folds diacritics and case, drops punctuation and legal-form words.</summary>
    public static string Fold(string? company)
    {
        var folded = NameFolding.Fold(company);
        if (folded.Length == 0)
        {
            return folded;
        }

        // "s.r.l." → "srl"; "&", commas and quotes become word breaks.
        var cleaned = new string(folded.Where(c => c != '.').Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
        var words = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        // "S.C." is the Romanian "commercial company" marker that precedes the name.
        if (words.Count > 1 && words[0] == "sc")
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && LegalForms.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        // "sp. z o.o." arrives as three words.
        if (words.Count > 3 && words[^3] == "sp" && words[^2] == "z" && words[^1] == "oo")
        {
            words.RemoveRange(words.Count - 3, 3);
        }

        return string.Join(' ', words);
    }
}
