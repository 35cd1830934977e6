using System.Text.Json;

namespace BrandHub.Tests.Analytics;

/// <summary>Funnel per channel, cohorts by first purchase, benchmark ratings with the tenant's own bands, and insights from anomalies and rules.</summary>
public sealed class AnalyticsReportsTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static object Event(string type, string who, DateTimeOffset at, string? url = null, decimal? revenue = null) => revenue is null
        ? new { eventId = Guid.NewGuid().ToString(), type, anonymousId = who, timestamp = at, url }
        : new { eventId = Guid.NewGuid().ToString(), type, anonymousId = who, timestamp = at, url, revenue, currency = "RON", orderId = Guid.NewGuid().ToString() } as object;

    private static async Task TrackAsync(HttpClient client, IEnumerable<object> events)
    {
        foreach (var chunk in events.Chunk(500))
        {
            var response = await client.PostJsonAsync("/api/v1/track", new { events = chunk });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        (await client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_funnel_counts_steps_in_order_per_first_channel()
    {
        var tenant = await host.NewTenantAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-3);
        const string ad = "https://shop.test/?gclid=1", mail = "https://shop.test/?utm_source=newsletter&utm_medium=email";
        await TrackAsync(tenant.Client,
        [
            Event("page_view", "A", at, ad), Event("add_to_cart", "A", at.AddMinutes(1)), Event("begin_checkout", "A", at.AddMinutes(2)), Event("purchase", "A", at.AddMinutes(3), revenue: 50),
            Event("page_view", "B", at, mail), Event("add_to_cart", "B", at.AddMinutes(1)),
            Event("page_view", "C", at, mail), Event("purchase", "C", at.AddMinutes(1), revenue: 20), // skipped the cart: not through the funnel
        ]);
        var funnel = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/funnel")).JsonAsync();
        Counts(funnel.GetProperty("overall")).ShouldBe([3, 2, 1, 1]);
        var channels = funnel.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Counts(channels["email"]).ShouldBe([2, 1, 0, 0]);
        Counts(channels["paid_search"]).ShouldBe([1, 1, 1, 1]);
        funnel.GetProperty("overall").GetProperty("conversion").GetDecimal().ShouldBe(0.3333m);
        (await tenant.Client.GetAsync("/api/v1/marketing/analytics/funnel?steps=page_view")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tenant.Client.GetAsync("/api/v1/marketing/analytics/funnel?steps=page_view,identify")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static long[] Counts(JsonElement row) => row.GetProperty("counts").EnumerateArray().Select(c => c.GetInt64()).ToArray();

    [Fact]
    public async Task Cohorts_follow_customers_from_their_first_purchase_month()
    {
        var tenant = await host.NewTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 12, 0, 0, TimeSpan.Zero);
        await TrackAsync(tenant.Client,
        [
            Event("purchase", "x", thisMonth.AddMonths(-2), revenue: 100), Event("purchase", "x", thisMonth.AddMonths(-1), revenue: 40),
            Event("purchase", "y", thisMonth.AddMonths(-2).AddDays(3), revenue: 60),
        ]);
        var cohorts = (await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/cohorts?months=3")).JsonAsync()).GetProperty("cohorts").EnumerateArray().ToList();
        cohorts.Count.ShouldBe(3);
        cohorts[0].GetProperty("customers").GetInt32().ShouldBe(2);
        cohorts[0].GetProperty("retention").EnumerateArray().Select(r => r.GetDecimal()).ShouldBe([1m, 0.5m, 0m]);
        cohorts[0].GetProperty("revenue").EnumerateArray().Select(r => r.GetDecimal()).ShouldBe([160m, 40m, 0m]);
        (await tenant.Client.GetAsync("/api/v1/marketing/analytics/cohorts?months=99")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Benchmarks_rate_a_channel_and_take_the_tenants_own_bands()
    {
        var tenant = await host.NewTenantAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        await TrackAsync(tenant.Client, Enumerable.Range(0, 20).SelectMany(i => i < 1
            ? new[] { Event("page_view", $"v{i}", at, "https://shop.test/?gclid=1"), Event("purchase", $"v{i}", at.AddMinutes(1), revenue: 300) }
            : new[] { Event("page_view", $"v{i}", at, "https://shop.test/?gclid=1") }));
        (await tenant.Client.PutJsonAsync("/api/v1/marketing/costs", new { costs = new[] { new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "paid_search", amount = 100m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var rated = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/benchmarks/paid_search")).JsonAsync();
        rated.GetProperty("industry").GetString().ShouldBe("ecommerce");
        var metrics = rated.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!);
        metrics["conversionRate"].GetProperty("value").GetDecimal().ShouldBe(0.05m); // 1 of 20 visits
        metrics["conversionRate"].GetProperty("rating").GetString().ShouldBe("good");
        metrics["roas"].GetProperty("value").GetDecimal().ShouldBe(3m);
        metrics["roas"].GetProperty("rating").GetString().ShouldBe("average");

        (await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/benchmarks/paid_search", new { metrics = new { roas = new { average = 1m, good = 2m, excellent = 2.5m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var custom = (await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/benchmarks/paid_search")).JsonAsync())
            .GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "roas");
        custom.GetProperty("rating").GetString().ShouldBe("excellent");
        custom.GetProperty("custom").GetBoolean().ShouldBeTrue();

        var bad = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/benchmarks/paid_search", new { metrics = new { roas = new { average = 3m, good = 2m, excellent = 1m }, vibes = new { average = 1m, good = 2m, excellent = 3m } } });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["metrics.roas", "metrics.vibes"], ignoreOrder: true);
    }

    [Fact]
    public async Task Insights_name_an_anomalous_day_and_unprofitable_spend_with_their_impact()
    {
        var tenant = await host.NewTenantAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var events = new List<object>();
        for (var d = 70; d >= 1; d--)
        {
            var noon = new DateTimeOffset(today.AddDays(-d).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var sales = d == 1 ? 0 : 4; // yesterday nothing sold
            for (var i = 0; i < 5; i++) events.Add(Event("page_view", $"d{d}-v{i}", noon.AddMinutes(i), "https://shop.test/?utm_source=newsletter&utm_medium=email"));
            for (var i = 0; i < sales; i++) events.Add(Event("purchase", $"d{d}-v{i}", noon.AddMinutes(10 + i), revenue: 100));
        }
        events.Add(Event("page_view", "ads", new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), "https://shop.test/?gclid=z"));
        await TrackAsync(tenant.Client, events);
        (await tenant.Client.PutJsonAsync("/api/v1/marketing/costs", new { costs = new[] { new { date = today.AddDays(-1).ToString("yyyy-MM-dd"), channel = "paid_search", amount = 250m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var day = today.AddDays(-1).ToString("yyyy-MM-dd");
        var response = await tenant.Client.GetAsync($"/api/v1/marketing/analytics/insights?from={day}&to={day}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var drop = items.First(i => i.GetProperty("kind").GetString() == "anomaly" && i.GetProperty("metric").GetString() == "revenue" && i.GetProperty("channel").ValueKind == JsonValueKind.Null);
        drop.GetProperty("severity").GetString().ShouldBe("warning");
        drop.GetProperty("day").GetString().ShouldBe(day);
        drop.GetProperty("impact").GetDecimal().ShouldBeLessThan(-300m);
        drop.GetProperty("action").GetString().ShouldNotBeNullOrWhiteSpace();
        var spend = items.Single(i => i.GetProperty("kind").GetString() == "unprofitable_spend");
        spend.GetProperty("channel").GetString().ShouldBe("paid_search");
        spend.GetProperty("impact").GetDecimal().ShouldBe(-250m);
    }
}
