using System.Text.Json;

namespace BrandHub.Tests.Analytics;

/// <summary>Spend in, revenue tracked, the rollup run: the dashboard's channels add up to its totals, ROAS and CAC are what the inputs say, and the previous period is compared.</summary>
public sealed class DashboardTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Revenue_cost_and_ROAS_per_channel_reconcile_and_compare_with_the_previous_period()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var noon = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-12); // yesterday noon: inside the last 7 days
        object Visit(string who, DateTimeOffset at, string url) => new { eventId = Guid.NewGuid().ToString(), type = "page_view", anonymousId = who, timestamp = at, url };
        object Buy(string who, DateTimeOffset at, decimal revenue, string order) =>
            new { eventId = Guid.NewGuid().ToString(), type = "purchase", anonymousId = who, timestamp = at, revenue, currency = "RON", orderId = order };
        var events = new[]
        {
            // This week: paid search sells 300 (a new customer), email sells 100.
            Visit("p", noon.AddHours(-2), "https://shop.test/?gclid=g&utm_campaign=brand"), Buy("p", noon.AddHours(-1), 300m, "O-1"),
            Visit("e", noon.AddHours(-3), "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf"), Buy("e", noon, 100m, "O-2"),
            // The week before: paid search sold 150.
            Visit("q", noon.AddDays(-7).AddHours(-1), "https://shop.test/?gclid=h&utm_campaign=brand"), Buy("q", noon.AddDays(-7), 150m, "O-3"),
        };
        (await client.PostJsonAsync("/api/v1/track", new { events })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var costs = await client.PutJsonAsync("/api/v1/marketing/costs", new
        {
            costs = new object[]
            {
                new { date = today.AddDays(-1), channel = "paid_search", campaign = "brand", amount = 60m, currency = "RON" },
                new { date = today.AddDays(-2), channel = "paid_search", campaign = "brand", amount = 40m },
                new { date = today.AddDays(-8), channel = "paid_search", campaign = "brand", amount = 50m },
            },
        });
        costs.StatusCode.ShouldBe(HttpStatusCode.OK, await costs.Content.ReadAsStringAsync());
        (await client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await client.GetAsync($"/api/v1/marketing/analytics/dashboard?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var dashboard = await response.JsonAsync();
        dashboard.GetProperty("previousFrom").GetString().ShouldBe($"{today.AddDays(-13):yyyy-MM-dd}");
        var totals = dashboard.GetProperty("totals").GetProperty("kpis");
        totals.GetProperty("revenue").GetDecimal().ShouldBe(400m);
        totals.GetProperty("cost").GetDecimal().ShouldBe(100m);
        totals.GetProperty("profit").GetDecimal().ShouldBe(300m);
        totals.GetProperty("roas").GetDecimal().ShouldBe(4m);
        totals.GetProperty("conversions").GetDecimal().ShouldBe(2m);
        totals.GetProperty("newCustomers").GetDecimal().ShouldBe(2m);
        totals.GetProperty("cac").GetDecimal().ShouldBe(50m);
        var change = dashboard.GetProperty("totals").GetProperty("change");
        change.GetProperty("revenue").GetDecimal().ShouldBe(1.6667m); // 400 vs 150
        change.GetProperty("cost").GetDecimal().ShouldBe(1m); // 100 vs 50

        var channels = dashboard.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        var paid = channels["paid_search"].GetProperty("kpis");
        paid.GetProperty("revenue").GetDecimal().ShouldBe(300m);
        paid.GetProperty("roas").GetDecimal().ShouldBe(3m);
        paid.GetProperty("roi").GetDecimal().ShouldBe(2m);
        channels["paid_search"].GetProperty("change").GetProperty("revenue").GetDecimal().ShouldBe(1m);
        channels["email"].GetProperty("kpis").GetProperty("roas").ValueKind.ShouldBe(JsonValueKind.Null); // no spend, no ratio
        channels.Values.Sum(c => c.GetProperty("kpis").GetProperty("revenue").GetDecimal()).ShouldBe(400m);
        dashboard.GetProperty("daily").EnumerateArray().Sum(d => d.GetProperty("kpis").GetProperty("revenue").GetDecimal()).ShouldBe(400m);
        dashboard.GetProperty("topCampaigns")[0].GetProperty("campaign").GetString().ShouldBe("brand");

        var roi = await (await client.GetAsync($"/api/v1/marketing/analytics/roi/paid_search?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}")).JsonAsync();
        roi.GetProperty("totals").GetProperty("kpis").GetProperty("roi").GetDecimal().ShouldBe(2m);
        (await client.GetAsync("/api/v1/marketing/analytics/roi/carrier_pigeon")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await client.GetAsync("/api/v1/marketing/analytics/dashboard?from=2026-12-01&to=2026-11-01")).ProblemErrorsAsync()).Keys.ShouldContain("from");

        // The analyst sees it; a viewer does not.
        var other = await host.NewTenantAsync();
        var empty = await (await other.Client.GetAsync("/api/v1/marketing/analytics/dashboard")).JsonAsync();
        empty.GetProperty("totals").GetProperty("kpis").GetProperty("revenue").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Conversions_show_by_the_segments_their_contacts_are_in()
    {
        var tenant = await host.NewTenantAsync();
        var vip = (await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "vip@example.com" })).JsonAsync()).GetProperty("id").GetGuid();
        var segment = Guid.CreateVersion7();
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope)
        {
            var now = DateTimeOffset.UtcNow;
            db.Add(new BrandHub.Modules.Segments.Segment { TenantId = tenant.TenantId, Id = segment, Name = "VIP", Type = "static", MemberCount = 1, CreatedBy = "test", CreatedAt = now, UpdatedAt = now });
            db.Add(new BrandHub.Modules.Segments.SegmentMember { TenantId = tenant.TenantId, SegmentId = segment, ContactId = vip, AddedAt = now });
            await db.SaveChangesAsync();
        }
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        (await tenant.Client.PostJsonAsync("/api/v1/track", new
        {
            events = new object[]
            {
                new { type = "purchase", contactId = vip, timestamp = at, revenue = 500m, currency = "RON", orderId = "V-1" },
                new { type = "purchase", anonymousId = "someone", timestamp = at, revenue = 70m, currency = "RON", orderId = "V-2" },
            },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var dashboard = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/dashboard")).JsonAsync();
        var row = dashboard.GetProperty("segments").EnumerateArray().Single();
        row.GetProperty("name").GetString().ShouldBe("VIP");
        row.GetProperty("conversions").GetDecimal().ShouldBe(1m);
        row.GetProperty("revenue").GetDecimal().ShouldBe(500m);
        dashboard.GetProperty("totals").GetProperty("kpis").GetProperty("revenue").GetDecimal().ShouldBe(570m);
    }

    [Fact]
    public async Task Costs_are_replaced_per_day_channel_and_campaign_and_imported_from_CSV()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;
        var row = new { date = "2026-11-02", channel = "paid_social", campaign = "xmas", amount = 12.5m };
        (await client.PutJsonAsync("/api/v1/marketing/costs", new { costs = new[] { row } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutJsonAsync("/api/v1/marketing/costs", new { costs = new[] { row with { amount = 20m } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await (await client.GetAsync("/api/v1/marketing/costs?from=2026-11-01&to=2026-11-30")).JsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);
        list.GetProperty("totalAmount").GetDecimal().ShouldBe(20m);

        var bad = await client.PutJsonAsync("/api/v1/marketing/costs", new
        {
            costs = new object[] { new { date = "2026-11-03", channel = "telepathy", amount = -1m }, new { date = "2026-11-03", channel = "email", amount = 5m, currency = "EUR" } },
        });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["costs[0].channel", "costs[0].amount", "costs[1].currency"], ignoreOrder: true);

        var csv = "date,channel,campaign,amount,currency\n2026-11-04,paid_search,brand,100.25,RON\n2026-11-05,display,,7,\n";
        var imported = await client.PostRawAsync("/api/v1/marketing/costs/import", csv, "text/csv");
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.JsonAsync()).GetProperty("saved").GetInt32().ShouldBe(2);
        var badCsv = await client.PostRawAsync("/api/v1/marketing/costs/import", "date,channel,amount\n04/11/2026,paid_search,abc\n", "text/csv");
        (await badCsv.ProblemErrorsAsync()).Keys.ShouldBe(["row 1: date", "row 1: amount"], ignoreOrder: true);
        (await client.PostRawAsync("/api/v1/marketing/costs/import", "{}", "application/json")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        (await (await client.GetAsync("/api/v1/marketing/costs")).JsonAsync()).GetProperty("totalAmount").GetDecimal().ShouldBe(127.25m);
        (await client.DeleteAsync("/api/v1/marketing/costs?date=2026-11-05&channel=display")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync("/api/v1/marketing/costs?date=2026-11-05&channel=display")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await (await host.NewTenantAsync()).Client.GetAsync("/api/v1/marketing/costs")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Report_days_are_the_tenants_days_and_a_new_time_zone_rebuckets_them()
    {
        var tenant = await host.NewTenantAsync(); // Europe/Bucharest, the default
        var client = tenant.Client;
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        var lateEvening = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 10)), TimeSpan.Zero); // already the next day in Bucharest
        var events = new object[]
        {
            new { eventId = Guid.NewGuid().ToString(), type = "page_view", anonymousId = "night", timestamp = lateEvening, url = "https://shop.test/?gclid=n" },
            new { eventId = Guid.NewGuid().ToString(), type = "purchase", anonymousId = "night", timestamp = lateEvening.AddMinutes(20), revenue = 80m, currency = "RON", orderId = "N-1" },
        };
        (await client.PostJsonAsync("/api/v1/track", new { events })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        async Task<Dictionary<string, decimal>> RevenueByDay()
        {
            var dashboard = await (await client.GetAsync($"/api/v1/marketing/analytics/dashboard?from={day.AddDays(-1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}")).JsonAsync();
            return dashboard.GetProperty("daily").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("kpis").GetProperty("revenue").GetDecimal());
        }
        (await RevenueByDay()).ShouldBe(new Dictionary<string, decimal> { [$"{day.AddDays(-1):yyyy-MM-dd}"] = 0, [$"{day:yyyy-MM-dd}"] = 0, [$"{day.AddDays(1):yyyy-MM-dd}"] = 80m });

        (await client.PatchJsonAsync("/api/v1/tenant", new { timezone = "UTC" })).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // (or the job the change queued did it)
        (await (await client.GetAsync("/api/v1/marketing/analytics/settings")).JsonAsync()).GetProperty("rollupBuiltFor").GetString().ShouldEndWith("/UTC");
        (await RevenueByDay()).ShouldBe(new Dictionary<string, decimal> { [$"{day.AddDays(-1):yyyy-MM-dd}"] = 0, [$"{day:yyyy-MM-dd}"] = 80m, [$"{day.AddDays(1):yyyy-MM-dd}"] = 0 });
    }
}
