namespace BrandHub.Core.Content;

/// <summary>The elements and attributes an email's HTML may keep: what email clients render, nothing that runs or submits.</summary>
public static class EmailHtmlAllowList
{
    public static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "title", "meta", "style",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "center", "font",
        "strong", "b", "em", "i", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "big", "mark", "abbr", "time", "wbr",
        "blockquote", "q", "cite", "pre", "code", "kbd", "samp", "var", "tt", "bdi", "bdo", "address",
        "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
        "article", "aside", "section", "header", "footer", "main", "nav", "figure", "figcaption",
    };

    /// <summary>Removed together with their content, with the reason shown to the marketer.</summary>
    public static readonly Dictionary<string, string> Dropped = new(StringComparer.Ordinal)
    {
        ["script"] = "scripts never run in email", ["noscript"] = "scripts never run in email",
        ["iframe"] = "embedded content is blocked by email clients", ["frame"] = "embedded content is blocked by email clients",
        ["frameset"] = "embedded content is blocked by email clients", ["object"] = "embedded content is blocked by email clients",
        ["embed"] = "embedded content is blocked by email clients", ["applet"] = "embedded content is blocked by email clients",
        ["param"] = "embedded content is blocked by email clients", ["portal"] = "embedded content is blocked by email clients",
        ["form"] = "forms do not work in email", ["input"] = "forms do not work in email", ["button"] = "forms do not work in email",
        ["select"] = "forms do not work in email", ["option"] = "forms do not work in email", ["optgroup"] = "forms do not work in email",
        ["textarea"] = "forms do not work in email", ["datalist"] = "forms do not work in email", ["output"] = "forms do not work in email",
        ["keygen"] = "forms do not work in email", ["label"] = "forms do not work in email", ["fieldset"] = "forms do not work in email",
        ["svg"] = "SVG can carry script: use an image", ["math"] = "MathML is not rendered by email clients",
        ["link"] = "external style sheets and resources are not loaded in email", ["base"] = "a base URL would redirect every link",
        ["audio"] = "media does not play in email", ["video"] = "media does not play in email", ["source"] = "media does not play in email",
        ["track"] = "media does not play in email", ["canvas"] = "canvas needs script", ["template"] = "templates need script",
        ["dialog"] = "dialogs need script", ["slot"] = "web components need script", ["noembed"] = "embedded content is blocked by email clients",
        ["noframes"] = "embedded content is blocked by email clients", ["xmp"] = "obsolete element", ["plaintext"] = "obsolete element",
    };

    private static readonly HashSet<string> Global = new(StringComparer.Ordinal)
    {
        "style", "class", "id", "dir", "lang", "title", "align", "valign", "width", "height", "bgcolor", "background", "border", "role",
    };

    private static readonly Dictionary<string, string[]> PerElement = new(StringComparer.Ordinal)
    {
        ["a"] = ["href", "target", "rel", "name"],
        ["img"] = ["src", "alt", "hspace", "vspace"],
        ["table"] = ["cellpadding", "cellspacing", "summary", "frame", "rules"],
        ["td"] = ["colspan", "rowspan", "nowrap", "scope", "headers", "abbr"],
        ["th"] = ["colspan", "rowspan", "nowrap", "scope", "headers", "abbr"],
        ["col"] = ["span"], ["colgroup"] = ["span"],
        ["font"] = ["color", "face", "size"],
        ["ol"] = ["start", "type", "reversed"], ["ul"] = ["type"], ["li"] = ["value", "type"],
        ["meta"] = ["charset", "name", "content", "http-equiv"],
        ["time"] = ["datetime"],
        ["html"] = ["xmlns"],
    };

    /// <summary>Attributes holding a URL, with the schemes each may use.</summary>
    public static readonly Dictionary<string, UrlUse> UrlAttributes = new(StringComparer.Ordinal)
    {
        ["href"] = UrlUse.Link, ["src"] = UrlUse.Image, ["background"] = UrlUse.Background,
    };

    private static readonly string[] MetaNames = ["viewport", "x-apple-disable-message-reformatting", "format-detection", "color-scheme", "supported-color-schemes"];
    private static readonly string[] MetaHttpEquiv = ["content-type", "x-ua-compatible"];

    public static bool IsAllowedAttribute(string element, string attribute) =>
        Global.Contains(attribute) || attribute.StartsWith("aria-", StringComparison.Ordinal)
        || (PerElement.TryGetValue(element, out var extra) && extra.Contains(attribute))
        || (element == "html" && attribute.StartsWith("xmlns:", StringComparison.Ordinal)); // Outlook's VML namespaces

    /// <summary>Charset, viewport and client hints only: no refresh, no redirects.</summary>
    public static bool IsAllowedMeta(string? charset, string? name, string? httpEquiv) =>
        charset is not null
        || (name is not null && MetaNames.Contains(name.ToLowerInvariant()))
        || (httpEquiv is not null && MetaHttpEquiv.Contains(httpEquiv.ToLowerInvariant()));
}
