using System.Text;

namespace BrandHub.Core.Delivery;

/// <summary>
/// Appends UTM parameters to a link in a message so the visit it brings is attributed to the channel and campaign.
/// An author's own tagging wins: a link that already carries any <c>utm_</c> parameter is left exactly as written, and
/// only http(s) links are touched. Values are lower-case and URL-encoded (analytics tools treat "Email" and "email" as
/// two sources, which splits reports).
/// </summary>
public static class UtmTagger
{
    public static string Tag(string url, string source, string medium, string? campaign)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)) return url;
        var hash = url.IndexOf('#');
        var (head, fragment) = hash >= 0 ? (url[..hash], url[hash..]) : (url, "");
        var q = head.IndexOf('?');
        var query = q >= 0 ? head[(q + 1)..] : "";
        if (query.Split('&').Any(p => p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))) return url;

        var sb = new StringBuilder(head);
        sb.Append(q < 0 ? '?' : head.EndsWith('?') || head.EndsWith('&') ? "" : "&");
        sb.Append("utm_source=").Append(Value(source)).Append("&utm_medium=").Append(Value(medium));
        if (!string.IsNullOrWhiteSpace(campaign)) sb.Append("&utm_campaign=").Append(Value(campaign));
        return sb.Append(fragment).ToString();
    }

    /// <summary>A name as a UTM value: lower-case words joined by hyphens ("Black Friday – Early!" → "black-friday-early").</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128) sb.Append(char.ToLowerInvariant(c));
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue; // ă → a
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    private static string Value(string v) => Uri.EscapeDataString(v.Trim().ToLowerInvariant());
}
