using BrandHub.Modules.Analytics.Demo;

namespace BrandHub.Tests.Analytics;

/// <summary>The demo tenant's 90 days of traffic make a dashboard with a story: revenue over many channels, spend on the paid ones, a comparison with the month before.</summary>
public sealed class DemoTrafficTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_demo_traffic_fills_the_dashboard_and_attribution()
    {
        var tenant = await host.NewTenantAsync();
        await DemoTraffic.SeedAsync(host.App.Services, tenant.TenantId, default);

        var dashboard = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/dashboard")).JsonAsync();
        var totals = dashboard.GetProperty("totals");
        totals.GetProperty("kpis").GetProperty("revenue").GetDecimal().ShouldBeGreaterThan(10_000m);
        totals.GetProperty("kpis").GetProperty("cost").GetDecimal().ShouldBeGreaterThan(1_000m);
        totals.GetProperty("change").GetProperty("revenue").GetDecimal().ShouldBeGreaterThan(0m); // the season is picking up
        var channels = dashboard.GetProperty("channels").EnumerateArray().ToList();
        channels.Count.ShouldBeGreaterThanOrEqualTo(7);
        channels.Count(c => c.GetProperty("kpis").GetProperty("roas").ValueKind == System.Text.Json.JsonValueKind.Number).ShouldBeGreaterThanOrEqualTo(3);
        dashboard.GetProperty("daily").GetArrayLength().ShouldBe(30);

        var attribution = await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/attribution?model=first_touch,markov")).JsonAsync();
        var conversions = attribution.GetProperty("totals").GetProperty("conversions").GetDecimal();
        conversions.ShouldBeGreaterThan(100m);
        attribution.GetProperty("models").GetProperty("markov").EnumerateObject().Sum(c => c.Value.GetProperty("conversions").GetDecimal()).ShouldBe(conversions);
    }
}
