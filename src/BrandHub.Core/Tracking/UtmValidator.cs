using System.Text;
using System.Text.RegularExpressions;

namespace BrandHub.Core.Tracking;

/// <summary>Checks UTM parameters against a tenant's rules and says, for each violation, what would comply.</summary>
public static class UtmValidator
{
    public static IReadOnlyList<UtmViolation> Validate(UtmParameters utm, UtmRules rules)
    {
        var violations = new List<UtmViolation>();
        foreach (var field in UtmRules.Fields)
        {
            var value = utm[field];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (rules.Required.Contains(field)) violations.Add(new(field, "required", $"utm_{field} is required.", null));
                continue;
            }
            var normal = Normalize(value, rules);
            if (value.Length > UtmRules.MaxLength)
                violations.Add(new(field, "length", $"utm_{field} is longer than {UtmRules.MaxLength} characters.", Truncate(normal)));
            if (rules.LowerCase && value != value.ToLowerInvariant())
                violations.Add(new(field, "lower_case", $"utm_{field} must be lower case.", normal));
            if (value.Trim().Any(c => IsSeparatorLike(c) && c != rules.Separator))
                violations.Add(new(field, "separator", $"utm_{field} separates words with '{rules.Separator}' only (no spaces or other separators).", normal));

            var allowed = field switch { "source" => rules.AllowedSources, "medium" => rules.AllowedMediums, _ => [] };
            if (allowed.Count > 0 && !allowed.Contains(normal, StringComparer.Ordinal))
                violations.Add(new(field, $"allowed_{field}", $"'{value}' is not an allowed utm_{field} ({string.Join(", ", allowed.Take(20))}{(allowed.Count > 20 ? ", …" : "")}).",
                    Closest(normal, allowed)));
            if (field == "campaign" && rules.CampaignPattern is { } pattern && !Matches(normal, pattern))
                violations.Add(new(field, "campaign_pattern",
                    $"utm_campaign must match {pattern}{(rules.CampaignPatternHint is { } hint ? $" ({hint})" : "")}.", null));
        }
        return violations;
    }

    /// <summary>The value as the rules want it: trimmed, lower case (when asked), words joined by the separator.</summary>
    public static string Normalize(string value, UtmRules rules)
    {
        var sb = new StringBuilder(value.Length);
        var pendingSeparator = false;
        foreach (var raw in value.Trim())
        {
            var c = rules.LowerCase ? char.ToLowerInvariant(raw) : raw;
            if (IsSeparatorLike(c)) { pendingSeparator = sb.Length > 0; continue; }
            if (pendingSeparator) { sb.Append(rules.Separator); pendingSeparator = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsSeparatorLike(char c) => char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '+' or '/' or '|';

    private static string Truncate(string s) => s.Length > UtmRules.MaxLength ? s[..UtmRules.MaxLength] : s;

    private static bool Matches(string value, string pattern)
    {
        try { return Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    /// <summary>The allowed value nearest by edit distance, when it is near enough to be what was meant.</summary>
    private static string? Closest(string value, IReadOnlyList<string> allowed)
    {
        var best = allowed.Select(a => (Value: a, Distance: Levenshtein(value, a))).OrderBy(x => x.Distance).ThenBy(x => x.Value, StringComparer.Ordinal).First();
        return best.Distance <= Math.Max(2, best.Value.Length / 3) ? best.Value : null;
    }

    internal static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
