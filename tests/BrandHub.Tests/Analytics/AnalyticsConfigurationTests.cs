namespace BrandHub.Tests.Analytics;

/// <summary>What a tenant configures: its conversion events, its channel lists, and short tracked links from the link builder.</summary>
public sealed class AnalyticsConfigurationTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_custom_event_counts_as_a_conversion_once_configured()
    {
        var tenant = await host.NewTenantAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        (await tenant.Client.PostJsonAsync("/api/v1/track", new
        {
            events = new object[]
            {
                new { type = "page_view", anonymousId = "b2b", timestamp = at, url = "https://shop.test/?utm_source=linkedin&utm_medium=paid_social" },
                new { type = "custom", name = "demo_requested", anonymousId = "b2b", timestamp = at.AddMinutes(5) },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        async Task<decimal> Conversions() => (await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/attribution?model=last_touch")).JsonAsync())
            .GetProperty("totals").GetProperty("conversions").GetDecimal();
        (await Conversions()).ShouldBe(0m);

        var put = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { conversionEvents = new[] { "purchase", "demo_requested" } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await put.JsonAsync()).GetProperty("conversionEvents").EnumerateArray().Select(e => e.GetString()).ShouldBe(["purchase", "demo_requested"]);
        (await Conversions()).ShouldBe(1m);
        (await tenant.Client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // (or the job the change queued did it)
        (await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/settings")).JsonAsync()).GetProperty("rollupBuiltFor").GetString().ShouldContain("/purchase,demo_requested/");
        var dashboard = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/dashboard")).JsonAsync();
        dashboard.GetProperty("totals").GetProperty("kpis").GetProperty("conversions").GetDecimal().ShouldBe(1m);

        var bad = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { conversionEvents = new[] { "page_view", "has space" } });
        (await bad.ProblemErrorsAsync()).Keys.ShouldContain("conversionEvents");
    }

    [Fact]
    public async Task The_tenants_own_mediums_classify_new_visits()
    {
        var tenant = await host.NewTenantAsync();
        var put = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { channelRules = new { mediums = new Dictionary<string, string> { ["partner-newsletter"] = "affiliate", ["email"] = "email" } } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await tenant.Client.PostJsonAsync("/api/v1/track", new { type = "page_view", anonymousId = "p", url = "https://shop.test/?utm_source=blogger&utm_medium=partner-newsletter" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var visit = (await (await tenant.Client.GetAsync("/api/v1/tracking/events")).JsonAsync()).GetProperty("items")[0];
        visit.GetProperty("channel").GetString().ShouldBe("affiliate");

        var bad = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { channelRules = new { mediums = new Dictionary<string, string> { ["x"] = "telepathy" }, webmail = new[] { "https://mail.example/path" } } });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["channelRules.mediums.x", "channelRules.webmail"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_short_link_redirects_to_the_tagged_url_and_counts_clicks()
    {
        var tenant = await host.NewTenantAsync();
        var made = await tenant.Client.PostJsonAsync("/api/v1/utm/links", new { url = "https://shop.test/offers", source = "newsletter", medium = "email", campaign = "bf-2026", shorten = true });
        made.StatusCode.ShouldBe(HttpStatusCode.OK, await made.Content.ReadAsStringAsync());
        var link = await made.JsonAsync();
        var shortUrl = new Uri(link.GetProperty("shortUrl").GetString()!);
        var code = shortUrl.AbsolutePath.Split('/').Last();

        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        for (var i = 0; i < 2; i++)
        {
            var click = await visitor.GetAsync(shortUrl.AbsolutePath);
            click.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            click.Headers.Location!.ToString().ShouldBe("https://shop.test/offers?utm_source=newsletter&utm_medium=email&utm_campaign=bf-2026");
        }
        (await (await tenant.Client.GetAsync($"/api/v1/utm/links/{code}")).JsonAsync()).GetProperty("clicks").GetInt64().ShouldBe(2);
        (await visitor.GetAsync("/l/zzzzzzzz")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await host.NewTenantAsync()).Client.GetAsync($"/api/v1/utm/links/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
