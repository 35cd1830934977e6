using BrandHub.Core.Seo;

namespace BrandHub.Core.Tests.Seo;

public sealed class RobotsTxtTests
{
    private const string Sample = """
        # Shop
        User-agent: *
        Disallow: /cart
        Disallow: /search?
        Allow: /search?q=boots
        Disallow: /*.pdf$
        Disallow: /private/

        User-agent: BrandHubBot
        User-agent: OtherBot
        Disallow: /staging
        Crawl-delay: 2

        Sitemap: https://shop.test/sitemap.xml
        """;

    [Theory]
    [InlineData("Googlebot/2.1", "/p/boots", true)]
    [InlineData("Googlebot/2.1", "/cart", false)]
    [InlineData("Googlebot/2.1", "/cart/items", false)]
    [InlineData("Googlebot/2.1", "/search?q=boots", true)]      // the longer Allow wins
    [InlineData("Googlebot/2.1", "/search?q=coats", false)]
    [InlineData("Googlebot/2.1", "/files/guide.pdf", false)]
    [InlineData("Googlebot/2.1", "/files/guide.pdf?v=2", true)] // $ anchors the end
    [InlineData("Googlebot/2.1", "/robots.txt", true)]
    [InlineData("BrandHubBot/1.0 (+https://brandhub.test)", "/cart", true)] // its own group replaces *
    [InlineData("brandhubbot", "/staging/x", false)]            // names match case-insensitively
    [InlineData("OtherBot", "/staging", false)]
    public void Rules_apply_by_group_and_longest_match(string agent, string path, bool allowed) =>
        RobotsTxt.Parse(Sample).Check(agent, path).Allowed.ShouldBe(allowed);

    [Fact]
    public void Sitemaps_crawl_delay_and_the_rule_that_decided_are_kept()
    {
        var robots = RobotsTxt.Parse(Sample);
        robots.Problems.ShouldBeEmpty();
        robots.Sitemaps.ShouldBe(["https://shop.test/sitemap.xml"]);
        robots.CrawlDelay("BrandHubBot/1.0").ShouldBe(2m);
        robots.CrawlDelay("Googlebot").ShouldBeNull();
        robots.Check("Googlebot", "/private/x").Rule.ShouldBe("Disallow: /private/");
    }

    [Fact]
    public void Lines_crawlers_cannot_use_are_problems_with_their_line_numbers()
    {
        var robots = RobotsTxt.Parse("Disallow: /early\nUser-agent: *\nDissallow: /typo\nAllow: nope\njust words\nSitemap: /relative.xml\nDisallow:\n");
        robots.Problems.Select(p => p.Line).ShouldBe([1, 3, 4, 5, 6]);
        robots.Check("x", "/typo").Allowed.ShouldBeTrue(); // an empty Disallow allows everything
    }

    [Theory]
    [InlineData("/p", "/p", true)]
    [InlineData("/p", "/products", true)]
    [InlineData("/p$", "/products", false)]
    [InlineData("/*/boots", "/en/boots/1", true)]
    [InlineData("/*/boots$", "/en/boots/1", false)]
    [InlineData("*.json", "/a/b.json", true)]
    [InlineData("/a*b*c", "/axxbyyc", true)]
    [InlineData("/a*b*c", "/axxbyy", false)]
    public void Patterns_match_from_the_start(string pattern, string path, bool matches) => RobotsTxt.Matches(pattern, path).ShouldBe(matches);

    [Fact]
    public void A_pattern_without_wildcards_matches_exactly_the_paths_it_prefixes()
    {
        var random = new Random(5);
        const string alphabet = "/ab.?=";
        string Word(int max) => new(Enumerable.Range(0, random.Next(1, max)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 2000; i++)
        {
            var (pattern, path) = (Word(5), Word(8));
            RobotsTxt.Matches(pattern, path).ShouldBe(path.StartsWith(pattern, StringComparison.Ordinal), $"{pattern} vs {path}");
        }
    }
}

public sealed class LinkHeaderTests
{
    [Fact]
    public void Several_links_with_quoted_and_bare_parameters()
    {
        var links = LinkHeader.Parse("<https://a.test/x>; rel=\"canonical\", <https://a.test/de>; rel=alternate; hreflang=de, </fr>;rel=\"alternate\";hreflang=\"fr-FR\"");
        links.Select(l => l.Target).ShouldBe(["https://a.test/x", "https://a.test/de", "/fr"]);
        links[0].HasRel("canonical").ShouldBeTrue();
        links[1].Parameters["hreflang"].ShouldBe("de");
        links[2].Parameters["hreflang"].ShouldBe("fr-FR");
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("en-GB", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("es-419", true)]
    [InlineData("X-Default", true)]
    [InlineData("english", false)]
    [InlineData("en_GB", false)]
    [InlineData("e", false)]
    [InlineData("", false)]
    public void Hreflang_codes(string code, bool valid) => Hreflang.IsValid(code).ShouldBe(valid);
}

public sealed class SiteAuditTests
{
    private static SitePage Page(string url, string? title, string? description, int status = 200, params string[] links) =>
        new(url, status, new PageFacts(title, description, [url], "en", links, 300, true));

    [Fact]
    public void Duplicate_titles_and_descriptions_and_broken_internal_links_are_found_per_page()
    {
        var pages = new[]
        {
            Page("https://s.test/a", "Boots", "Warm boots", 200, "https://s.test/gone", "https://s.test/b/"),
            Page("https://s.test/b", " boots ", "Other text"),
            Page("https://s.test/c", "Coats", "Warm  Boots"),
            Page("https://s.test/gone", "Boots", "Warm boots", 404), // a dead page's duplicates do not count
        };
        var findings = SiteAudit.Audit(pages);
        findings["https://s.test/a"].Select(f => f.RuleId).Order().ShouldBe(["broken-link", "duplicate-description", "duplicate-title"]);
        findings["https://s.test/a"].Single(f => f.RuleId == "broken-link").Element.ShouldBe("https://s.test/gone");
        findings["https://s.test/b"].Select(f => f.RuleId).ShouldBe(["duplicate-title"]);
        findings["https://s.test/c"].Select(f => f.RuleId).ShouldBe(["duplicate-description"]);
        findings["https://s.test/gone"].ShouldBeEmpty();
    }

    [Fact]
    public void A_disabled_rule_finds_nothing()
    {
        var pages = new[] { Page("https://s.test/a", "Boots", "x"), Page("https://s.test/b", "Boots", "y") };
        SiteAudit.Audit(pages, new SeoAuditSettings(new Dictionary<string, SeoRuleOverride> { ["duplicate-title"] = new(Enabled: false) }))
            .Values.ShouldAllBe(f => f.Count == 0);
    }
}

public sealed class UnreadableRobotsTests
{
    [Fact]
    public void A_robots_txt_that_cannot_be_read_disallows_everything_and_the_audit_says_why()
    {
        var robots = RobotsTxt.Unavailable("robots.txt answered 503");
        robots.Check("BrandHubBot", "/p/boots").Allowed.ShouldBeFalse();
        robots.Check("BrandHubBot", "/robots.txt").Allowed.ShouldBeTrue();
        var html = "<!doctype html><html lang=\"en\"><head><title>x</title></head><body></body></html>";
        var blocked = PageAudit.Audit(new PageSnapshot("https://s.test/p/boots", 200, new Dictionary<string, string>(), html) { Robots = robots })
            .Findings.Single(f => f.RuleId == SeoRules.RobotsTxtBlocked);
        blocked.Message.ShouldStartWith("robots.txt answered 503: crawlers treat the whole site as disallowed");
    }
}
