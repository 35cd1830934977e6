using System.Text.Json;
using BrandHub.Modules.Campaigns;
using BrandHub.Modules.Segments;
using DeliveryRow = BrandHub.Modules.Delivery.Delivery;

namespace BrandHub.Tests.Analytics;

/// <summary>The insights about execution: a budget left unspent, a segment tiring of email (sent more, opening less).</summary>
public sealed class ExecutionInsightsTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static DeliveryRow Email(Guid tenant, Guid contact, DateTimeOffset at, string status, Guid? campaign = null) => new()
    {
        TenantId = tenant, Id = Guid.NewGuid(), Channel = "email", ContactId = contact, Address = $"{contact:N}@test.example", Status = status,
        IdempotencyKey = Guid.NewGuid().ToString(), CampaignId = campaign, RunAt = at, CreatedAt = at, SentAt = at, UpdatedAt = at,
    };

    private async Task<List<JsonElement>> InsightsAsync(HttpClient client, DateOnly from, DateOnly to)
    {
        var response = await client.GetAsync($"/api/v1/marketing/analytics/insights?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_segment_sent_more_and_opening_less_is_fatigued_and_a_steady_one_is_not()
    {
        var tenant = await host.NewTenantAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope)
        {
            Segment tired = new() { TenantId = tenant.TenantId, Id = Guid.NewGuid(), Name = "Weekly buyers", Type = SegmentTypes.Static, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow },
                steady = new() { TenantId = tenant.TenantId, Id = Guid.NewGuid(), Name = "Fresh faces", Type = SegmentTypes.Static, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.AddRange(tired, steady);
            foreach (var (segment, before, now, openedBefore, openedNow) in new[] { (tired, 2, 3, 0.5, 0.2), (steady, 2, 2, 0.5, 0.45) })
                for (var m = 0; m < 40; m++)
                {
                    var contact = Guid.NewGuid();
                    db.Add(new SegmentMember { TenantId = tenant.TenantId, SegmentId = segment.Id, ContactId = contact, AddedAt = DateTimeOffset.UtcNow });
                    // Previous week (days −14…−8) and this week (−7…−1): the opened share of the member's emails is the segment's rate.
                    for (var i = 0; i < before; i++)
                        db.Add(Email(tenant.TenantId, contact, Noon(today.AddDays(-14 + i)), (m * before + i) % 10 < openedBefore * 10 ? "opened" : "delivered"));
                    for (var i = 0; i < now; i++)
                        db.Add(Email(tenant.TenantId, contact, Noon(today.AddDays(-7 + i)), (m * now + i) % 10 < openedNow * 10 ? "clicked" : "delivered"));
                }
            await db.SaveChangesAsync();
        }

        var items = await InsightsAsync(tenant.Client, today.AddDays(-7), today.AddDays(-1));
        var fatigued = items.Where(i => i.GetProperty("kind").GetString() == "fatigued_segment").ToList();
        fatigued.Count.ShouldBe(1);
        var insight = fatigued[0];
        insight.GetProperty("title").GetString().ShouldBe("Weekly buyers is tiring of email");
        insight.GetProperty("severity").GetString().ShouldBe("warning");
        insight.GetProperty("detail").GetString()!.ShouldContain("3 emails per member against 2");
        insight.GetProperty("impact").GetDecimal().ShouldBe(-36m); // (50 % − 20 %) × 120 emails: opens lost
        insight.GetProperty("link").GetString()!.ShouldStartWith("/segments/");
    }

    [Fact]
    public async Task A_finished_campaign_with_most_of_its_budget_left_is_under_spent_and_a_young_one_is_not_yet()
    {
        var tenant = await host.NewTenantAsync();
        var now = DateTimeOffset.UtcNow;
        var (scope, db) = host.Database(tenant.TenantId);
        Campaign Campaign(string name, string status, decimal budget, int launchedDaysAgo) => new()
        {
            TenantId = tenant.TenantId, Id = Guid.NewGuid(), Name = name, Goal = "sales", Status = status, Budget = budget, Currency = "RON",
            CostsJson = """{"email":0.5}""", LaunchedAt = now.AddDays(-launchedDaysAgo), CompletedAt = status == "completed" ? now.AddDays(-2) : null,
            CreatedAt = now.AddDays(-30), UpdatedAt = now, CreatedBy = "test", UpdatedBy = "test", OwnerId = "test",
        };
        using (scope)
        {
            var over = Campaign("Autumn clearance", "completed", 1000m, 10);
            var young = Campaign("Black Friday", "running", 1000m, 3);
            var spending = Campaign("Loyalty", "running", 100m, 20);
            db.AddRange(over, young, spending);
            for (var i = 0; i < 100; i++) db.Add(Email(tenant.TenantId, Guid.NewGuid(), now.AddDays(-5), "delivered", over.Id));
            for (var i = 0; i < 160; i++) db.Add(Email(tenant.TenantId, Guid.NewGuid(), now.AddDays(-5), "delivered", spending.Id));
            await db.SaveChangesAsync();
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var budgets = (await InsightsAsync(tenant.Client, today.AddDays(-6), today)).Where(i => i.GetProperty("kind").GetString() == "under_spent_budget").ToList();
        budgets.Count.ShouldBe(1);
        budgets[0].GetProperty("title").GetString()!.ShouldStartWith("Autumn clearance has 95"); // "95 %" in the invariant culture
        budgets[0].GetProperty("impact").GetDecimal().ShouldBe(950m); // 1,000 budget − 100 emails × 0.50
        budgets[0].GetProperty("action").GetString()!.ShouldContain("950.00 RON left");
        budgets[0].GetProperty("link").GetString()!.ShouldStartWith("/campaigns/");
    }

    [Fact]
    public async Task A_dismissed_insight_leaves_the_feed_stays_listed_with_all_and_can_be_opened_again()
    {
        var tenant = await host.NewTenantAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await tenant.Client.PutJsonAsync("/api/v1/marketing/costs", new { costs = new[] { new { date = today.AddDays(-2).ToString("yyyy-MM-dd"), channel = "display", amount = 40m } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonElement Spend(List<JsonElement> items) => items.Single(i => i.GetProperty("kind").GetString() == "unprofitable_spend");
        var insight = Spend(await InsightsAsync(tenant.Client, today.AddDays(-6), today));
        insight.GetProperty("state").GetString().ShouldBe("open");
        var key = insight.GetProperty("key").GetString()!;
        key.ShouldBe("unprofitable_spend:display:roas:-:-");

        (await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/insights/state", new { key, state = "dismissed" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InsightsAsync(tenant.Client, today.AddDays(-6), today)).ShouldNotContain(i => i.GetProperty("key").GetString() == key);
        (await InsightsAsync(tenant.Client, today.AddDays(-13), today)).ShouldNotContain(i => i.GetProperty("key").GetString() == key); // another period, same insight
        var all = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/insights?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}&all=true")).JsonAsync();
        Spend(all.GetProperty("items").EnumerateArray().ToList()).GetProperty("state").GetString().ShouldBe("dismissed");

        (await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/insights/state", new { key, state = "open" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Spend(await InsightsAsync(tenant.Client, today.AddDays(-6), today)).GetProperty("state").GetString().ShouldBe("open");
        (await (await host.NewTenantAsync()).Client.PutJsonAsync("/api/v1/marketing/analytics/insights/state", new { key, state = "done" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Spend(await InsightsAsync(tenant.Client, today.AddDays(-6), today)).GetProperty("state").GetString().ShouldBe("open"); // another tenant's choice is its own

        var bad = await tenant.Client.PutJsonAsync("/api/v1/marketing/analytics/insights/state", new { key = "", state = "snoozed" });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["key", "state"], ignoreOrder: true);
        var audit = await (await tenant.Client.GetAsync("/api/v1/audit?entityType=insight")).JsonAsync();
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["insight.open", "insight.dismissed"], ignoreOrder: true);
    }
}
