using BrandHub.Modules.Seo.Demo;

namespace BrandHub.Tests.Seo;

/// <summary>The demo tenant's SEO catalogue tells a story: pages with scores, the common faults among them, the site-wide ones included.</summary>
public sealed class DemoCatalogueTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_demo_catalogue_has_scored_pages_and_the_faults_real_catalogues_have()
    {
        var tenant = await host.NewTenantAsync();
        await DemoCatalogue.SeedAsync(host.App.Services, tenant.TenantId, default);
        var report = await (await tenant.Client.GetAsync("/api/v1/seo/report")).JsonAsync();
        (report.GetProperty("pages").GetInt32(), report.GetProperty("audited").GetInt32()).ShouldBe((40, 40));
        report.GetProperty("indexable").GetInt32().ShouldBe(39); // the discontinued product answers 404
        report.GetProperty("nonCompliant").GetInt32().ShouldBeGreaterThan(0);
        report.GetProperty("averageScore").GetDecimal().ShouldBeInRange(60m, 95m);
        var rules = report.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("ruleId").GetString()).ToList();
        rules.ShouldBeSubsetOf(Core.Seo.SeoRules.All.Select(r => r.Id));
        foreach (var expected in new[] { "http-status", "broken-link", "duplicate-description", "meta-description-missing", "title-length", "image-alt-missing",
                     "structured-data-invalid", "canonical-missing", "thin-content", "link-text-generic" })
            rules.ShouldContain(expected);
        var products = await (await tenant.Client.GetAsync("/api/v1/seo/pages?kind=product&sort=score&pageSize=1")).JsonAsync();
        products.GetProperty("total").GetInt32().ShouldBe(36);
        var worst = await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{products.GetProperty("items")[0].GetProperty("id")}")).JsonAsync();
        worst.GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
        worst.GetProperty("price").GetDecimal().ShouldBeGreaterThan(0m);
    }
}
