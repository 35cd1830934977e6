using System.Text.Json;
using BrandHub.Modules.Seo;
using BrandHub.Modules.Seo.Audits;

namespace BrandHub.Tests.Seo;

/// <summary>The catalogue synced by API, audits by URL (from a shop on loopback), by content and of catalogue pages, the kept audits and the tenant's rules.</summary>
public sealed class SeoAuditTests(BrandHubHost host) : IClassFixture<BrandHubHost>, IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync();
    public async Task DisposeAsync() => await shop.DisposeAsync();

    private static string[] Rules(JsonElement audit) => audit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order().ToArray();

    [Fact]
    public async Task An_audit_by_content_answers_score_and_findings_with_every_field()
    {
        var tenant = await host.NewTenantAsync();
        var url = "https://shop.test/p/Winter_Boots";
        var response = await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new
        {
            url, status = 200, headers = new Dictionary<string, string> { ["X-Robots-Tag"] = "googlebot: noindex", ["Link"] = "<https://shop.test/p/other>; rel=\"canonical\"" },
            html = TestShop.ProductPage(url, title: null),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var audit = await response.JsonAsync();
        Rules(audit).ShouldBe(["canonical-conflict", "noindex", "slug-invalid", "title-missing"]);
        audit.GetProperty("score").GetInt32().ShouldBe(100 - 30 - 10 - 10 - 3);
        var noindex = audit.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "noindex");
        noindex.GetProperty("severity").GetString().ShouldBe("critical");
        noindex.GetProperty("element").GetString().ShouldBe("X-Robots-Tag: googlebot: noindex");
        noindex.GetProperty("message").GetString()!.ShouldContain("googlebot");
        noindex.GetProperty("fix").GetString().ShouldNotBeNullOrEmpty();

        var id = audit.GetProperty("id").GetGuid();
        var kept = await (await tenant.Client.GetAsync($"/api/v1/seo/audits/{id}")).JsonAsync();
        Rules(kept).ShouldBe(Rules(audit));
        (await (await host.NewTenantAsync()).Client.GetAsync($"/api/v1/seo/audits/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_audit_by_URL_fetches_the_page_follows_redirects_and_reads_robots_txt()
    {
        var tenant = await host.NewTenantAsync();
        shop.Pages["/private/boots"] = TestShop.ProductPage(shop.Url("/private/boots"));
        shop.Redirects["/old-boots"] = "/older-boots";
        shop.Redirects["/older-boots"] = shop.Url("/private/boots");
        var response = await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new { url = shop.Url("/old-boots") });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var audit = await response.JsonAsync();
        audit.GetProperty("url").GetString().ShouldBe(shop.Url("/private/boots"));
        Rules(audit).ShouldBe(["redirect-chain", "robots-txt-blocked"]);
        audit.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "redirect-chain").GetProperty("element").GetString()
            .ShouldBe($"{shop.Url("/old-boots")} → {shop.Url("/older-boots")} → {shop.Url("/private/boots")}");
        shop.Requests.ShouldContain(r => r.Path == "/robots.txt" && r.UserAgent.StartsWith("BrandHubBot"));

        var missing = await (await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new { url = shop.Url("/gone") })).JsonAsync();
        Rules(missing).ShouldBe(["http-status"]);
        missing.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Pages_sync_in_bulk_and_a_catalogue_audit_updates_the_page_and_its_score_history()
    {
        var tenant = await host.NewTenantAsync();
        shop.Pages["/p/boots"] = TestShop.ProductPage(shop.Url("/p/boots"), description: null);
        var pages = new object[]
        {
            new { url = shop.Url("/p/boots"), kind = "product", externalId = "SKU-1", name = "Winter boots", brand = "Demo", category = "Shoes > Boots", price = 349m, currency = "ron",
                availability = "in_stock", images = new[] { new { url = "https://cdn.shop.test/boots.jpg", alt = "Boots" } }, attributes = new Dictionary<string, string> { ["material"] = "leather" } },
            new { url = shop.Url("/c/boots"), kind = "category", name = "Boots" },
        };
        var synced = await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages });
        synced.StatusCode.ShouldBe(HttpStatusCode.OK, await synced.Content.ReadAsStringAsync());
        (await synced.JsonAsync()).GetProperty("created").GetInt32().ShouldBe(2);
        var again = await (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages })).JsonAsync();
        (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((0, 0, 2));

        var list = await (await tenant.Client.GetAsync("/api/v1/seo/pages?kind=product")).JsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var page = await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{id}")).JsonAsync();
        page.GetProperty("currency").GetString().ShouldBe("RON");
        page.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);

        var audit = await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync();
        Rules(audit).ShouldBe(["meta-description-missing"]);
        audit.GetProperty("score").GetInt32().ShouldBe(90);
        page = await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{id}")).JsonAsync();
        page.GetProperty("score").GetInt32().ShouldBe(90);
        page.GetProperty("status").GetInt32().ShouldBe(200);
        page.GetProperty("title").GetString().ShouldBe("Winter boots for men: warm, waterproof leather boots");
        var changedAt = page.GetProperty("contentChangedAt").GetDateTimeOffset();

        // The shop fixes the page: the re-audit scores 100, and the page's history has both runs.
        shop.Pages["/p/boots"] = TestShop.ProductPage(shop.Url("/p/boots"));
        (await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync()).GetProperty("score").GetInt32().ShouldBe(100);
        var history = await (await tenant.Client.GetAsync($"/api/v1/seo/audits?pageId={id}")).JsonAsync();
        history.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("score").GetInt32()).ShouldBe([100, 90]);
        (await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{id}")).JsonAsync()).GetProperty("contentChangedAt").GetDateTimeOffset().ShouldBeGreaterThan(changedAt);
        var failing = await (await tenant.Client.GetAsync("/api/v1/seo/audits?rule=meta-description-missing&severity=high")).JsonAsync();
        failing.GetProperty("total").GetInt32().ShouldBe(1);
        (await (await tenant.Client.GetAsync("/api/v1/seo/pages?minScore=95")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
        (await (await tenant.Client.GetAsync("/api/v1/seo/pages?unaudited=true")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var bad = await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new
        {
            pages = new object[]
            {
                new { url = "/relative", kind = "blog", price = -1m },
                new { url = "https://shop.test/a", currency = "euro", availability = "maybe", images = new[] { new { url = "cdn/x.jpg" } } },
                new { url = "https://shop.test/a" },
            },
        });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["pages[0].url", "pages[0].kind", "pages[0].price", "pages[0].currency", "pages[1].currency",
            "pages[1].availability", "pages[1].images[0].url", "pages[2].url"], ignoreOrder: true);
        (await (await tenant.Client.GetAsync("/api/v1/seo/pages")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);

        (await (await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new { url = "ftp://shop.test/", status = 99, headers = new { } })).ProblemErrorsAsync()).Keys
            .ShouldBe(["url", "html", "status"], ignoreOrder: true);
        (await (await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new { url = "http://does-not-exist.invalid/" })).ProblemErrorsAsync()).Keys.ShouldBe(["url"]);
        (await (await tenant.Client.GetAsync("/api/v1/seo/audits?rule=no-such&severity=urgent&minScore=101")).ProblemErrorsAsync()).Keys.ShouldBe(["rule", "severity", "minScore"], ignoreOrder: true);
        (await tenant.Client.PostAsync($"/api/v1/seo/products/{Guid.NewGuid()}/audit", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tenants_rules_change_severity_thresholds_and_what_runs()
    {
        var tenant = await host.NewTenantAsync();
        var settings = await (await tenant.Client.GetAsync("/api/v1/seo/settings")).JsonAsync();
        settings.GetProperty("rules").GetArrayLength().ShouldBe(27);
        var put = await tenant.Client.PutJsonAsync("/api/v1/seo/settings", new Dictionary<string, object>
        {
            ["rules"] = new Dictionary<string, object?>
            {
                ["title-length"] = new { thresholds = new { min = 10, max = 30 }, severity = "high" },
                ["missing-viewport"] = new { enabled = false },
            },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var html = TestShop.ProductPage("https://shop.test/p/boots").Replace("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", "");
        var audit = await (await tenant.Client.PostJsonAsync("/api/v1/seo/audit", new { url = "https://shop.test/p/boots", html })).JsonAsync();
        audit.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("severity").GetString())).ShouldBe([("title-length", "high")]);

        (await tenant.Client.PutJsonAsync("/api/v1/seo/settings", new Dictionary<string, object> { ["rules"] = new Dictionary<string, object?> { ["title-length"] = null } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var restored = await (await tenant.Client.GetAsync("/api/v1/seo/settings")).JsonAsync();
        var title = restored.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "title-length");
        title.GetProperty("thresholds").GetProperty("min").GetDecimal().ShouldBe(50m);
        restored.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "missing-viewport").GetProperty("enabled").GetBoolean().ShouldBeFalse();

        var bad = await tenant.Client.PutJsonAsync("/api/v1/seo/settings", new Dictionary<string, object>
        {
            ["rules"] = new Dictionary<string, object?> { ["nope"] = new { enabled = false }, ["title-length"] = new { thresholds = new { min = 80 } } },
        });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["rules.nope", "rules.title-length.thresholds.min"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_fetcher_refuses_private_addresses_unless_allowed()
    {
        shop.Pages["/p/x"] = TestShop.ProductPage(shop.Url("/p/x"));
        var guarded = new PageFetcher(new SeoOptions());
        (await Should.ThrowAsync<FetchFailed>(() => guarded.FetchAsync(shop.Url("/p/x"), default))).Message.ShouldContain("private or local address");
        (await new PageFetcher(new SeoOptions { AllowPrivateAddresses = true }).FetchAsync(shop.Url("/p/x"), default)).Status.ShouldBe(200);
        PageFetcher.IsPrivate(System.Net.IPAddress.Parse("10.1.2.3")).ShouldBeTrue();
        PageFetcher.IsPrivate(System.Net.IPAddress.Parse("172.20.0.1")).ShouldBeTrue();
        PageFetcher.IsPrivate(System.Net.IPAddress.Parse("::ffff:192.168.1.1")).ShouldBeTrue();
        PageFetcher.IsPrivate(System.Net.IPAddress.Parse("fd00::1")).ShouldBeTrue();
        PageFetcher.IsPrivate(System.Net.IPAddress.Parse("93.184.216.34")).ShouldBeFalse();
    }
}
