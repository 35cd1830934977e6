using System.Text.Json;

namespace BrandHub.Tests.Seo;

/// <summary>Generate → apply → re-audit through the API: the score rises; versions are kept; edits are checked.</summary>
public sealed class SeoMetadataTests(BrandHubHost host) : IClassFixture<BrandHubHost>, IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync();
    public async Task DisposeAsync() => await shop.DisposeAsync();

    private static string[] Rules(JsonElement audit) => audit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order().ToArray();

    [Fact]
    public async Task Generate_apply_and_re_audit_raises_the_score()
    {
        var tenant = await host.NewTenantAsync();
        // What the shop serves before BrandHub manages the metadata: a bare title, no description, no canonical, no structured data, an image without alt.
        shop.Pages["/p/ghete-iarna"] = """
            <!doctype html><html lang="ro"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ghete</title></head>
            <body><main><h1>Ghete de iarnă</h1><img src="/img/ghete.jpg"><p>Calde și impermeabile.</p></main></body></html>
            """;
        var url = shop.Url("/p/ghete-iarna");
        (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new
        {
            pages = new[]
            {
                new { url, kind = "product", name = "Ghete de iarnă bărbați", brand = "Nordic", category = "Încălțăminte > Ghete", price = 349m, currency = "RON",
                    availability = "in_stock", images = new[] { new { url = shop.Url("/img/ghete.jpg") } }, attributes = new Dictionary<string, string> { ["material"] = "piele" } },
            },
        })).EnsureSuccessStatusCode();
        var id = (await (await tenant.Client.GetAsync("/api/v1/seo/pages")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();

        var before = await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync();
        Rules(before).ShouldBe(["canonical-missing", "image-alt-missing", "meta-description-missing", "title-length"]);

        var proposal = await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/generate", null);
        proposal.StatusCode.ShouldBe(HttpStatusCode.OK, await proposal.Content.ReadAsStringAsync());
        var generated = await proposal.JsonAsync();
        generated.GetProperty("title").GetString()!.Length.ShouldBeInRange(50, 60);
        generated.GetProperty("description").GetString()!.Length.ShouldBeInRange(140, 160);
        generated.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var version = generated.GetProperty("version").GetInt32();

        // Not applied yet: the audit is unchanged.
        (await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync()).GetProperty("score").GetInt32().ShouldBe(before.GetProperty("score").GetInt32());
        (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/metadata/{version}/apply", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync();
        after.GetProperty("score").GetInt32().ShouldBeGreaterThan(before.GetProperty("score").GetInt32());
        Rules(after).ShouldBeEmpty();
        after.GetProperty("score").GetInt32().ShouldBe(100);

        // An edit is a new version, applied; the history keeps both.
        var edit = await tenant.Client.PutJsonAsync($"/api/v1/seo/products/{id}/metadata", new { title = "Ghete" });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var history = await (await tenant.Client.GetAsync($"/api/v1/seo/products/{id}/metadata")).JsonAsync();
        history.GetProperty("appliedVersion").GetInt32().ShouldBe(version + 1);
        history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("source").GetString()).ShouldBe(["edited", "generated"]);
        Rules(await (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/audit", null)).JsonAsync()).ShouldBe(["title-length"]);
        var scores = await (await tenant.Client.GetAsync($"/api/v1/seo/audits?pageId={id}")).JsonAsync();
        scores.GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Edits_are_checked_and_unknown_pages_are_404()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages = new[] { new { url = "https://shop.test/p/a", name = "Boots" } } })).EnsureSuccessStatusCode();
        var id = (await (await tenant.Client.GetAsync("/api/v1/seo/pages")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetGuid();
        var bad = await tenant.Client.PutJsonAsync($"/api/v1/seo/products/{id}/metadata", new
        {
            title = " ", slug = "Winter Boots", canonical = "/p/a", jsonLd = "{not json", altTexts = new[] { new { url = "x.jpg", alt = "x" } },
        });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["title", "slug", "canonical", "jsonLd", "altTexts[0].url"], ignoreOrder: true);
        (await (await tenant.Client.GetAsync($"/api/v1/seo/products/{id}/metadata")).JsonAsync()).GetProperty("versions").GetArrayLength().ShouldBe(0);
        (await tenant.Client.PostAsync($"/api/v1/seo/products/{Guid.NewGuid()}/generate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tenant.Client.PostAsync($"/api/v1/seo/products/{id}/metadata/7/apply", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await host.NewTenantAsync()).Client.PostAsync($"/api/v1/seo/products/{id}/generate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
