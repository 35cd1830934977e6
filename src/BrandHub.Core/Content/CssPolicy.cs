using System.Text;
using System.Text.RegularExpressions;

namespace BrandHub.Core.Content;

/// <summary>
/// The CSS an email may carry. Inline styles keep only properties on an allow-list of layout and typography (no
/// <c>position</c>, so a message cannot lay a fake login box over the client); any value with <c>expression(</c>,
/// <c>javascript:</c>, <c>behavior</c>, <c>-moz-binding</c>, <c>@import</c>, a non-http(s) <c>url()</c> or a CSS
/// escape (used to spell those in disguise) is dropped. A <c>&lt;style&gt;</c> sheet is kept whole or dropped whole by the
/// same value rules: rewriting selectors safely is not worth it for email.
/// </summary>
public static partial class CssPolicy
{
    private static readonly HashSet<string> Properties = new(StringComparer.Ordinal)
    {
        "color", "background", "background-color", "background-image", "background-position", "background-repeat", "background-size",
        "font", "font-family", "font-size", "font-style", "font-variant", "font-weight", "line-height", "letter-spacing", "word-spacing",
        "text-align", "text-decoration", "text-indent", "text-transform", "text-shadow", "white-space", "word-break", "word-wrap", "overflow-wrap",
        "vertical-align", "direction", "unicode-bidi",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-color", "border-style", "border-width",
        "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
        "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
        "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
        "border-radius", "border-top-left-radius", "border-top-right-radius", "border-bottom-left-radius", "border-bottom-right-radius",
        "border-collapse", "border-spacing", "table-layout", "caption-side", "empty-cells",
        "width", "height", "min-width", "min-height", "max-width", "max-height",
        "display", "float", "clear", "overflow", "overflow-x", "overflow-y", "visibility", "opacity", "box-sizing", "box-shadow",
        "list-style", "list-style-type", "list-style-position", "outline", "cursor", "object-fit",
        "-webkit-text-size-adjust", "-ms-text-size-adjust", "-webkit-font-smoothing", "-moz-osx-font-smoothing", "text-size-adjust",
        "color-scheme", "supported-color-schemes",
    };

    /// <summary>An inline <c>style</c> attribute with only the allowed declarations, and the properties dropped.</summary>
    public static (string Style, List<string> Dropped) FilterInline(string style)
    {
        var kept = new StringBuilder(style.Length);
        var dropped = new List<string>();
        foreach (var declaration in SplitDeclarations(StripComments(style)))
        {
            var colon = declaration.IndexOf(':');
            if (colon <= 0) { if (declaration.Trim().Length > 0) dropped.Add(declaration.Trim()); continue; }
            var property = declaration[..colon].Trim().ToLowerInvariant();
            var value = declaration[(colon + 1)..].Trim();
            if (!IsAllowedProperty(property) || UnsafeValue(value) is not null) { dropped.Add(property); continue; }
            if (kept.Length > 0) kept.Append(' ');
            kept.Append(property).Append(": ").Append(value).Append(';');
        }
        return (kept.ToString(), dropped);
    }

    /// <summary>Null when a style sheet may stay, else why not.</summary>
    public static string? UnsafeSheet(string css) => UnsafeValue(StripComments(css));

    public static bool IsAllowedProperty(string property) =>
        Properties.Contains(property) || property.StartsWith("mso-", StringComparison.Ordinal); // Outlook's own properties

    /// <summary>Null when a CSS value is safe, else what makes it unsafe.</summary>
    public static string? UnsafeValue(string value)
    {
        if (EscapePattern().IsMatch(value)) return "a CSS escape";
        var lower = value.ToLowerInvariant();
        foreach (var bad in (string[])["expression(", "javascript:", "vbscript:", "behavior", "-moz-binding", "@import", "<"])
            if (lower.Contains(bad, StringComparison.Ordinal)) return bad.TrimEnd('(', ':');
        foreach (Match m in UrlPattern().Matches(value))
        {
            var url = m.Groups["url"].Value.Trim().Trim('"', '\'');
            if (!UrlPolicy.IsAllowed(url, UrlUse.Background) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return "url(" + url + ")";
        }
        return null;
    }

    private static string StripComments(string css) => CommentPattern().Replace(css, " ");

    /// <summary>Splits on semicolons outside quotes and parentheses (a data URL or a font list may hold them).</summary>
    private static IEnumerable<string> SplitDeclarations(string style)
    {
        var start = 0;
        var depth = 0;
        char quote = '\0';
        for (var i = 0; i < style.Length; i++)
        {
            var c = style[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (c == ';' && depth == 0) { yield return style[start..i]; start = i + 1; }
        }
        if (start < style.Length) yield return style[start..];
    }

    [GeneratedRegex(@"\\[0-9a-fA-F]|\\[^\r\n]")]
    private static partial Regex EscapePattern();

    [GeneratedRegex(@"url\s*\(\s*(?<url>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"/\*.*?(\*/|$)", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
