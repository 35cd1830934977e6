namespace BrandHub.Core.Audience;

/// <summary>
/// Jaro-Winkler string similarity (0 = nothing in common, 1 = identical). It rewards a shared prefix,
/// which suits personal names: typos tend to occur late in a name, rarely in its first letters.
/// </summary>
public static class JaroWinkler
{
    /// <summary>Winkler's prefix scale.</summary>
    public const double PrefixScale = 0.1;

    /// <summary>Longest common prefix that earns a bonus.</summary>
    public const int MaxPrefixLength = 4;

    /// <summary>Winkler only boosts pairs that are already similar; below this the plain Jaro score stands.</summary>
    public const double BoostThreshold = 0.7;

    /// <summary>
    /// Case-sensitive similarity of two strings (fold them first with <see cref="NameFolding.Fold"/>).
    /// Two empty strings are identical; an empty and a non-empty string share nothing.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }

        var jaro = Jaro(a, b);
        if (jaro < BoostThreshold)
        {
            return jaro;
        }

        var prefix = 0;
        var limit = Math.Min(MaxPrefixLength, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }

    private static double Jaro(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        // Transpositions: matched characters that appear in a different order, counted in halves.
        var outOfOrder = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                outOfOrder++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (outOfOrder / 2.0)) / m)) / 3.0;
    }
}
