using System.Text.Json;
using BrandHub.Tests.Seo;

namespace BrandHub.Browser.Tests;

/// <summary>
/// Issue 6's web part in headless Chromium against the real host: a product page synced through the API from a loopback
/// shop whose HTML has a bare title and no description; the SEO specialist finds it in the pages table, audits it, generates
/// metadata within the target lengths, applies it, re-audits and sees the score rise to 100.
/// </summary>
public sealed class SeoFlowTests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync();
    public async Task DisposeAsync() => await shop.DisposeAsync();

    [BrowserFact]
    public async Task Generate_apply_and_re_audit_raises_a_product_page_to_100()
    {
        var tenant = await session.Host.NewTenantAsync();
        // What the shop serves before BrandHub manages the metadata: a bare title, no description, no canonical, an image without alt.
        shop.Pages["/p/ghete-iarna"] = """
            <!doctype html><html lang="ro"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ghete</title></head>
            <body><main><h1>Ghete de iarnă</h1><img src="/img/ghete.jpg"><p>Calde și impermeabile.</p></main></body></html>
            """;
        var url = shop.Url("/p/ghete-iarna");
        var sync = await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new
        {
            pages = new[]
            {
                new { url, kind = "product", name = "Ghete de iarnă bărbați", brand = "Nordic", category = "Încălțăminte > Ghete", price = 349m, currency = "RON",
                    availability = "in_stock", images = new[] { new { url = shop.Url("/img/ghete.jpg") } }, attributes = new Dictionary<string, string> { ["material"] = "piele" } },
            },
        });
        sync.StatusCode.ShouldBe(HttpStatusCode.OK, await sync.Content.ReadAsStringAsync());

        var page = await SignedInPageAsync(tenant);

        // The overview counts the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "SEO", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEO", Level = 1 })).ToBeVisibleAsync();
        var pagesKpi = page.GetByRole(AriaRole.Region, new() { Name = "Pages", Exact = true });
        await Assertions.Expect(pagesKpi.Locator("p").First).ToHaveTextAsync("1");
        await Assertions.Expect(pagesKpi).ToContainTextAsync("0 audited");

        // The pages table lists it, not audited yet; it opens the page's view.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Pages", Exact = true }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "SEO pages" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = url });
        await Assertions.Expect(row).ToContainTextAsync("Not audited");
        await Assertions.Expect(row).ToContainTextAsync("Product");
        await row.GetByRole(AriaRole.Link, new() { Name = url }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ghete de iarnă bărbați", Level = 1 })).ToBeVisibleAsync();

        // Re-audit: the score and what to fix.
        var before = await ReauditAsync(page);
        before.ShouldBeLessThan(100);
        var change = page.GetByTestId("score-change");
        await Assertions.Expect(change).ToContainTextAsync($"Score {before}");
        var findings = page.GetByRole(AriaRole.Region, new() { Name = "Findings", Exact = true });
        foreach (var rule in new[] { "meta-description-missing", "title-length", "canonical-missing", "image-alt-missing" })
            await Assertions.Expect(findings).ToContainTextAsync(rule);
        await Assertions.Expect(findings.GetByRole(AriaRole.Heading, new() { Name = "High (1)" })).ToBeVisibleAsync();

        // Generate: a proposal in the editor, within the target lengths, not applied yet.
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        var status = page.GetByTestId("metadata-status");
        await Assertions.Expect(status).ToHaveTextAsync(new Regex("^Version 1 · Generated · not applied$"));
        await Assertions.Expect(page.GetByTestId("title-counter")).ToContainTextAsync("target 50–60 · in range");
        await Assertions.Expect(page.GetByTestId("description-counter")).ToContainTextAsync("target 140–160 · in range");
        var title = await page.GetByRole(AriaRole.Textbox, new() { Name = "Title", Exact = true }).InputValueAsync();
        title.Length.ShouldBeInRange(50, 60);
        var description = await page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).InputValueAsync();
        description.Length.ShouldBeInRange(140, 160);
        await Assertions.Expect(page.GetByTestId("serp-title")).ToHaveTextAsync(title);

        // Apply, re-audit: the score rises to 100 and nothing is left to fix.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync(new Regex("^Version 1 · Generated · applied$"));
        var after = await ReauditAsync(page);
        after.ShouldBe(100);
        await Assertions.Expect(change).ToContainTextAsync($"Score {before} → 100");
        await Assertions.Expect(findings).ToContainTextAsync("No findings");

        // The API agrees: the page's score and the applied version.
        var id = (await (await tenant.Client.GetAsync("/api/v1/seo/pages")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        (await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{id}")).JsonAsync()).GetProperty("score").GetInt32().ShouldBe(100);
        (await (await tenant.Client.GetAsync($"/api/v1/seo/products/{id}/metadata")).JsonAsync()).GetProperty("appliedVersion").GetInt32().ShouldBe(1);
    }

    [BrowserFact]
    public async Task A_crawl_started_from_the_crawler_page_shows_its_progress_and_the_sitemap_regenerates()
    {
        var tenant = await session.Host.NewTenantAsync();
        shop.Pages["/"] = TestShop.ProductPage(shop.Url("/"), extra: "<a href=\"/p/boots\">Boots</a>");
        shop.Pages["/p/boots"] = TestShop.ProductPage(shop.Url("/p/boots"));
        var page = await SignedInPageAsync(tenant);
        await page.GotoAsync("/seo");
        await Assertions.Expect(page.GetByText("Sync pages from your shop or start a crawl.")).ToBeVisibleAsync();

        // The crawler's defaults, then a crawl of the shop.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Crawler", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Max pages")).ToHaveValueAsync("500");
        await Assertions.Expect(page.GetByLabel("Max depth")).ToHaveValueAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start crawl" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Start URL")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Start URL").FillAsync(shop.Url("/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start crawl" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Follow its progress on the bulk runs page" }).ClickAsync();

        // The run, polled until it is done.
        var runs = page.GetByRole(AriaRole.Table, new() { Name = "Bulk runs" });
        var run = runs.GetByRole(AriaRole.Row).Filter(new() { HasText = "Crawl" });
        await Assertions.Expect(run).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(run).ToContainTextAsync("2 / 2 done");

        // Both pages are in the catalogue, audited.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Pages", Exact = true }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "SEO pages" });
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = shop.Url("/p/boots") })).ToBeVisibleAsync();
        await Assertions.Expect(table.GetByText("Not audited")).ToHaveCountAsync(0);

        // The sitemap: a host, then a run.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sitemap", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Never generated")).ToBeVisibleAsync();
        await page.GetByLabel("Site host").FillAsync("shop.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "https://shop.test/sitemap.xml" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Regenerate now" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Never generated")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    /// <summary>Clicks Re-audit and returns the score the API answered.</summary>
    private static async Task<int> ReauditAsync(IPage page)
    {
        var answered = page.WaitForResponseAsync(r => r.Url.EndsWith("/audit", StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-audit", Exact = true }).ClickAsync();
        var response = await answered;
        response.Status.ShouldBe(200, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("score").GetInt32();
    }

    /// <summary>Signs in as the owner in a context with a fixed locale and time zone.</summary>
    private async Task<IPage> SignedInPageAsync(TenantSession tenant)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.Host.BaseAddress.ToString(), AcceptDownloads = true, Locale = "en-US", TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(tenant.OwnerEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).WaitForAsync();
        return page;
    }
}
