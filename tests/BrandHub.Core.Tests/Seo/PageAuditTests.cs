using BrandHub.Core.Seo;

namespace BrandHub.Core.Tests.Seo;

/// <summary>
/// A fixture page per rule: a page that passes every rule, and variants that break (or tricky ones that must not break)
/// exactly one — each asserting the exact rule ids found, no more, no fewer.
/// </summary>
public sealed class PageAuditTests
{
    private const string Url = "https://shop.test/p/winter-boots-men";
    private const string Title = "Winter boots for men: warm, waterproof leather boots"; // 52 characters
    private const string Description = "Warm, waterproof leather winter boots for men with a grippy rubber sole and wool lining. Free delivery in 24 hours and 30 days to return them, no questions.";
    private static readonly string Words = string.Join(' ', Enumerable.Repeat("Our leather boots keep feet warm and dry through the whole winter, in snow and slush alike.", 14));

    private sealed record Page(
        string Html = "", string Lang = " lang=\"en\"", string Head = "", string Body = "",
        string TitleTag = $"<title>{Title}</title>",
        string DescriptionTag = $"<meta name=\"description\" content=\"{Description}\">",
        string Viewport = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        string Canonical = $"<link rel=\"canonical\" href=\"{Url}\">",
        string Alternates = "<link rel=\"alternate\" hreflang=\"ro\" href=\"https://shop.test/ro/p/ghete-iarna-barbati\"><link rel=\"alternate\" hreflang=\"x-default\" href=\"https://shop.test/p/winter-boots-men\">",
        string JsonLd = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Winter boots","brand":{"@type":"Brand","name":"Demo"},"offers":{"@type":"Offer","price":"349.00","priceCurrency":"RON","availability":"https://schema.org/InStock"}}</script>""",
        string H1 = "<h1>Winter boots for men</h1>",
        string Image = "<img src=\"/img/boots.jpg\" alt=\"Brown leather winter boots\">",
        string Link = "<a href=\"/p/winter-boots-men/size-guide\">Winter boots size guide</a>")
    {
        public string Render() => Html.Length > 0 ? Html : $"""
            <!doctype html><html{Lang}><head><meta charset="utf-8">{Viewport}{TitleTag}{DescriptionTag}{Canonical}{Alternates}{JsonLd}{Head}</head>
            <body><header><nav><a href="/c/boots">Boots</a> <a href="/c/coats">Coats</a></nav></header>
            <main>{H1}{Image}<p>{Words}</p>{Link}{Body}</main><footer><a href="/contact">Contact us</a></footer></body></html>
            """;
    }

    private static IEnumerable<string> RulesOf(Page page, string url = Url, int status = 200, Dictionary<string, string>? headers = null, string kind = PageKinds.Product,
        IReadOnlyList<string>? redirects = null, RobotsTxt? robots = null) =>
        PageAudit.Audit(new PageSnapshot(url, status, headers ?? [], page.Render(), kind) { RedirectChain = redirects ?? [], Robots = robots })
            .Findings.Select(f => f.RuleId).Distinct().Order();

    [Fact]
    public void The_fixture_page_passes_every_rule_and_scores_100()
    {
        var result = PageAudit.Audit(new PageSnapshot(Url, 200, new Dictionary<string, string>(), new Page().Render(), PageKinds.Content));
        result.Findings.ShouldBeEmpty();
        result.Score.ShouldBe(100);
        result.Facts.Title.ShouldBe(Title);
        result.Facts.Description.ShouldBe(Description);
        result.Facts.Canonicals.ShouldBe([Url]);
        result.Facts.Language.ShouldBe("en");
        result.Facts.InternalLinks.ShouldContain("https://shop.test/p/winter-boots-men/size-guide");
        result.Facts.Indexable.ShouldBeTrue();
        result.Facts.Words.ShouldBeGreaterThan(200);
    }

