using System.Text.Json;

namespace BrandHub.Tests.Analytics;

/// <summary>Tracked events → touches → journeys → credit: lookback edges, order-id dedupe and models that reconcile.</summary>
public sealed class TrackedAttributionTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Tracked_conversions_are_credited_to_the_touches_in_their_lookback_window()
    {
        var tenant = await host.NewTenantAsync();
        var now = DateTimeOffset.UtcNow;
        object Visit(string anon, double daysAgo, string url, string? referrer = null) =>
            new { eventId = Guid.NewGuid().ToString(), type = "page_view", anonymousId = anon, timestamp = now.AddDays(-daysAgo), url, referrer };
        var events = new[]
        {
            // A: paid search, then an email click, then buys for 100 — and the ERP reports the same order again.
            Visit("A", 10, "https://shop.test/?gclid=x1"), Visit("A", 5, "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf"),
            new { eventId = "A-buy", type = "purchase", anonymousId = "A", timestamp = now.AddDays(-4), revenue = 100m, currency = "RON", orderId = "SO-A" } as object,
            // B: one organic social visit, no purchase.
            Visit("B", 3, "https://shop.test/blog", "https://facebook.com/"),
            // C: an email click 40 days before buying for 60: outside the 30-day window, so the sale is direct's.
            Visit("C", 42, "https://shop.test/?utm_source=newsletter&utm_medium=email"),
            new { eventId = "C-buy", type = "purchase", anonymousId = "C", timestamp = now.AddDays(-2), revenue = 60m, currency = "RON", orderId = "SO-C" },
        };
        (await tenant.Client.PostJsonAsync("/api/v1/track", new { events })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var erp = await tenant.Client.PostJsonAsync("/api/v1/events", new
        {
            id = "erp-A", type = "sales.order.created", occurredAt = now.AddDays(-3.9),
            data = new { orderId = "SO-A", total = 100m, currency = "RON", customer = new { email = "a@example.com" } },
        });
        erp.StatusCode.ShouldBe(HttpStatusCode.OK, await erp.Content.ReadAsStringAsync());

        var from = Uri.EscapeDataString(now.AddDays(-30).ToString("O"));
        var to = Uri.EscapeDataString(now.ToString("O"));
        var response = await tenant.Client.GetAsync($"/api/v1/marketing/analytics/attribution?from={from}&to={to}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.JsonAsync();
        var totals = result.GetProperty("totals");
        totals.GetProperty("conversions").GetDecimal().ShouldBe(2m); // SO-A once
        totals.GetProperty("value").GetDecimal().ShouldBe(160m);
        totals.GetProperty("nulls").GetInt64().ShouldBe(1); // B

        var models = result.GetProperty("models");
        Credit(models, "first_touch", "paid_search").ShouldBe((1m, 100m));
        Credit(models, "last_touch", "email").ShouldBe((1m, 100m));
        Credit(models, "linear", "paid_search").ShouldBe((0.5m, 50m));
        Credit(models, "linear", "email").ShouldBe((0.5m, 50m));
        Credit(models, "linear", "direct").ShouldBe((1m, 60m));
        foreach (var model in models.EnumerateObject())
        {
            model.Value.EnumerateObject().Sum(c => c.Value.GetProperty("conversions").GetDecimal()).ShouldBe(2m, model.Name);
            model.Value.EnumerateObject().Sum(c => c.Value.GetProperty("value").GetDecimal()).ShouldBe(160m, model.Name);
        }

        var byCampaign = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/attribution?from={from}&to={to}&groupBy=campaign&model=last_touch")).JsonAsync();
        Credit(byCampaign.GetProperty("models"), "last_touch", "bf").ShouldBe((1m, 100m));

        // A window long enough to reach C's email click gives it the sale.
        var longer = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/attribution?from={from}&to={to}&lookbackDays=45&model=linear")).JsonAsync();
        Credit(longer.GetProperty("models"), "linear", "email").ShouldBe((1.5m, 110m));

        var bad = await tenant.Client.GetAsync("/api/v1/marketing/analytics/attribution?model=magic&groupBy=weather&lookbackDays=0");
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["model", "groupBy", "lookbackDays"], ignoreOrder: true);
        var other = await host.NewTenantAsync();
        (await (await other.Client.GetAsync($"/api/v1/marketing/analytics/attribution?from={from}&to={to}")).JsonAsync())
            .GetProperty("totals").GetProperty("conversions").GetDecimal().ShouldBe(0m);
    }

    private static (decimal Conversions, decimal Value) Credit(JsonElement models, string model, string key)
    {
        var credit = models.GetProperty(model).GetProperty(key);
        return (credit.GetProperty("conversions").GetDecimal(), credit.GetProperty("value").GetDecimal());
    }
}
