using System.Text.Json;
using BrandHub.Data;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Bulk;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Tests.Seo;

/// <summary>Bulk audit and generate as jobs: progress, site-wide rules at the end, cancel, and a run stopped mid-way resuming without redoing a page.</summary>
public sealed class SeoBulkTests(BrandHubHost host) : IClassFixture<BrandHubHost>, IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync();
    public async Task DisposeAsync() => await shop.DisposeAsync();

    /// <summary>A description of its own per page (153 characters), so only the duplicates a test makes are duplicates.</summary>
    private static string Description(int i) =>
        $"Warm, waterproof leather winter boots for men with a grippy rubber sole and wool lining. Free delivery in 24 hours and 30 days to return them, model {i:000}.";

    private async Task<List<Guid>> SyncAsync(TenantSession tenant, int count, Func<int, string>? html = null)
    {
        var pages = Enumerable.Range(0, count).Select(i => new { url = shop.Url($"/p/boots-{i:000}"), kind = "product", name = $"Boots {i}", price = 100m + i, currency = "RON" }).ToList();
        for (var i = 0; i < count; i++) shop.Pages[$"/p/boots-{i:000}"] = html?.Invoke(i) ?? TestShop.ProductPage(shop.Url($"/p/boots-{i:000}"), title: $"Winter boots model {i:000}: warm, waterproof, leather, men", description: Description(i));
        (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages })).EnsureSuccessStatusCode();
        return (await (await tenant.Client.GetAsync("/api/v1/seo/pages?pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
    }

    private static Task<JsonElement> FinishedAsync(TenantSession tenant, Guid run) => Eventually.PollAsync(
        async () => await (await tenant.Client.GetAsync($"/api/v1/seo/bulk/{run}")).JsonAsync(),
        view => view.GetProperty("state").GetString() is "succeeded" or "cancelled" or "dead", "the bulk run to finish");

    [Fact]
    public async Task A_bulk_audit_scores_every_page_then_adds_the_site_wide_rules()
    {
        var tenant = await host.NewTenantAsync();
        // Pages 0 and 1 share a title; page 2 links to a page that is gone.
        await SyncAsync(tenant, 40, i => TestShop.ProductPage(shop.Url($"/p/boots-{i:000}"), title: i < 2 ? "Winter boots: warm, waterproof leather boots for men" : $"Winter boots model {i:000}: warm, waterproof, leather, men",
            description: Description(i), extra: i == 2 ? $"<a href=\"{shop.Url("/p/boots-999")}\">Older winter boots</a>" : ""));
        (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages = new[] { new { url = shop.Url("/p/boots-999"), kind = "product" } } })).EnsureSuccessStatusCode();

        var started = await tenant.Client.PostJsonAsync("/api/v1/seo/audits/bulk", new { });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var run = await FinishedAsync(tenant, (await started.JsonAsync()).GetProperty("id").GetGuid());
        run.GetProperty("state").GetString().ShouldBe("succeeded");
        (run.GetProperty("total").GetInt32(), run.GetProperty("done").GetInt32(), run.GetProperty("failed").GetInt32()).ShouldBe((41, 41, 0));
        run.GetProperty("pagesPerSecond").GetDecimal().ShouldBeGreaterThan(0m);

        var worst = await (await tenant.Client.GetAsync("/api/v1/seo/pages?sort=score&pageSize=5")).JsonAsync();
        worst.GetProperty("items")[0].GetProperty("score").GetInt32().ShouldBe(70); // the 404 page
        async Task<string[]> RulesOf(string path)
        {
            var page = (await (await tenant.Client.GetAsync($"/api/v1/seo/pages?q={Uri.EscapeDataString(path)}")).JsonAsync()).GetProperty("items")[0];
            var audit = await (await tenant.Client.GetAsync($"/api/v1/seo/audits/{(await (await tenant.Client.GetAsync($"/api/v1/seo/pages/{page.GetProperty("id")}")).JsonAsync()).GetProperty("lastAuditId")}")).JsonAsync();
            return audit.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()!).Distinct().Order().ToArray();
        }
        (await RulesOf("/p/boots-000")).ShouldBe(["duplicate-title"]);
        (await RulesOf("/p/boots-001")).ShouldBe(["duplicate-title"]);
        (await RulesOf("/p/boots-002")).ShouldBe(["broken-link"]);
        (await RulesOf("/p/boots-003")).ShouldBeEmpty();
        var job = await (await tenant.Client.GetAsync($"/api/v1/jobs/{run.GetProperty("jobId")}")).JsonAsync();
        (job.GetProperty("progressDone").GetInt64(), job.GetProperty("progressTotal").GetInt64()).ShouldBe((41L, 41L));

        var report = await (await tenant.Client.GetAsync("/api/v1/seo/report")).JsonAsync();
        (report.GetProperty("pages").GetInt32(), report.GetProperty("audited").GetInt32(), report.GetProperty("indexable").GetInt32(), report.GetProperty("nonCompliant").GetInt32())
            .ShouldBe((41, 41, 40, 1));
        report.GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("ruleId").GetString()!, i => i.GetProperty("pages").GetInt32())
            .ShouldBe(new Dictionary<string, int> { ["http-status"] = 1, ["duplicate-title"] = 2, ["broken-link"] = 1 }, ignoreOrder: true);
        report.GetProperty("scores").EnumerateArray().Select(b => b.GetProperty("pages").GetInt32()).ShouldBe([0, 0, 1, 40]);
        report.GetProperty("organicSessions").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_run_stopped_mid_way_resumes_after_its_cursor_and_audits_every_page_once()
    {
        var tenant = await host.NewTenantAsync();
        var ids = await SyncAsync(tenant, 60);
        shop.GatedPath = "/p/boots-030"; // the second chunk holds here
        var run = new SeoBulkRun { TenantId = tenant.TenantId, Id = Guid.NewGuid(), JobId = Guid.NewGuid(), Kind = SeoBulkRun.Audit, FilterJson = "{}", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" };
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope) { db.Add(run); await db.SaveChangesAsync(); }

        async Task RunJobAsync(CancellationToken token)
        {
            using var jobScope = host.App.Services.CreateScope();
            jobScope.ServiceProvider.GetRequiredService<BrandHub.Data.TenantScope>().Enter(tenant.TenantId);
            var job = new Job { Id = run.JobId, TenantId = tenant.TenantId, Kind = BulkJob.Kind, PayloadJson = JsonSerializer.Serialize(new BulkJob.Payload(run.Id), SeoAuditor.Json) };
            var handler = jobScope.ServiceProvider.GetServices<IJobHandler>().OfType<BulkJob>().Single();
            await handler.RunAsync(new JobContext(job, host.App.Services.GetRequiredService<JobQueue>(), "test-worker", token));
        }
        using (var crash = new CancellationTokenSource())
        {
            var first = RunJobAsync(crash.Token);
            await shop.GateReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await crash.CancelAsync(); // the node goes away mid-chunk
            await Should.ThrowAsync<OperationCanceledException>(() => first);
        }
        shop.Gate.SetResult();
        var (check, checkDb) = host.Database(tenant.TenantId);
        using (check)
        {
            var stopped = await checkDb.Set<SeoBulkRun>().AsNoTracking().SingleAsync(r => r.Id == run.Id);
            stopped.Done.ShouldBe(BulkJob.ChunkSize);
            stopped.Cursor.ShouldBe(shop.Url("/p/boots-024"));
        }
        await RunJobAsync(CancellationToken.None);
        var (after, afterDb) = host.Database(tenant.TenantId);
        using (after)
        {
            var finished = await afterDb.Set<SeoBulkRun>().AsNoTracking().SingleAsync(r => r.Id == run.Id);
            (finished.State, finished.Done, finished.Total).ShouldBe((SeoBulkRun.Succeeded, 60, 60));
            var perPage = await afterDb.Set<SeoAudit>().AsNoTracking().Where(a => a.Source == SeoAudit.FromBulk).GroupBy(a => a.PageId).Select(g => g.Count()).ToListAsync();
            perPage.Count.ShouldBe(60);
            perPage.ShouldAllBe(n => n == 1);
            (await afterDb.Set<SeoPage>().CountAsync(p => p.Score == 100)).ShouldBe(60);
        }
    }

    [Fact]
    public async Task A_bulk_generate_applies_proposals_and_bad_requests_are_refused()
    {
        var tenant = await host.NewTenantAsync();
        var ids = await SyncAsync(tenant, 5);
        var started = await (await tenant.Client.PostJsonAsync("/api/v1/seo/products/generate/bulk", new { pageIds = ids.Take(3), apply = true })).JsonAsync();
        var run = await FinishedAsync(tenant, started.GetProperty("id").GetGuid());
        (run.GetProperty("state").GetString(), run.GetProperty("done").GetInt32()).ShouldBe(("succeeded", 3));
        var applied = 0;
        foreach (var id in ids)
            if ((await (await tenant.Client.GetAsync($"/api/v1/seo/products/{id}/metadata")).JsonAsync()).GetProperty("appliedVersion").ValueKind == JsonValueKind.Number) applied++;
        applied.ShouldBe(3);

        (await (await tenant.Client.PostJsonAsync("/api/v1/seo/audits/bulk", new { kind = "blog", maxScore = 101, apply = true })).ProblemErrorsAsync()).Keys
            .ShouldBe(["kind", "maxScore", "apply"], ignoreOrder: true);
        (await tenant.Client.PostAsync($"/api/v1/seo/bulk/{run.GetProperty("id")}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tenant.Client.GetAsync($"/api/v1/seo/bulk/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_running_bulk_audit_is_cancelled_and_its_job_with_it()
    {
        var tenant = await host.NewTenantAsync();
        await SyncAsync(tenant, 30);
        var started = await (await tenant.Client.PostJsonAsync("/api/v1/seo/audits/bulk", new { })).JsonAsync();
        var id = started.GetProperty("id").GetGuid();
        var cancel = await tenant.Client.PostAsync($"/api/v1/seo/bulk/{id}/cancel", null);
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        (await cancel.JsonAsync()).GetProperty("state").GetString().ShouldBe("cancelled");
        var job = await (await tenant.Client.GetAsync($"/api/v1/jobs/{started.GetProperty("jobId")}")).JsonAsync();
        job.GetProperty("status").GetString().ShouldBe("cancelled");
        var run = await FinishedAsync(tenant, id);
        run.GetProperty("state").GetString().ShouldBe("cancelled");
        run.GetProperty("done").GetInt32().ShouldBeLessThan(30 + 1);
        (await tenant.Client.PostAsync($"/api/v1/jobs/{started.GetProperty("jobId")}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