    public static TheoryData<string, string[]> Variants => new()
    {
        // http-status: an error page is reported for its status only.
        { "http-status", ["http-status"] },
        { "noindex: ROBOTS in capitals", ["noindex"] },
        { "noindex: a bot-specific meta tag", ["noindex"] },
        { "noindex: a bot-specific X-Robots-Tag", ["noindex"] },
        { "pass: X-Robots-Tag nofollow only", [] },
        { "robots-txt-blocked", ["robots-txt-blocked"] },
        { "pass: robots.txt allows our crawler by name", [] },
        { "robots-txt-invalid", ["robots-txt-invalid"] },
        { "title-missing", ["title-missing"] },
        { "title-length", ["title-length"] },
        { "meta-description-missing", ["meta-description-missing"] },
        { "pass: <meta name=\"Description\"> in mixed case", [] },
        { "meta-description-length", ["meta-description-length"] },
        { "h1-missing", ["h1-missing"] },
        { "h1-multiple", ["h1-multiple"] },
        { "canonical-missing", ["canonical-missing"] },
        { "canonical-missing: a canonical in <body> is ignored", ["canonical-missing"] },
        { "canonical-invalid: relative", ["canonical-invalid"] },
        { "canonical-conflict: the Link header names another", ["canonical-conflict"] },
        { "pass: the Link header names the same canonical", [] },
        { "hreflang-invalid: bad code", ["hreflang-invalid"] },
        { "hreflang-invalid: a relative URL in the Link header", ["hreflang-invalid"] },
        { "pass: hreflang in the Link header", [] },
        { "pass: an invalid hreflang in <body> is ignored", [] },
        { "image-alt-missing", ["image-alt-missing"] },
        { "pass: alt=\"\" on a decorative image", [] },
        { "link-text-generic", ["link-text-generic"] },
        { "link-text-generic: a Romanian link in an English page", ["link-text-generic"] },
        { "link-text-generic: German in a lang=de paragraph", ["link-text-generic"] },
        { "pass: a word generic only in another language", [] },
        { "pass: a generic text with a descriptive aria-label", [] },
        { "anchor-not-crawlable: javascript:", ["anchor-not-crawlable"] },
        { "anchor-not-crawlable: empty href", ["anchor-not-crawlable"] },
        { "anchor-not-crawlable: click handler, no href", ["anchor-not-crawlable"] },
        { "pass: a named anchor without href", [] },
        { "slug-invalid: upper case and underscores", ["slug-invalid"] },
        { "slug-invalid: non-ASCII", ["slug-invalid"] },
        { "slug-invalid: stop-word noise", ["slug-invalid"] },
        { "structured-data-invalid: JSON that does not parse", ["structured-data-invalid"] },
        { "structured-data-invalid: a Product without offers", ["structured-data-invalid"] },
        { "structured-data-invalid: an Offer without priceCurrency", ["structured-data-invalid"] },
        { "pass: a Product with aggregateRating instead of offers, in a @graph", [] },
        { "thin-content", ["thin-content"] },
        { "pass: a short product page is not thin", [] },
        { "redirect-chain", ["redirect-chain"] },
        { "pass: one redirect", [] },
        { "mixed-content", ["mixed-content"] },
        { "mixed-content: srcset", ["mixed-content"] },
        { "pass: an http link is not a resource", [] },
        { "missing-lang", ["missing-lang"] },
        { "missing-viewport", ["missing-viewport"] },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Each_variant_finds_exactly_its_rules(string variant, string[] expected)
    {
        var page = new Page();
        var found = variant switch
        {
            "http-status" => RulesOf(page with { TitleTag = "" }, status: 404),
            "noindex: ROBOTS in capitals" => RulesOf(page with { Head = "<meta name=\"ROBOTS\" content=\"NOINDEX, follow\">" }),
            "noindex: a bot-specific meta tag" => RulesOf(page with { Head = "<meta name=\"googlebot\" content=\"none\">" }),
            "noindex: a bot-specific X-Robots-Tag" => RulesOf(page, headers: new() { ["x-robots-tag"] = "googlebot: noindex, nofollow" }),
            "pass: X-Robots-Tag nofollow only" => RulesOf(page, headers: new() { ["X-Robots-Tag"] = "nofollow, max-snippet:50" }),
            "robots-txt-blocked" => RulesOf(page, robots: RobotsTxt.Parse("User-agent: *\nDisallow: /p/\n")),
            "pass: robots.txt allows our crawler by name" => RulesOf(page, robots: RobotsTxt.Parse("User-agent: BrandHubBot\nAllow: /\n\nUser-agent: *\nDisallow: /\n")),
            "robots-txt-invalid" => RulesOf(page, robots: RobotsTxt.Parse("User-agent: *\nDissallow: /p/\n")),
            "title-missing" => RulesOf(page with { TitleTag = "" }),
            "title-length" => RulesOf(page with { TitleTag = "<title>Boots</title>" }),
            "meta-description-missing" => RulesOf(page with { DescriptionTag = "<meta name=\"description\" content=\"  \">" }),
            "pass: <meta name=\"Description\"> in mixed case" => RulesOf(page with { DescriptionTag = $"<meta name=\"Description\" content=\"{Description}\">" }),
            "meta-description-length" => RulesOf(page with { DescriptionTag = "<meta name=\"description\" content=\"Winter boots.\">" }),
            "h1-missing" => RulesOf(page with { H1 = "<h2>Winter boots</h2>" }),
            "h1-multiple" => RulesOf(page with { Body = "<h1>Also boots</h1>" }),
            "canonical-missing" => RulesOf(page with { Canonical = "" }),
            "canonical-missing: a canonical in <body> is ignored" => RulesOf(page with { Canonical = "", Body = $"<link rel=\"canonical\" href=\"{Url}\">" }),
            "canonical-invalid: relative" => RulesOf(page with { Canonical = "<link rel=\"canonical\" href=\"/p/winter-boots-men\">" }),
            "canonical-conflict: the Link header names another" => RulesOf(page, headers: new() { ["Link"] = "<https://shop.test/p/boots>; rel=\"canonical\"" }),
            "pass: the Link header names the same canonical" => RulesOf(page, headers: new() { ["Link"] = $"<{Url}>; rel=canonical" }),
            "hreflang-invalid: bad code" => RulesOf(page with { Head = "<link rel=\"alternate\" hreflang=\"english\" href=\"https://shop.test/en/p/x\">" }),
            "hreflang-invalid: a relative URL in the Link header" => RulesOf(page, headers: new() { ["Link"] = "</de/p/winterstiefel>; rel=\"alternate\"; hreflang=\"de\"" }),
            "pass: hreflang in the Link header" => RulesOf(page, headers: new() { ["Link"] = $"<{Url}>; rel=\"canonical\", <https://shop.test/de/p/winterstiefel>; rel=\"alternate\"; hreflang=\"de-DE\"" }),
            "pass: an invalid hreflang in <body> is ignored" => RulesOf(page with { Body = "<link rel=\"alternate\" hreflang=\"english\" href=\"/en\">" }),
            "image-alt-missing" => RulesOf(page with { Image = "<img src=\"/img/boots.jpg\">" }),
            "pass: alt=\"\" on a decorative image" => RulesOf(page with { Body = "<img src=\"/img/divider.png\" alt=\"\">" }),
            "link-text-generic" => RulesOf(page with { Link = "<a href=\"/p/winter-boots-men/size-guide\">Click here</a>" }),
            "link-text-generic: a Romanian link in an English page" => RulesOf(page with { Link = "<a href=\"/ro/p/ghete\" lang=\"ro\">aici</a>" }),
            "link-text-generic: German in a lang=de paragraph" => RulesOf(page with { Link = "<p lang=\"de\">Winterstiefel: <a href=\"/de/p/winterstiefel\">Mehr »</a></p>" }),
            "pass: a word generic only in another language" => RulesOf(page with { Link = "<a href=\"/ro/p/ghete\">aici</a>" }),
            "pass: a generic text with a descriptive aria-label" => RulesOf(page with { Link = "<a href=\"/p/size-guide\" aria-label=\"Winter boots size guide\">Read more</a>" }),
            "anchor-not-crawlable: javascript:" => RulesOf(page with { Link = "<a href=\"JavaScript:void(0)\">Size guide</a>" }),
            "anchor-not-crawlable: empty href" => RulesOf(page with { Link = "<a href=\" \">Size guide</a>" }),
            "anchor-not-crawlable: click handler, no href" => RulesOf(page with { Link = "<a onclick=\"openGuide()\">Size guide</a>" }),
            "pass: a named anchor without href" => RulesOf(page with { Body = "<a id=\"reviews\"></a>" }),
            "slug-invalid: upper case and underscores" => RulesOf(page, url: "https://shop.test/p/Winter_Boots"),
            "slug-invalid: non-ASCII" => RulesOf(page, url: "https://shop.test/p/ghete-%C3%AEmbl%C4%83nite"),
            "slug-invalid: stop-word noise" => RulesOf(page, url: "https://shop.test/p/the-best-of-the-boots-for-the-winter"),
            "structured-data-invalid: JSON that does not parse" => RulesOf(page with { JsonLd = "<script type=\"application/ld+json\">{\"@type\":\"Product\",}</script>" }),
            "structured-data-invalid: a Product without offers" => RulesOf(page with { JsonLd = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Boots\"}</script>" }),
            "structured-data-invalid: an Offer without priceCurrency" =>
                RulesOf(page with { JsonLd = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Boots\",\"offers\":[{\"@type\":\"Offer\",\"price\":10}]}</script>" }),
            "pass: a Product with aggregateRating instead of offers, in a @graph" => RulesOf(page with
            {
                JsonLd = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":[]},{"@type":["Product"],"name":"Boots","aggregateRating":{"@type":"AggregateRating","ratingValue":4.6,"reviewCount":12}}]}</script>""",
            }),
            "thin-content" => RulesOf(page with { Html = $"<!doctype html><html lang=\"en\"><head>{page.Viewport}{page.TitleTag}{page.DescriptionTag}{page.Canonical}</head><body><main><h1>Size guide</h1><p>Measure your foot.</p></main></body></html>" }, kind: PageKinds.Content),
            "pass: a short product page is not thin" => RulesOf(page with { Html = $"<!doctype html><html lang=\"en\"><head>{page.Viewport}{page.TitleTag}{page.DescriptionTag}{page.Canonical}{page.JsonLd}</head><body><main><h1>Boots</h1><p>Warm.</p></main></body></html>" }),
            "redirect-chain" => RulesOf(page, redirects: ["http://shop.test/p/boots", "https://shop.test/p/boots"]),
            "pass: one redirect" => RulesOf(page, redirects: ["http://shop.test/p/winter-boots-men"]),
            "mixed-content" => RulesOf(page with { Image = "<img src=\"http://cdn.shop.test/boots.jpg\" alt=\"Boots\">" }),
            "mixed-content: srcset" => RulesOf(page with { Image = "<img src=\"/boots.jpg\" srcset=\"/boots-2x.jpg 2x, http://cdn.shop.test/boots-3x.jpg 3x\" alt=\"Boots\">" }),
            "pass: an http link is not a resource" => RulesOf(page with { Body = "<a href=\"http://partner.test/boots-care\">Boot care at our partner</a>" }),
            "missing-lang" => RulesOf(page with { Lang = "" }),
            "missing-viewport" => RulesOf(page with { Viewport = "" }),
            _ => throw new ArgumentException(variant),
        };
        found.ShouldBe(expected.Order(), variant);
    }

    [Fact]
    public void The_score_takes_each_failing_rule_off_once_by_its_weight()
    {
        var page = new Page { Image = "<img src=\"/a.jpg\"><img src=\"/b.jpg\">", TitleTag = "" }.Render();
        var result = PageAudit.Audit(new PageSnapshot(Url, 200, new Dictionary<string, string>(), page));
        result.Findings.Count(f => f.RuleId == SeoRules.ImageAltMissing).ShouldBe(2); // each image named…
        result.Score.ShouldBe(100 - 10 - 3); // …but the rule counted once: title-missing (high) + image-alt-missing (low)
        result.Findings.ShouldAllBe(f => f.Fix.Length > 0 && f.Message.Length > 0);

        var custom = new SeoAuditSettings(new Dictionary<string, SeoRuleOverride>
        {
            [SeoRules.ImageAltMissing] = new(Enabled: false),
            [SeoRules.TitleMissing] = new(Severity: SeoSeverities.Critical),
            [SeoRules.TitleLength] = new(Thresholds: new Dictionary<string, decimal> { ["min"] = 10, ["max"] = 20 }),
        });
        var tuned = PageAudit.Audit(new PageSnapshot(Url, 200, new Dictionary<string, string>(), page), custom);
        tuned.Findings.Select(f => (f.RuleId, f.Severity)).ShouldBe([(SeoRules.TitleMissing, SeoSeverities.Critical)]);
        tuned.Score.ShouldBe(70);
        PageAudit.Audit(new PageSnapshot(Url, 200, new Dictionary<string, string>(), new Page().Render()), custom)
            .Findings.Single().RuleId.ShouldBe(SeoRules.TitleLength); // 52 characters is outside 10–20
    }

    [Fact]
    public void Overrides_are_checked_field_by_field()
    {
        var errors = SeoAuditSettings.Check(new Dictionary<string, SeoRuleOverride>
        {
            ["no-such-rule"] = new(Enabled: false),
            [SeoRules.TitleLength] = new(Severity: "urgent", Thresholds: new Dictionary<string, decimal> { ["min"] = 70, ["words"] = 3 }),
            [SeoRules.H1Missing] = new(Weight: 101, Thresholds: new Dictionary<string, decimal> { ["min"] = 1 }),
        });
        errors.Select(e => e.Field).ShouldBe(["rules.no-such-rule", "rules.title-length.severity", "rules.title-length.thresholds.words", "rules.title-length.thresholds.min",
            "rules.h1-missing.weight", "rules.h1-missing.thresholds.min"], ignoreOrder: true);
    }

    [Fact]
    public void Every_rule_id_of_the_issue_is_in_the_catalogue_once()
    {
        string[] ids = ["http-status", "noindex", "robots-txt-blocked", "robots-txt-invalid", "title-missing", "title-length", "meta-description-missing",
            "meta-description-length", "h1-missing", "h1-multiple", "canonical-missing", "canonical-invalid", "canonical-conflict", "hreflang-invalid",
            "image-alt-missing", "link-text-generic", "anchor-not-crawlable", "slug-invalid", "structured-data-invalid", "duplicate-title",
            "duplicate-description", "thin-content", "broken-link", "redirect-chain", "mixed-content", "missing-lang", "missing-viewport"];
        SeoRules.All.Select(r => r.Id).ShouldBe(ids, ignoreOrder: true);
        SeoRules.All.ShouldAllBe(r => SeoSeverities.All.Contains(r.Severity) && r.Fix.Length > 0);
    }
}
