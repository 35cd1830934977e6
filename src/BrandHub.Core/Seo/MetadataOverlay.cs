using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BrandHub.Core.Seo;

/// <summary>
/// The page as the shop serves it once it renders BrandHub's metadata: title, description, canonical, robots, Open
/// Graph and JSON-LD replaced in the head, missing alt texts filled in. A catalogue page is audited through this, so
/// "apply → re-audit" scores what the shop will serve.
/// </summary>
public static class MetadataOverlay
{
    private static readonly HtmlParser Parser = new();

    public static string Apply(string html, string pageUrl, PageMetadata metadata)
    {
        var document = Parser.ParseDocument(html);
        var head = document.Head ?? throw new InvalidOperationException("An HTML document always has a head once parsed.");

        foreach (var stale in document.QuerySelectorAll("head title, head link[rel]").Where(e => e.LocalName == "title" || Rel(e, "canonical")).ToList()) stale.Remove();
        foreach (var stale in document.QuerySelectorAll("meta[name], meta[property]").Where(m =>
                     Is(m, "name", "description") || Is(m, "name", "robots") || (m.GetAttribute("property") ?? "").StartsWith("og:", StringComparison.OrdinalIgnoreCase)
                     || (m.GetAttribute("property") ?? "").StartsWith("product:", StringComparison.OrdinalIgnoreCase)).ToList())
            stale.Remove();
        foreach (var stale in document.QuerySelectorAll("script[type]").Where(s => s.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)).ToList())
            stale.Remove();

        var title = document.CreateElement("title");
        title.TextContent = metadata.Title;
        head.AppendChild(title);
        head.AppendChild(Meta(document, "name", "description", metadata.Description));
        head.AppendChild(Meta(document, "name", "robots", metadata.Robots));
        var canonical = document.CreateElement("link");
        canonical.SetAttribute("rel", "canonical");
        canonical.SetAttribute("href", metadata.Canonical);
        head.AppendChild(canonical);
        foreach (var (property, content) in metadata.OpenGraph) head.AppendChild(Meta(document, "property", property, content));
        var jsonLd = document.CreateElement("script");
        jsonLd.SetAttribute("type", "application/ld+json");
        jsonLd.TextContent = metadata.JsonLd;
        head.AppendChild(jsonLd);

        var alts = metadata.AltTexts.GroupBy(a => Absolute(pageUrl, a.Url)).ToDictionary(g => g.Key, g => g.First().Alt, StringComparer.Ordinal);
        foreach (var img in document.QuerySelectorAll("img[src]").Where(i => string.IsNullOrWhiteSpace(i.GetAttribute("alt"))))
            if (alts.TryGetValue(Absolute(pageUrl, img.GetAttribute("src")!), out var alt)) img.SetAttribute("alt", alt);
        return document.ToHtml();
    }

    private static IElement Meta(IDocument document, string attribute, string key, string content)
    {
        var meta = document.CreateElement("meta");
        meta.SetAttribute(attribute, key);
        meta.SetAttribute("content", content);
        return meta;
    }

    private static bool Is(IElement e, string attribute, string value) => (e.GetAttribute(attribute) ?? "").Trim().Equals(value, StringComparison.OrdinalIgnoreCase);

    private static bool Rel(IElement e, string rel) => (e.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals(rel, StringComparison.OrdinalIgnoreCase));

    private static string Absolute(string pageUrl, string src) =>
        Uri.TryCreate(pageUrl, UriKind.Absolute, out var page) && Uri.TryCreate(page, src.Trim(), out var url) ? url.AbsoluteUri : src.Trim();
}
