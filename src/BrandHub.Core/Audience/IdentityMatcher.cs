using System.Globalization;

namespace BrandHub.Core.Audience;

/// <summary>
/// Probabilistic identity resolution: scores how likely two contacts are the same person when no
/// deterministic key (email, phone, tax id, external id) links them. Those exact matches are resolved by
/// the host in SQL; this class only handles the fuzzy remainder and never merges anything itself.
/// </summary>
/// <remarks>
/// The score is a weighted sum of per-field agreement: name <see cref="NameWeight"/>, company
/// <see cref="CompanyWeight"/>, city <see cref="CityWeight"/>. A field contributes only when both profiles
/// have it, so missing data lowers the confidence instead of being guessed. Agreement is the
/// Jaro-Winkler similarity of the folded values rescaled from [<see cref="AgreementFloor"/>, 1] to [0, 1]:
/// unrelated names still score 0.4-0.6 on raw Jaro-Winkler, and that noise must not add up to a match.
/// With these weights a perfect name alone (0.55) or name and city (0.70) stay below
/// <see cref="ReviewThreshold"/>; a reviewer only sees pairs that also agree on company.
/// </remarks>
public static class IdentityMatcher
{
    /// <summary>At or above this score the pair goes to the human review queue.</summary>
    public const double ReviewThreshold = 0.82;

    /// <summary>Weight of the person's name.</summary>
    public const double NameWeight = 0.55;

    /// <summary>Weight of the company.</summary>
    public const double CompanyWeight = 0.30;

    /// <summary>Weight of the city.</summary>
    public const double CityWeight = 0.15;

    /// <summary>Raw similarity at or below which a field counts as disagreeing.</summary>
    public const double AgreementFloor = 0.6;

    /// <summary>
    /// Share of the name weight available when a side lacks a first or last name: "Popescu" versus
    /// "Ion Popescu" is weaker evidence than two full names.
    /// </summary>
    public const double PartialNameFactor = 0.6;

    private const double SwapEvidence = 0.85;

    /// <summary>Scores two profiles; symmetric in its arguments.</summary>
    public static IdentityMatch Score(IdentityProfile a, IdentityProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var reasons = new List<string>();
        var score = 0.0;

        score += NameEvidence(a, b, reasons);
        score += FieldEvidence("company", CompanyNameFolding.Fold(a.Company), CompanyNameFolding.Fold(b.Company), CompanyWeight, reasons);
        score += FieldEvidence("city", NameFolding.Fold(a.City), NameFolding.Fold(b.City), CityWeight, reasons);

        return new IdentityMatch(Math.Round(Math.Clamp(score, 0, 1), 4), reasons);
    }

    /// <summary>
    /// Cheap key for finding candidates in SQL: the first three letters of the folded last name plus the
    /// first letter of the folded first name ("Ștefan Popescu" → "pops"); empty when there is no last name.
    /// </summary>
    public static string BlockingKey(IdentityProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var last = LettersOf(p.LastName);
        if (last.Length == 0)
        {
            return string.Empty;
        }

        var first = LettersOf(p.FirstName);
        return last[..Math.Min(3, last.Length)] + (first.Length > 0 ? first[..1] : string.Empty);
    }

    /// <summary>
    /// The blocking key for the profile as written and with first and last name swapped, so candidate
    /// lookup also finds contacts whose names were entered the other way round. Empty keys are omitted.
    /// </summary>
    public static IReadOnlyList<string> BlockingKeys(IdentityProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new[] { BlockingKey(p), BlockingKey(p with { FirstName = p.LastName, LastName = p.FirstName }) }
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static double NameEvidence(IdentityProfile a, IdentityProfile b, List<string> reasons)
    {
        string firstA = NameFolding.Fold(a.FirstName), lastA = NameFolding.Fold(a.LastName);
        string firstB = NameFolding.Fold(b.FirstName), lastB = NameFolding.Fold(b.LastName);

        if (firstA.Length > 0 && lastA.Length > 0 && firstB.Length > 0 && lastB.Length > 0)
        {
            var asWritten = (JaroWinkler.Similarity(firstA, firstB) + JaroWinkler.Similarity(lastA, lastB)) / 2;
            var swapped = (JaroWinkler.Similarity(firstA, lastB) + JaroWinkler.Similarity(lastA, firstB)) / 2;
            var similarity = Math.Max(asWritten, swapped);
            // Only call it a swap when the swapped reading is itself convincing, not merely less bad.
            reasons.Add(swapped > asWritten && swapped >= SwapEvidence
                ? $"name {Show(similarity)} (first/last swapped)"
                : $"name {Show(similarity)}");
            return NameWeight * Agreement(similarity);
        }

        var fullA = SortedWords(firstA, lastA);
        var fullB = SortedWords(firstB, lastB);
        if (fullA.Length == 0 || fullB.Length == 0)
        {
            reasons.Add("name missing");
            return 0;
        }

        // Sorting the words makes "Popescu Ion" in one field compare equal to "Ion" + "Popescu".
        var partial = JaroWinkler.Similarity(fullA, fullB);
        reasons.Add($"name {Show(partial)} (partial)");
        return NameWeight * PartialNameFactor * Agreement(partial);
    }

    private static double FieldEvidence(string field, string a, string b, double weight, List<string> reasons)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            reasons.Add($"{field} missing");
            return 0;
        }

        var similarity = JaroWinkler.Similarity(a, b);
        reasons.Add($"{field} {Show(similarity)}");
        return weight * Agreement(similarity);
    }

    private static double Agreement(double similarity) =>
        Math.Clamp((similarity - AgreementFloor) / (1 - AgreementFloor), 0, 1);

    private static string SortedWords(string first, string last) =>
        string.Join(' ', $"{first} {last}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    private static string LettersOf(string? name) =>
        new(NameFolding.Fold(name).Where(char.IsLetter).ToArray());

    private static string Show(double similarity) => similarity.ToString("0.00", CultureInfo.InvariantCulture);
}
