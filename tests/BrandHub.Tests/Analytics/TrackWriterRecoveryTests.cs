using Npgsql;

namespace BrandHub.Tests.Analytics;

/// <summary>The group-commit writer keeps its connections open; when the database drops them it answers 503 for what it could not store, then reconnects.</summary>
public sealed class TrackWriterRecoveryTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [PostgresFact]
    public async Task A_dropped_writer_connection_costs_one_refused_request_then_tracking_goes_on()
    {
        var tenant = await host.NewTenantAsync();
        var key = (await (await tenant.Client.PostJsonAsync("/api/v1/tracking/write-keys", new { name = "Shop" })).JsonAsync()).GetProperty("key").GetString()!;
        var browser = host.Anonymous();
        browser.DefaultRequestHeaders.Add("X-Write-Key", key);
        var acknowledged = new List<string>();
        async Task<HttpStatusCode> TrackAsync()
        {
            var id = Guid.NewGuid().ToString();
            var response = await browser.PostJsonAsync("/api/v1/track", new { eventId = id, type = "page_view", anonymousId = "v1", url = "https://shop.test/" });
            if (response.StatusCode == HttpStatusCode.OK) acknowledged.Add(id);
            return response.StatusCode;
        }
        (await TrackAsync()).ShouldBe(HttpStatusCode.OK);

        // Every other session of this database goes, the writer's kept connections among them.
        await using (var admin = await host.OpenAsync())
            await admin.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        NpgsqlConnection.ClearAllPools(); // the host's pooled connections died too; only the writer's own ones are under test

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add(await TrackAsync());
        statuses[0].ShouldBe(HttpStatusCode.ServiceUnavailable); // nothing acknowledged that was not stored
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        statuses.Count(s => s == HttpStatusCode.ServiceUnavailable).ShouldBeLessThanOrEqualTo(2); // one per writer connection at most
        statuses.TakeLast(3).ShouldAllBe(s => s == HttpStatusCode.OK);

        await using var check = await host.OpenAsync();
        var stored = await check.ScalarAsync<long>("SELECT count(*) FROM track_events WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId));
        stored.ShouldBe(acknowledged.Count);
    }
}
