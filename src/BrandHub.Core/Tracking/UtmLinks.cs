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
}
