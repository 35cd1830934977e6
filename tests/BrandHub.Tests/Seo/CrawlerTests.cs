using System.Diagnostics;
using System.Text.Json;

namespace BrandHub.Tests.Seo;

/// <summary>The crawler against a test shop on loopback: robots.txt respected, the rate limit held, redirect chains recorded, broken links found.</summary>
public sealed class CrawlerTests(BrandHubHost host) : IClassFixture<BrandHubHost>, IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync();
    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task A_crawl_discovers_the_site_within_its_rules()
    {
        var tenant = await host.NewTenantAsync();
        string Links(params string[] paths) => string.Concat(paths.Select(p => $"<a href=\"{p}\">Page {p}</a> "));
        shop.Pages["/"] = TestShop.ProductPage(shop.Url("/"), extra: Links("/p/a", "/p/b", "/private/secret", "/old", "/gone", "https://elsewhere.test/x"));
        shop.Pages["/p/a"] = TestShop.ProductPage(shop.Url("/p/a"), title: "Product A: warm, waterproof leather winter boots", extra: Links("/", "/p/b", "/p/deep"));
        shop.Pages["/p/b"] = TestShop.ProductPage(shop.Url("/p/b"), title: "Product B: warm, waterproof leather winter boots");
        shop.Pages["/p/c"] = TestShop.ProductPage(shop.Url("/p/c"), title: "Product C: warm, waterproof leather winter boots");
        shop.Pages["/p/deep"] = TestShop.ProductPage(shop.Url("/p/deep"), extra: Links("/p/deeper"));
        shop.Pages["/p/deeper"] = TestShop.ProductPage(shop.Url("/p/deeper"));
        shop.Pages["/private/secret"] = TestShop.ProductPage(shop.Url("/private/secret"));
        shop.Redirects["/old"] = "/older";
        shop.Redirects["/older"] = "/p/c";

        var clock = Stopwatch.StartNew();
        var started = await tenant.Client.PostJsonAsync("/api/v1/seo/crawls", new { startUrl = shop.Url("/"), maxDepth = 2, ratePerSecond = 10, concurrency = 2 });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var id = (await started.JsonAsync()).GetProperty("id").GetGuid();
        var run = await Eventually.PollAsync(async () => await (await tenant.Client.GetAsync($"/api/v1/seo/bulk/{id}")).JsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "cancelled" or "dead", "the crawl to finish");
        run.GetProperty("state").GetString().ShouldBe("succeeded");
        run.GetProperty("kind").GetString().ShouldBe("crawl");

        // robots.txt: the disallowed page was never requested; depth 2 stops before /p/deeper; the off-site link is not followed.
        var requested = shop.Requests.Select(r => r.Path).ToList();
        requested.ShouldNotContain("/private/secret");
        requested.ShouldNotContain("/p/deeper");
        requested.ShouldContain("/p/deep");
        shop.Requests.Where(r => r.Path != "/robots.txt").ShouldAllBe(r => r.UserAgent.StartsWith("BrandHubBot"));
        // The rate limit: 10 page fetches a second (a fetch's redirect hops belong to it), so the 6 fetches take at least half a second.
        requested.Where(p => p != "/robots.txt").Order().ShouldBe(["/", "/gone", "/old", "/older", "/p/a", "/p/b", "/p/c", "/p/deep"]); // each once
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds((6 - 1) / 10.0 * 0.9));

        var pages = (await (await tenant.Client.GetAsync("/api/v1/seo/pages?pageSize=50")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(p => new Uri(p.GetProperty("url").GetString()!).AbsolutePath);
        pages.Keys.Order().ShouldBe(["/", "/gone", "/p/a", "/p/b", "/p/c", "/p/deep"]);
        pages["/gone"].GetProperty("status").GetInt32().ShouldBe(404);
        var c = await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{pages["/p/c"].GetProperty("id")}")).JsonAsync();
        c.GetProperty("redirects").EnumerateArray().Select(r => r.GetString()).ShouldBe([shop.Url("/old"), shop.Url("/older")]);
        c.GetProperty("fetchMs").GetInt32().ShouldBeGreaterThanOrEqualTo(0);

        var home = await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{pages["/"].GetProperty("id")}")).JsonAsync();
        var audit = await (await tenant.Client.GetAsync($"/api/v1/seo/audits/{home.GetProperty("lastAuditId")}")).JsonAsync();
        audit.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() == "broken-link").Select(f => f.GetProperty("element").GetString())
            .ShouldBe([shop.Url("/gone")]);
        var cAudit = await (await tenant.Client.GetAsync($"/api/v1/seo/audits/{c.GetProperty("lastAuditId")}")).JsonAsync();
        cAudit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ShouldContain("redirect-chain");
    }

    [Fact]
    public async Task Crawl_requests_are_checked()
    {
        var tenant = await host.NewTenantAsync();
        var bad = await tenant.Client.PostJsonAsync("/api/v1/seo/crawls", new { startUrl = "shop.test", maxPages = 0, maxDepth = 51, ratePerSecond = 0, concurrency = 17 });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["startUrl", "maxPages", "maxDepth", "ratePerSecond", "concurrency"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_site_whose_robots_txt_fails_is_not_crawled()
    {
        var tenant = await host.NewTenantAsync();
        await using var broken = await TestShop.StartAsync();
        broken.RobotsStatus = 503;
        broken.Pages["/"] = TestShop.ProductPage(broken.Url("/"));
        var started = await (await tenant.Client.PostJsonAsync("/api/v1/seo/crawls", new { startUrl = broken.Url("/") })).JsonAsync();
        var run = await Eventually.PollAsync(async () => await (await tenant.Client.GetAsync($"/api/v1/seo/bulk/{started.GetProperty("id")}")).JsonAsync(),
            r => r.GetProperty("state").GetString() is "succeeded" or "dead", "the crawl to finish");
        run.GetProperty("state").GetString().ShouldBe("succeeded");
        run.GetProperty("done").GetInt32().ShouldBe(0);
        broken.Requests.Select(r => r.Path).ShouldBe(["/robots.txt"]); // RFC 9309: a 5xx robots.txt means the whole site is off limits
    }
}
