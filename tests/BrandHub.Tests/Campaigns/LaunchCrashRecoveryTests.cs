using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Campaigns;

/// <summary>
/// The node running a campaign launch is killed mid-launch (SIGKILL); a new node takes the launch job over when its
/// lease runs out and finishes it from the last checkpoint: every audience member gets exactly one delivery. Runs the
/// real executable as separate processes on a fresh database, the dispatcher off so every delivery stays countable.
/// </summary>
public sealed class LaunchCrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const int Audience = 3_000;
    private const string Email = "owner@launch-crash.test", Password = "correct horse battery";

    [Fact]
    public async Task A_launch_killed_mid_way_resumes_on_a_new_process_and_nobody_gets_two_deliveries()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var environment = database.Environment(("BrandHub__Jobs__LeaseSeconds", "2"), ("BrandHub__Jobs__PollSeconds", "0.2"),
            ("BrandHub__Delivery__Enabled", "false"), ("BrandHub__Campaigns__LaunchChunkSize", "3"));
        var (exitCode, output) = await BrandHubProcess.RunAsync(environment, "tenant", "create", "--name", "Launch Crash", "--admin-email", Email, "--admin-password", Password);
        exitCode.ShouldBe(0, output);
        var segment = await SeedAudienceAsync(database);

        Guid campaign;
        await using (var first = await BrandHubProcess.StartAsync(environment))
        {
            using var client = await first.SignInAsync(Email, Password);
            (await client.PutJsonAsync("/api/v1/channels/email/settings", new
            {
                provider = "smtp", host = "127.0.0.1", port = 2525, security = "none", fromEmail = "news@shop.example", fromName = "Shop",
            })).StatusCode.ShouldBe(HttpStatusCode.OK);
            campaign = (await client.CreateCampaignAsync([segment])).Id();
            await client.AddStepAsync(campaign, CampaignApi.EmailStep());
            var launched = await client.MoveAsync(campaign, "launch");
            launched.StatusCode.ShouldBe(HttpStatusCode.OK, await launched.Content.ReadAsStringAsync() + first.Output[^Math.Min(first.Output.Length, 6000)..]);

            var midway = await Poll.UntilAsync(() => client.ProgressAsync(campaign), p => p.GetProperty("queued").GetInt64() > 0,
                "the launch to pass its first checkpoint", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(10));
            midway.GetProperty("queued").GetInt64().ShouldBeLessThan(Audience, "the audience should be large enough to catch the launch mid-way");
            await first.KillAsync();
            log.WriteLine($"Killed the first process at {midway.GetProperty("queued").GetInt64()} of {Audience} queued.");
        }
        (await CountAsync(database, "SELECT COUNT(*) FROM deliveries")).ShouldBeLessThan(Audience);

        await using var second = await BrandHubProcess.StartAsync(environment);
        using var resumed = await second.SignInAsync(Email, Password);
        // The last chunk's deliveries commit before the run is marked done: wait for both.
        var done = await Poll.UntilAsync(() => resumed.ProgressAsync(campaign),
            p => p.GetProperty("queued").GetInt64() == Audience && p.GetProperty("runs").EnumerateArray().Single().Str("status") != "launching",
            "the second process to finish the launch", TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));
        done.GetProperty("runs").EnumerateArray().Single().Str("status").ShouldBe("queued");
        (await CountAsync(database, "SELECT COUNT(*) FROM deliveries")).ShouldBe(Audience);
        (await CountAsync(database, "SELECT COUNT(DISTINCT contact_id) FROM deliveries")).ShouldBe(Audience);
        (await CountAsync(database, "SELECT COUNT(*) FROM delivery_transitions")).ShouldBe(Audience);
    }

    /// <summary>Opted-in contacts and a static segment holding them, written straight to the database (fast, and what the API would store).</summary>
    private static async Task<Guid> SeedAudienceAsync(ScratchDatabase database)
    {
        await using var conn = await database.OpenAsync();
        var tenant = (await conn.RowsAsync("SELECT id FROM tenants")).Single()["id"]!;
        var tenantId = tenant is Guid g ? g : Guid.Parse((string)tenant);
        var segment = Guid.CreateVersion7();
        var now = RawSql.Instant(DateTimeOffset.UtcNow);
        await conn.ExecuteAsync("BEGIN"); // as SQL, so the helpers' commands need no transaction object
        await conn.ExecuteAsync(
            "INSERT INTO segments (tenant_id, id, name, description, type, criteria_json, member_count, refreshed_at, created_by, created_at, updated_at, deleted_at) " +
            "VALUES (@p0, @p1, 'Everyone', NULL, 'static', NULL, @p2, @p3, 'test', @p3, @p3, NULL)", RawSql.Id(tenantId), RawSql.Id(segment), (long)Audience, now);
        // Multi-row inserts, 200 people a statement: seeding stays a small part of the test even on a loaded machine.
        for (var start = 0; start < Audience; start += 200)
        {
            var ids = Enumerable.Range(start, Math.Min(200, Audience - start)).Select(i => (I: i, Id: RawSql.Id(Guid.CreateVersion7()))).ToList();
            await conn.ExecuteAsync("INSERT INTO contacts (tenant_id, id, email, first_name, attributes_json, match_key, created_at, updated_at) VALUES " +
                string.Join(", ", ids.Select((x, k) => $"(@p0, @p{k + 2}, 'person{x.I}@launch-crash.test', 'Person{x.I}', '{{}}', 'person{x.I}@launch-crash.test', @p1, @p1)")),
                [RawSql.Id(tenantId), now, .. ids.Select(x => x.Id)]);
            await conn.ExecuteAsync("INSERT INTO contact_consents (tenant_id, contact_id, channel, status, source, legal_basis, updated_at) VALUES " +
                string.Join(", ", ids.Select((_, k) => $"(@p0, @p{k + 2}, 'email', 'opted_in', 'test', 'consent', @p1)")),
                [RawSql.Id(tenantId), now, .. ids.Select(x => x.Id)]);
            await conn.ExecuteAsync("INSERT INTO segment_members (tenant_id, segment_id, contact_id, added_at) VALUES " +
                string.Join(", ", ids.Select((_, k) => $"(@p0, @p1, @p{k + 3}, @p2)")),
                [RawSql.Id(tenantId), RawSql.Id(segment), now, .. ids.Select(x => x.Id)]);
        }
        await conn.ExecuteAsync("COMMIT");
        return segment;
    }

    private static async Task<long> CountAsync(ScratchDatabase database, string sql)
    {
        await using var conn = await database.OpenAsync();
        return await conn.ScalarAsync<long>(sql);
    }
}
