using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Seo;

/// <summary>
/// A bulk audit survives the node being killed: the real executable audits a catalogue, is SIGKILLed while a chunk is in
/// flight, and a new node takes the job over when its lease runs out and finishes it — every page audited exactly once.
/// </summary>
public sealed class SeoBulkKillTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const string Email = "owner@seo-kill.test", Password = "correct horse battery";

    [Fact]
    public async Task A_killed_bulk_audit_resumes_on_the_next_node_without_re_auditing_finished_pages()
    {
        await using var shop = await TestShop.StartAsync();
        await using var database = await ScratchDatabase.CreateAsync();
        var environment = database.Environment(("BrandHub__Delivery__Enabled", "false"), ("BrandHub__Seo__AllowPrivateAddresses", "true"),
            ("BrandHub__Jobs__LeaseSeconds", "3"), ("BrandHub__Jobs__PollSeconds", "0.2"), ("BrandHub__Seo__BulkParallelism", "2"));
        var (exitCode, output) = await BrandHubProcess.RunAsync(environment, "tenant", "create", "--name", "SEO Kill", "--admin-email", Email, "--admin-password", Password);
        exitCode.ShouldBe(0, output);
        const int pages = 60;
        for (var i = 0; i < pages; i++)
            shop.Pages[$"/p/{i:000}"] = TestShop.ProductPage(shop.Url($"/p/{i:000}"), title: $"Winter boots model {i:000}: warm, waterproof, leather, men",
                description: $"Warm, waterproof leather winter boots for men with a grippy rubber sole and wool lining. Free delivery in 24 hours and 30 days to return them, model {i:000}.");
        shop.GatedPath = "/p/030"; // in the second chunk of 25: the first is saved when the node dies

        Guid run;
        await using (var first = await BrandHubProcess.StartAsync(environment))
        {
            using var owner = await first.SignInAsync(Email, Password);
            (await owner.PutJsonAsync("/api/v1/seo/pages", new { pages = Enumerable.Range(0, pages).Select(i => new { url = shop.Url($"/p/{i:000}") }) })).EnsureSuccessStatusCode();
            run = (await (await owner.PostJsonAsync("/api/v1/seo/audits/bulk", new { })).JsonAsync()).GetProperty("id").GetGuid();
            await shop.GateReached.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await first.KillAsync();
        }
        shop.Gate.SetResult();

        await using var second = await BrandHubProcess.StartAsync(environment);
        using var client = await second.SignInAsync(Email, Password);
        var done = await Eventually.PollAsync(async () => await (await client.GetAsync($"/api/v1/seo/bulk/{run}")).JsonAsync(),
            r => r.GetProperty("state").GetString() == "succeeded", "the bulk audit to finish on the second node");
        done.GetProperty("done").GetInt32().ShouldBe(pages);

        await using var conn = await database.OpenAsync();
        var perPage = await conn.RowsAsync("SELECT page_id, count(*) AS n FROM seo_audits WHERE source = 'bulk' GROUP BY page_id");
        log.WriteLine($"{perPage.Count} pages audited; shop served {shop.Requests.Count(r => r.Path.StartsWith("/p/"))} page requests");
        perPage.Count.ShouldBe(pages);
        perPage.ShouldAllBe(r => Convert.ToInt64(r["n"]) == 1);
        // The first chunk was fetched once: the second node started after the cursor.
        shop.Requests.Count(r => r.Path == "/p/000").ShouldBe(1);
    }
}
