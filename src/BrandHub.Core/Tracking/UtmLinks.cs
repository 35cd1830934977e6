using System.Text;

namespace BrandHub.Core.Tracking;

/// <summary>
/// Builds a tagged link: the URL with its own query kept (any utm_ parameters in it replaced) and the UTM parameters
/// appended in a fixed order, URL-encoded; the fragment stays last.
/// </summary>
public static class UtmLinks
{
    public static FieldError? CheckUrl(string? url, string field = "url") =>
        string.IsNullOrWhiteSpace(url) ? new FieldError(field, "Required.")
        : url.Length > 2000 ? new FieldError(field, "At most 2,000 characters.")
        : !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
            ? new FieldError(field, "An absolute http(s) URL, e.g. https://shop.example.com/offers.") : null;

    public static string Build(string url, UtmParameters utm)
    {
        var hash = url.IndexOf('#');
        var (head, fragment) = hash >= 0 ? (url[..hash], url[hash..]) : (url, "");
        var q = head.IndexOf('?');
        var path = q >= 0 ? head[..q] : head;
        var kept = (q >= 0 ? head[(q + 1)..] : "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var field in UtmRules.Fields)
            if (utm[field] is { Length: > 0 } value) kept.Add($"utm_{field}={Uri.EscapeDataString(value)}");
        return path + (kept.Count > 0 ? "?" + string.Join('&', kept) : "") + fragment;
    }

    /// <summary>
    /// Tags a link in a message: the values made into slugs by the tenant's rules (lower case when asked, words joined by
    /// its separator, accents folded), then <see cref="Build"/>. A link the author tagged already, and anything that is
    /// not a web page (mailto:, tel:, relative), is left as it is.
    /// </summary>
    public static string Tag(string url, UtmParameters utm, UtmRules rules) => TagAsIs(url, Slugs(utm, rules));

    /// <summary>Each value as a slug under the rules (see <see cref="Slug"/>); empty ones dropped.</summary>
    public static UtmParameters Slugs(UtmParameters utm, UtmRules rules)
    {
        string? Value(string? v) => v is null ? null : Slug(v, rules) is { Length: > 0 } slug ? slug : null;
        return new UtmParameters(Value(utm.Source), Value(utm.Medium), Value(utm.Campaign), Value(utm.Term), Value(utm.Content));
    }

    /// <summary><see cref="Tag"/> with values already made slugs (once per message, not once per link).</summary>
    public static string TagAsIs(string url, UtmParameters slugs)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return url;
        var hash = url.IndexOf('#');
        var head = hash >= 0 ? url[..hash] : url;
        var q = head.IndexOf('?');
        if (q >= 0 && head[(q + 1)..].Split('&').Any(p => p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))) return url;
        return Build(url, slugs);
    }

    /// <summary>A name as a UTM value under the rules ("Black Friday – Early!" → "black-friday-early", "Ofertă de toamnă" → "oferta-de-toamna").</summary>
    public static string Slug(string name, UtmRules rules)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128) sb.Append(rules.LowerCase ? char.ToLowerInvariant(c) : c);
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue; // ă → a
            else if (sb.Length > 0 && sb[^1] != rules.Separator) sb.Append(rules.Separator);
        }
        return sb.ToString().Trim(rules.Separator);
    }

    /// <summary>The URL with one more query parameter (before the fragment), e.g. BrandHub's click id on a redirect.</summary>
    public static string WithParameter(string url, string name, string value)
    {
        var hash = url.IndexOf('#');
        var (head, fragment) = hash >= 0 ? (url[..hash], url[hash..]) : (url, "");
        var joiner = !head.Contains('?') ? "?" : head.EndsWith('?') || head.EndsWith('&') ? "" : "&";
        return $"{head}{joiner}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}{fragment}";
    }
}
