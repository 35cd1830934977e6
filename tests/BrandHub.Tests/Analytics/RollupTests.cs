using BrandHub.Core.Attribution;
using BrandHub.Modules.Analytics.Rollups;

namespace BrandHub.Tests.Analytics;

/// <summary>The incremental rollup, after rounds of random traffic (late events, identifies, orders seen twice), holds exactly what a rebuild from the raw events computes.</summary>
public sealed class RollupTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_incremental_rollup_equals_a_computation_from_scratch()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;
        var first = await client.PostAsync("/api/v1/marketing/analytics/rollup", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        // (The schedule may have built the empty rollup first, at start-up: either way it is built now.)

        var random = new Random(20261130);
        var now = DateTimeOffset.UtcNow;
        var urls = new[]
        {
            "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf", "https://shop.test/?gclid=abc", "https://shop.test/",
            "https://shop.test/?utm_source=facebook&utm_medium=paid_social&utm_campaign=xmas", "https://shop.test/?utm_source=google&utm_medium=organic",
        };
        var orders = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            var events = new List<object>();
            for (var i = 0; i < 60; i++)
            {
                var visitor = $"v{random.Next(25)}";
                // Mostly recent traffic, some of it late (days or weeks old).
                var at = now.AddMinutes(-random.Next(0, random.Next(4) == 0 ? 60 * 24 * 40 : 60 * 24 * 2));
                switch (random.Next(10))
                {
                    case < 6:
                        events.Add(new { eventId = Guid.NewGuid().ToString(), type = "page_view", anonymousId = visitor, timestamp = at, url = urls[random.Next(urls.Length)] });
                        break;
                    case < 8:
                        var order = orders.Count > 0 && random.Next(4) == 0 ? orders[random.Next(orders.Count)] : $"SO-{orders.Count}";
                        orders.Add(order);
                        events.Add(new { eventId = Guid.NewGuid().ToString(), type = "purchase", anonymousId = visitor, timestamp = at, revenue = random.Next(100, 90_000) / 100m, currency = "RON", orderId = order });
                        break;
                    case 8:
                        events.Add(new { eventId = Guid.NewGuid().ToString(), type = "lead", anonymousId = visitor, timestamp = at });
                        break;
                    default:
                        events.Add(new { eventId = Guid.NewGuid().ToString(), type = "identify", anonymousId = visitor, timestamp = at, email = $"person{random.Next(10)}@example.com" });
                        break;
                }
            }
            var sent = await client.PostJsonAsync("/api/v1/track", new { events });
            sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
            var run = await client.PostAsync("/api/v1/marketing/analytics/rollup", null);
            run.StatusCode.ShouldBe(HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
            (await run.JsonAsync()).GetProperty("rebuilt").GetBoolean().ShouldBeFalse();
        }

        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        var stored = await db.Set<AnalyticsDaily>().AsNoTracking().ToListAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var expected = await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>()
            .ComputeAsync(today.AddDays(-45), today, AttributionModels.LastNonDirect, Journeys.DefaultLookback, default);
        expected.ShouldNotBeEmpty();
        expected.Sum(r => r.Conversions).ShouldBeGreaterThan(0);
        stored.Select(r => new DailyRow(DateOnly.FromDateTime(r.Day.UtcDateTime), r.Channel, r.Campaign, r.Sessions, r.Conversions, r.Revenue, r.NewCustomers))
            .OrderBy(r => r.Day).ThenBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Campaign, StringComparer.Ordinal).ToList()
            .ShouldBe(expected);

        // A new model rebuilds the rollup.
        (await client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { model = "linear" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // (or the job the change queued did it)
        (await (await client.GetAsync("/api/v1/marketing/analytics/settings")).JsonAsync()).GetProperty("rollupBuiltFor").GetString().ShouldStartWith("linear/");
        (await client.PutJsonAsync("/api/v1/marketing/analytics/settings", new { model = "markov", lookbackDays = 0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
