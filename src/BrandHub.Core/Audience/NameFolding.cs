using System.Globalization;
using System.Text;

namespace BrandHub.Core.Audience;

/// <summary>
/// Folds names to a comparison form: lower-case, diacritics stripped, whitespace collapsed.
/// "Ștefan  Popescu" and "stefan popescu" fold to the same string, because contacts arrive from forms,
/// CRMs and keyboards that disagree about Romanian (and other) diacritics.
/// </summary>
public static class NameFolding
{
    /// <summary>Folds a name; null or blank folds to an empty string.</summary>
    public static string Fold(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return string.Empty;
        }

        var decomposed = s.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent, cedilla or comma-below left over after decomposition
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(builder, char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Letters that Unicode does not decompose into base + mark still have an obvious ASCII spelling.
    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'đ': builder.Append('d'); break;
            case 'ð': builder.Append('d'); break;
            case 'þ': builder.Append("th"); break;
            case 'ı': builder.Append('i'); break;
            default: builder.Append(c); break;
        }
    }
}
