namespace BrandHub.Tests.Analytics;

/// <summary>UTM rules per tenant: set, validated against, and enforced by the link builder; audited; other tenants unaffected.</summary>
public sealed class UtmGovernanceTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Rules_are_set_validated_against_and_enforced_by_the_link_builder()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;

        var defaults = await (await client.GetAsync("/api/v1/utm/rules")).JsonAsync();
        defaults.GetProperty("separator").GetString().ShouldBe("-");
        defaults.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ShouldBe(["source", "medium", "campaign"]);

        var put = await client.PutJsonAsync("/api/v1/utm/rules", new
        {
            allowedSources = new[] { "newsletter", "google" }, allowedMediums = new[] { "email", "cpc" }, lowerCase = true, separator = "-",
            required = new[] { "source", "medium", "campaign" }, campaignPattern = @"^\d{4}-\d{2}-[a-z0-9-]+$", campaignPatternHint = "yyyy-mm-name",
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var check = await (await client.PostJsonAsync("/api/v1/utm/validate", new { source = "Newsleter", medium = "email", campaign = "Black Friday" })).JsonAsync();
        check.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var violations = check.GetProperty("violations").EnumerateArray()
            .Select(v => (Field: v.GetProperty("field").GetString(), Rule: v.GetProperty("rule").GetString(), Suggestion: v.GetProperty("suggestion").GetString())).ToList();
        violations.ShouldContain(("source", "allowed_source", "newsletter"));
        violations.ShouldContain(("source", "lower_case", "newsleter"));
        violations.ShouldContain(("campaign", "separator", "black-friday"));
        violations.ShouldContain(v => v.Field == "campaign" && v.Rule == "campaign_pattern");

        (await (await client.PostJsonAsync("/api/v1/utm/validate", new { source = "newsletter", medium = "email", campaign = "2026-11-black-friday" })).JsonAsync())
            .GetProperty("valid").GetBoolean().ShouldBeTrue();

        var link = await client.PostJsonAsync("/api/v1/utm/links", new { url = "https://shop.test/offers?id=7#top", source = "newsletter", medium = "email", campaign = "2026-11-black-friday" });
        link.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await link.JsonAsync()).GetProperty("url").GetString()
            .ShouldBe("https://shop.test/offers?id=7&utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-black-friday#top");

        var refused = await client.PostJsonAsync("/api/v1/utm/links", new { url = "shop.test/offers", source = "Google", medium = "cpc" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await refused.ProblemErrorsAsync();
        errors.Keys.ShouldBe(["url", "source", "campaign"], ignoreOrder: true);
        errors["source"].ShouldContain(m => m.Contains("Suggestion: google"));

        // Another tenant still has the defaults; the change is audited.
        var other = await host.NewTenantAsync();
        (await (await other.Client.GetAsync("/api/v1/utm/rules")).JsonAsync()).GetProperty("allowedSources").GetArrayLength().ShouldBe(0);
        var audit = await (await client.GetAsync("/api/v1/audit?action=utm_rules.changed")).JsonAsync();
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_rules_are_refused_field_by_field_and_change_nothing()
    {
        var client = (await host.NewTenantAsync()).Client;
        var response = await client.PutJsonAsync("/api/v1/utm/rules", new { separator = " ", required = new[] { "color" }, campaignPattern = "([a-z", allowedSources = new[] { "Google" } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["separator", "required", "campaignPattern", "allowedSources"], ignoreOrder: true);
        (await (await client.GetAsync("/api/v1/utm/rules")).JsonAsync()).GetProperty("allowedSources").GetArrayLength().ShouldBe(0);
    }
}
