namespace BrandHub.Core.Content;

/// <summary>Where a URL appears, which decides the schemes it may use.</summary>
public enum UrlUse { Link, Image, Background }

/// <summary>
/// Which URLs an email may carry. Links: http(s), mailto, tel, sms and in-page anchors. Images: http(s), <c>cid:</c>
/// (inline attachments) and <c>data:</c> raster images (png, gif, jpeg, webp — never SVG, which can carry script);
/// backgrounds: http(s). Browsers ignore tabs, newlines and leading spaces inside a scheme and decode entities before
/// reading it, so the check runs on the decoded value with those removed (<c>JaVa&amp;#09;Script:</c> is caught).
/// </summary>
public static class UrlPolicy
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto", "tel", "sms"];
    private static readonly string[] ImageSchemes = ["http", "https", "cid"];
    private static readonly string[] BackgroundSchemes = ["http", "https"];
    private static readonly string[] DataImages = ["data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/jpg;", "data:image/webp;"];

    /// <summary>True when the (entity-decoded) URL may stay. A value starting with a template tag is allowed here and checked again after rendering.</summary>
    public static bool IsAllowed(string value, UrlUse use)
    {
        var url = Compact(value);
        if (url.Length == 0 || url[0] == TemplateMarkup.TokenStart) return true;
        if (IsWebCompact(url)) return true; // the common case, without allocating
        var scheme = SchemeOf(url);
        if (scheme is null) return true; // relative: harmless in an email
        if (use == UrlUse.Image && scheme == "data") return DataImages.Any(d => url.StartsWith(d, StringComparison.OrdinalIgnoreCase));
        var allowed = use switch { UrlUse.Link => LinkSchemes, UrlUse.Image => ImageSchemes, _ => BackgroundSchemes };
        return allowed.Contains(scheme);
    }

    /// <summary>True for an absolute http(s) URL: the links click tracking rewrites.</summary>
    public static bool IsWeb(string value) => IsWebCompact(Compact(value));

    private static bool IsWebCompact(string url) =>
        url.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The lower-cased scheme, or null for a relative URL. A "scheme" built from a template tag is returned as is and matches nothing.</summary>
    public static string? SchemeOf(string compact)
    {
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            if (c == ':') return i == 0 ? "" : compact[..i].ToLowerInvariant();
            if (c is '/' or '?' or '#') return null;
        }
        return null;
    }

    /// <summary>The value without the whitespace and control characters browsers skip when reading a scheme.</summary>
    public static string Compact(string value)
    {
        var needs = false;
        foreach (var c in value) if (c <= ' ' || c == '\u00a0') { needs = true; break; }
        if (!needs) return value;
        var sb = new System.Text.StringBuilder(value.Length);
        foreach (var c in value) if (c > ' ' && c != '\u00a0') sb.Append(c);
        return sb.ToString();
    }
}
