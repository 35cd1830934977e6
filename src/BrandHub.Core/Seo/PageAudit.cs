using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BrandHub.Core.Seo;

/// <summary>
/// The page rules of <see cref="SeoRules"/> over one served page (the site-wide ones are <see cref="SiteAudit"/>'s). A
/// page answering 4xx/5xx gets only <c>http-status</c>: the rest of an error page says nothing about the page meant.
/// Canonicals and hreflang alternates count only in the <c>&lt;head&gt;</c> and the Link header; a body copy is ignored.
/// </summary>
public static class PageAudit
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = false });
    private static readonly string[] RobotNames = ["robots", "googlebot", "googlebot-news", "googlebot-image", "bingbot", "msnbot", "slurp", "duckduckbot",
        "baiduspider", "yandex", "yandexbot", "applebot", "adsbot-google", "mediapartners-google", "otherbot"];
    private static readonly HashSet<string> NotMainText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "svg" };

    public static PageAuditResult Audit(PageSnapshot page, SeoAuditSettings? settings = null)
    {
        settings ??= SeoAuditSettings.Default;
        var findings = new List<SeoFinding>();
        void Add(string rule, string message, string? element)
        {
            if (settings.Enabled(rule)) findings.Add(new SeoFinding(rule, settings.Severity(rule), message, Truncate(element), SeoRules.ById[rule].Fix));
        }
        var headers = new Dictionary<string, string>(page.Headers, StringComparer.OrdinalIgnoreCase);
        Uri.TryCreate(page.Url, UriKind.Absolute, out var url);

        if (page.Robots is { } robots)
        {
            var (allowed, rule) = robots.Check(page.UserAgent, url?.PathAndQuery ?? "/");
            if (!allowed) Add(SeoRules.RobotsTxtBlocked, robots.UnavailableReason is { } why
                ? $"{why}: crawlers treat the whole site as disallowed until robots.txt can be read." : $"robots.txt does not let {page.UserAgent} fetch this page.", rule);
            foreach (var problem in robots.Problems) Add(SeoRules.RobotsTxtInvalid, $"robots.txt line {problem.Line}: {problem.Reason}", problem.Text.Trim());
        }
        if (page.Status >= 400)
        {
            Add(SeoRules.HttpStatus, $"The page answers {page.Status}.", page.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new PageAuditResult(SeoScore.Of(findings, settings), findings, new PageFacts(null, null, [], null, [], 0, false));
        }
        if (page.RedirectChain.Count > settings.Threshold(SeoRules.RedirectChain, "maxHops"))
            Add(SeoRules.RedirectChain, $"Reached after {page.RedirectChain.Count} redirects.", string.Join(" → ", page.RedirectChain.Append(page.Url)));

        var document = Parser.ParseDocument(page.Html);
        var head = document.Head;
        var root = document.DocumentElement;
        var pageLanguage = root.GetAttribute("lang") is { Length: > 0 } lang ? lang.Trim() : null;

        // Indexing: robots meta tags (for every crawler or a named one) and the X-Robots-Tag header.
        var indexable = true;
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            var name = meta.GetAttribute("name")!.Trim().ToLowerInvariant();
            if (!RobotNames.Contains(name) && !name.EndsWith("bot", StringComparison.Ordinal)) continue;
            if (Directives(meta.GetAttribute("content")).Any(d => d is "noindex" or "none"))
            {
                indexable = false;
                Add(SeoRules.Noindex, name == "robots" ? "A robots meta tag keeps the page out of search results." : $"A robots meta tag keeps the page out of {name}'s results.", meta.OuterHtml);
            }
        }
        if (headers.TryGetValue("X-Robots-Tag", out var robotsHeader))
            foreach (var (bot, directive) in HeaderDirectives(robotsHeader))
                if (directive is "noindex" or "none")
                {
                    indexable = false;
                    Add(SeoRules.Noindex, bot is null ? "The X-Robots-Tag header keeps the page out of search results." : $"The X-Robots-Tag header keeps the page out of {bot}'s results.",
                        "X-Robots-Tag: " + robotsHeader);
                }

        // Title and description (the name of a meta tag is case-insensitive: <meta name="Description"> counts).
        var title = head?.QuerySelector("title")?.TextContent is { } t ? Collapse(t) : null;
        if (string.IsNullOrEmpty(title)) { Add(SeoRules.TitleMissing, "The page has no title.", null); title = null; }
        else CheckLength(SeoRules.TitleLength, "title", title);
        var description = document.QuerySelectorAll("meta[name]").FirstOrDefault(m => m.GetAttribute("name")!.Trim().Equals("description", StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content") is { } d ? Collapse(d) : null;
        if (string.IsNullOrEmpty(description)) { Add(SeoRules.MetaDescriptionMissing, "The page has no meta description.", null); description = null; }
        else CheckLength(SeoRules.MetaDescriptionLength, "meta description", description);
        void CheckLength(string rule, string what, string value)
        {
            int min = (int)settings.Threshold(rule, "min"), max = (int)settings.Threshold(rule, "max");
            if (value.Length < min || value.Length > max) Add(rule, $"The {what} has {value.Length} characters; {min}–{max} show well.", value);
        }

        var h1s = document.QuerySelectorAll("h1");
        if (h1s.Length == 0) Add(SeoRules.H1Missing, "The page has no <h1>.", null);
        else if (h1s.Length > 1) Add(SeoRules.H1Multiple, $"The page has {h1s.Length} <h1> headings.", string.Join(" | ", h1s.Select(h => Collapse(h.TextContent))));

        // Canonical and hreflang: the <head> and the Link header only.
        var headerLinks = LinkHeader.Parse(headers.GetValueOrDefault("Link"));
        var canonicals = (head?.QuerySelectorAll("link[rel][href]").Where(l => HasRel(l, "canonical")).Select(l => (Href: l.GetAttribute("href")!.Trim(), Where: l.OuterHtml))
                ?? []).Concat(headerLinks.Where(l => l.HasRel("canonical")).Select(l => (Href: l.Target, Where: $"Link: <{l.Target}>; rel=\"canonical\""))).ToList();
        var resolved = new List<string>();
        if (canonicals.Count == 0) Add(SeoRules.CanonicalMissing, "The page names no canonical URL.", null);
        foreach (var (href, where) in canonicals)
        {
            if (IsAbsoluteHttp(href)) resolved.Add(new Uri(href).AbsoluteUri);
            else
            {
                Add(SeoRules.CanonicalInvalid, href.Length == 0 ? "A canonical URL is empty." : $"The canonical '{href}' is not an absolute URL.", where);
                if (url is not null && href.Length > 0 && Uri.TryCreate(url, href, out var r)) resolved.Add(r.AbsoluteUri);
            }
        }
        if (resolved.Distinct(StringComparer.Ordinal).Count() > 1)
            Add(SeoRules.CanonicalConflict, $"The page names {resolved.Distinct().Count()} different canonical URLs.", string.Join(" | ", resolved.Distinct()));
        var alternates = (head?.QuerySelectorAll("link[hreflang]").Where(l => HasRel(l, "alternate")).Select(l => (Lang: l.GetAttribute("hreflang")!, Href: l.GetAttribute("href") ?? "", Where: l.OuterHtml))
                ?? []).Concat(headerLinks.Where(l => l.HasRel("alternate") && l.Parameters.ContainsKey("hreflang"))
                .Select(l => (Lang: l.Parameters["hreflang"], Href: l.Target, Where: $"Link: <{l.Target}>; rel=\"alternate\"; hreflang=\"{l.Parameters["hreflang"]}\"")));
        foreach (var (language, href, where) in alternates)
        {
            if (!Hreflang.IsValid(language.Trim())) Add(SeoRules.HreflangInvalid, $"'{language}' is not a language code hreflang accepts.", where);
            else if (!IsAbsoluteHttp(href.Trim())) Add(SeoRules.HreflangInvalid, $"The {language} alternate '{href}' is not an absolute URL.", where);
        }

        foreach (var img in document.QuerySelectorAll("img").Where(i => !i.HasAttribute("alt")))
            Add(SeoRules.ImageAltMissing, "An image has no alt text.", img.OuterHtml);

        // Links: crawlable, descriptive, and the internal ones kept for the broken-link check.
        var internalLinks = new List<string>();
        foreach (var a in document.QuerySelectorAll("a"))
        {
            var href = a.GetAttribute("href");
            if (href is null)
            {
                if (a.HasAttribute("onclick")) Add(SeoRules.AnchorNotCrawlable, "A link has a click handler but no href.", a.OuterHtml);
                continue;
            }
            var target = href.Trim();
            if (target.Length == 0) { Add(SeoRules.AnchorNotCrawlable, "A link has an empty href.", a.OuterHtml); continue; }
            if (target.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) { Add(SeoRules.AnchorNotCrawlable, "A link's href is javascript:.", a.OuterHtml); continue; }
            var text = a.GetAttribute("aria-label") is { Length: > 0 } label ? label : a.TextContent + " " + string.Join(" ", a.QuerySelectorAll("img[alt]").Select(i => i.GetAttribute("alt")));
            var language = a.Closest("[lang]")?.GetAttribute("lang") ?? pageLanguage;
            if (SeoWords.IsGenericLinkText(text, language)) Add(SeoRules.LinkTextGeneric, $"The link text '{Collapse(text)}' does not say where it leads.", a.OuterHtml);
            if (url is not null && !target.StartsWith('#') && Uri.TryCreate(url, target, out var linked) && linked.Scheme is "http" or "https"
                && linked.Host.Equals(url.Host, StringComparison.OrdinalIgnoreCase))
                internalLinks.Add(new UriBuilder(linked) { Fragment = "" }.Uri.AbsoluteUri);
        }

        if (url is not null) CheckSlug(url);
        void CheckSlug(Uri page)
        {
            var path = page.AbsolutePath;
            if (path is "/" or "") return;
            var last = path.TrimEnd('/').Split('/')[^1];
            var problems = new List<string>();
            if (path.Any(char.IsUpper)) problems.Add("upper case");
            if (path.Contains("%20", StringComparison.Ordinal) || path.Contains(' ') || path.Contains('+')) problems.Add("spaces");
            if (path.Contains('_')) problems.Add("underscores");
            if (Uri.UnescapeDataString(path).Any(c => c > 127)) problems.Add("non-ASCII characters");
            if (last.Length > settings.Threshold(SeoRules.SlugInvalid, "maxLength")) problems.Add($"{last.Length} characters");
            var stops = last.Split('-', StringSplitOptions.RemoveEmptyEntries).Count(w => SeoWords.IsStopWord(w.ToLowerInvariant()));
            if (stops > settings.Threshold(SeoRules.SlugInvalid, "maxStopWords")) problems.Add($"{stops} stop words");
            if (problems.Count > 0) Add(SeoRules.SlugInvalid, $"The URL path has {string.Join(", ", problems)}.", path);
        }

        CheckStructuredData(document, Add);

        var words = MainTextWords(document);
        if (page.Kind == PageKinds.Content && words < settings.Threshold(SeoRules.ThinContent, "minWords"))
            Add(SeoRules.ThinContent, $"The main text has {words} words.", null);

        if (url?.Scheme == "https")
            foreach (var (element, resource) in Resources(document).Where(r => r.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                Add(SeoRules.MixedContent, $"An https page loads {resource} over http.", element);

        if (pageLanguage is null) Add(SeoRules.MissingLang, "The <html> element has no lang attribute.", null);
        if (!document.QuerySelectorAll("meta[name]").Any(m => m.GetAttribute("name")!.Trim().Equals("viewport", StringComparison.OrdinalIgnoreCase)))
            Add(SeoRules.MissingViewport, "The page has no viewport meta tag.", null);

        var facts = new PageFacts(title, description, resolved.Distinct().ToList(), pageLanguage, internalLinks.Distinct().ToList(), words, indexable);
        return new PageAuditResult(SeoScore.Of(findings, settings), findings, facts);
    }

    /// <summary>Robots directives of a meta tag's content, lower case.</summary>
    private static IEnumerable<string> Directives(string? content) =>
        (content ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToLowerInvariant());

    /// <summary>X-Robots-Tag: <c>noindex</c>, or <c>googlebot: noindex, nofollow</c> — a bot name applies to the directives after it.</summary>
    private static IEnumerable<(string? Bot, string Directive)> HeaderDirectives(string header)
    {
        string? bot = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var directive = part.ToLowerInvariant();
            var colon = directive.IndexOf(':');
            if (colon > 0 && !directive.StartsWith("unavailable_after", StringComparison.Ordinal) && !directive.StartsWith("max-", StringComparison.Ordinal))
            {
                bot = directive[..colon].Trim();
                directive = directive[(colon + 1)..].Trim();
            }
            yield return (bot, directive);
        }
    }

    private static void CheckStructuredData(IDocument document, Action<string, string, string?> add)
    {
        foreach (var script in document.QuerySelectorAll("script[type]").Where(s => s.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)))
        {
            JsonDocument json;
            try { json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = false }); }
            catch (JsonException ex) { add(SeoRules.StructuredDataInvalid, $"JSON-LD that does not parse: {ex.Message}", script.TextContent.Trim()); continue; }
            using (json) Walk(json.RootElement);
        }

        void Walk(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Array) { foreach (var item in node.EnumerateArray()) Walk(item); return; }
            if (node.ValueKind != JsonValueKind.Object) return;
            var types = node.TryGetProperty("@type", out var type)
                ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? "").ToList() : [type.GetString() ?? ""]
                : [];
            string Raw() => Truncate(node.GetRawText())!;
            bool Has(string property) => node.TryGetProperty(property, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                && !(v.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetString()));
            if (types.Contains("Product"))
            {
                if (!Has("name")) add(SeoRules.StructuredDataInvalid, "A Product has no name.", Raw());
                if (!Has("offers") && !Has("review") && !Has("aggregateRating")) add(SeoRules.StructuredDataInvalid, "A Product has none of offers, review or aggregateRating.", Raw());
            }
            if (types.Contains("Offer"))
            {
                if (!Has("price") && !(node.TryGetProperty("priceSpecification", out var spec) && spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("price", out _)))
                    add(SeoRules.StructuredDataInvalid, "An Offer has no price.", Raw());
                if (!Has("priceCurrency") && !(node.TryGetProperty("priceSpecification", out var spec2) && spec2.ValueKind == JsonValueKind.Object && spec2.TryGetProperty("priceCurrency", out _)))
                    add(SeoRules.StructuredDataInvalid, "An Offer has no priceCurrency.", Raw());
            }
            if (types.Contains("AggregateOffer"))
            {
                if (!Has("lowPrice")) add(SeoRules.StructuredDataInvalid, "An AggregateOffer has no lowPrice.", Raw());
                if (!Has("priceCurrency")) add(SeoRules.StructuredDataInvalid, "An AggregateOffer has no priceCurrency.", Raw());
            }
            foreach (var property in node.EnumerateObject())
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Walk(property.Value);
        }
    }

    /// <summary>Words of the main text: the &lt;main&gt; (or &lt;article&gt;) when there is one, else the body; navigation, header, footer, asides and scripts left out.</summary>
    private static int MainTextWords(IDocument document)
    {
        var scope = (IElement?)document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body;
        if (scope is null) return 0;
        var text = new StringBuilder();
        void Collect(INode node)
        {
            foreach (var child in node.ChildNodes)
                if (child is IText t) text.Append(t.Data).Append(' ');
                else if (child is IElement e && !NotMainText.Contains(e.LocalName)) Collect(e);
        }
        Collect(scope);
        var words = 0;
        var inWord = false;
        foreach (var c in text.ToString())
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>What the page loads: images (src and srcset), scripts, styles and icons, frames, media, objects.</summary>
    private static IEnumerable<(string Element, string Url)> Resources(IDocument document)
    {
        foreach (var e in document.QuerySelectorAll("img[src], script[src], iframe[src], audio[src], video[src], source[src], embed[src], track[src]"))
            yield return (e.OuterHtml, e.GetAttribute("src")!.Trim());
        foreach (var e in document.QuerySelectorAll("img[srcset], source[srcset]"))
            foreach (var candidate in e.GetAttribute("srcset")!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return (e.OuterHtml, candidate.Split(' ')[0]);
        foreach (var e in document.QuerySelectorAll("link[href]").Where(l => HasRel(l, "stylesheet") || HasRel(l, "icon") || HasRel(l, "preload") || HasRel(l, "modulepreload")))
            yield return (e.OuterHtml, e.GetAttribute("href")!.Trim());
        foreach (var e in document.QuerySelectorAll("object[data]"))
            yield return (e.OuterHtml, e.GetAttribute("data")!.Trim());
    }

    private static bool HasRel(IElement link, string rel) =>
        (link.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals(rel, StringComparison.OrdinalIgnoreCase));

    private static bool IsAbsoluteHttp(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && !string.IsNullOrEmpty(u.Host);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Truncate(string? value) => value is null ? null : value.Length <= 300 ? value : value[..297] + "…";
}
