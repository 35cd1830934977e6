using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>
/// <c>campaign-launch</c>: an email campaign to a static segment of N opted-in contacts, launched through the API of a
/// BrandHub node running as its own process (dispatcher off, so only queueing is measured), until the launch job has
/// queued one delivery per member: wall time from <c>POST /launch</c> to <c>queued == audience</c>, deliveries/s, the
/// node's peak memory. Baseline, same run and database: one hand-written <c>INSERT INTO deliveries … SELECT … FROM
/// contacts</c> over the same audience (plus one history row each) into a scratch copy of the two tables.
/// </summary>
public static class CampaignLaunchBenchmark
{
    public static async Task<string> RunAsync(string provider, int contacts, int? chunkSize)
    {
        await using var db = await BenchDatabase.CreateAsync(provider);
        var tenantId = await SetUpTenantAsync(db);
        var sw = Stopwatch.StartNew();
        var segmentId = await GenerateAudienceAsync(db, tenantId, contacts);
        var generateSeconds = sw.Elapsed.TotalSeconds;

        var extra = new Dictionary<string, string?> { ["BrandHub:Delivery:Enabled"] = "false" };
        if (chunkSize is { } size) extra["BrandHub:Campaigns:LaunchChunkSize"] = size.ToString();
        var node = await DispatchNode.StartAsync(db, extra);
        double launchSeconds, cpuSeconds;
        long peakMb, queued, deliveries, history;
        JsonElement progress;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
            await ImportBenchmark.SignInAsync(http);
            var campaign = await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Post, "/api/v1/marketing/campaigns", new
            {
                name = "Bench launch", goal = "conversion", timezone = "Europe/Bucharest",
                audience = new { segmentIds = new[] { segmentId }, excludeSegmentIds = Array.Empty<Guid>() },
            });
            var id = campaign.GetProperty("id").GetGuid();
            await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Post, $"/api/v1/marketing/campaigns/{id}/steps", new
            {
                channel = "email", name = "Announcement",
                content = new { subject = "Hello {{default contact.firstName \"there\"}}", html = "<p>Hi {{default contact.firstName \"there\"}}, <a href=\"https://shop.bench.example.com/sale\">shop</a></p>" },
            });

            var cpuAtStart = node.CpuSeconds();
            sw.Restart();
            await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Post, $"/api/v1/marketing/campaigns/{id}/launch", new { });
            // Polled straight from the run's checkpoint row (what /progress reports as queued and audience) so the poll costs
            // nothing; /progress itself groups every delivery of the campaign and is read once, at the end, to confirm.
            while (true)
            {
                await Task.Delay(100);
                if (node.Process.HasExited) throw new InvalidOperationException("The node exited: " + node.Output);
                if (await db.ScalarAsync("SELECT count(*) FROM campaign_runs WHERE status = 'queued' AND queued = audience") > 0) break;
                if (sw.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("The launch did not finish in 30 minutes.");
            }
            launchSeconds = sw.Elapsed.TotalSeconds;
            cpuSeconds = node.CpuSeconds() - cpuAtStart;
            peakMb = node.PeakWorkingSetMb();
            progress = await http.GetFromJsonAsync<JsonElement>($"/api/v1/marketing/campaigns/{id}/progress");
            queued = progress.GetProperty("queued").GetInt64();
            if (queued != contacts || progress.GetProperty("audience").GetInt64() != contacts)
                throw new InvalidOperationException($"Progress does not show every contact queued: {progress}");
        }
        finally { node.Dispose(); }
        deliveries = await db.ScalarAsync("SELECT count(*) FROM deliveries WHERE status = 'queued'");
        history = await db.ScalarAsync("SELECT count(*) FROM delivery_transitions");
        if (deliveries != contacts || history != contacts) throw new InvalidOperationException($"{deliveries} deliveries and {history} history rows for {contacts} contacts.");

        var baseline = await BaselineAsync(db, tenantId, segmentId, contacts);
        return JsonSerializer.Serialize(new
        {
            scenario = "campaign-launch", provider, contacts, chunkSize = chunkSize ?? 5000,
            generateSeconds = Math.Round(generateSeconds, 1),
            launchSeconds = Math.Round(launchSeconds, 2), deliveriesPerSecond = (int)(contacts / launchSeconds),
            nodeCpuSeconds = Math.Round(cpuSeconds, 1), peakWorkingSetMb = peakMb,
            baseline = "INSERT INTO deliveries … SELECT … FROM contacts (+ history) into a scratch copy, one transaction",
            baselineSeconds = Math.Round(baseline, 2), baselineRowsPerSecond = (int)(contacts / baseline),
            launchVsBaseline = Math.Round(launchSeconds / baseline, 1),
            load = File.ReadAllText("/proc/loadavg").Trim(),
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>An in-process host migrates, creates the tenant and configures its SMTP sender (nothing is sent), then stops.</summary>
    private static async Task<Guid> SetUpTenantAsync(BenchDatabase db)
    {
        var settings = db.HostSettings();
        settings["BrandHub:Delivery:Enabled"] = "false";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        await BrandHubApp.MigrateAsync(app.Services);
        await app.StartAsync();
        try
        {
            using var http = await ImportBenchmark.SignedInClientAsync(app);
            await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Put, "/api/v1/channels/email/settings", new
            {
                provider = "smtp", host = "127.0.0.1", port = 2525, security = "none",
                fromEmail = "news@bench.example.com", fromName = "Bench News", maxConnections = 4,
            });
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        var tenant = await QueryAsync(db, "SELECT id FROM tenants");
        return tenant is Guid g ? g : Guid.Parse((string)tenant!);
    }

    /// <summary>
    /// N contacts (ids in id order, as UUID v7 would be), each opted in to email, and a static segment holding all of them,
    /// written with set-based SQL in the storage formats the modules use (uuid / upper-case TEXT ids, timestamptz / Unix ms).
    /// </summary>
    private static async Task<Guid> GenerateAudienceAsync(BenchDatabase db, Guid tenantId, int n)
    {
        var segmentId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        if (db.Provider == "postgres")
        {
            const string Id = "('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid";
            await ExecuteAsync(db, $$"""
                SET app.bypass_rls = 'on';
                INSERT INTO contacts (tenant_id, id, email, first_name, last_name, city, attributes_json, match_key, created_at, updated_at)
                SELECT @t, {{Id}}, 'user' || i || '@bench.example.com', 'Ana', 'Popescu', 'Iasi', '{}', 'popescu', @now, @now FROM generate_series(1, @n) i;
                INSERT INTO contact_consents (tenant_id, contact_id, channel, status, source, legal_basis, updated_at)
                SELECT @t, {{Id}}, 'email', 'opted_in', 'bench', 'consent', @now FROM generate_series(1, @n) i;
                INSERT INTO segments (tenant_id, id, name, type, member_count, refreshed_at, created_by, created_at, updated_at)
                VALUES (@t, @s, 'Everyone (bench)', 'static', @n, @now, 'bench', @now, @now);
                INSERT INTO segment_members (tenant_id, segment_id, contact_id, added_at)
                SELECT @t, @s, {{Id}}, @now FROM generate_series(1, @n) i;
                """, ("t", tenantId), ("s", segmentId), ("now", now), ("n", (long)n));
            // As autovacuum would leave a live database: the consent triggers rewrote every contact row (its masks), and
            // VACUUM clears the old versions and sets the visibility map. Its own statement: VACUUM refuses a transaction.
            await ExecuteAsync(db, "VACUUM ANALYZE contacts, contact_consents, segment_members");
        }
        else
        {
            const string Series = "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @n)";
            const string Id = "printf('01900000-0000-7000-8000-%012X', i)";
            await ExecuteAsync(db, $$"""
                {{Series}}
                INSERT INTO contacts (tenant_id, id, email, first_name, last_name, city, attributes_json, match_key, created_at, updated_at)
                SELECT @t, {{Id}}, 'user' || i || '@bench.example.com', 'Ana', 'Popescu', 'Iasi', '{}', 'popescu', @now, @now FROM s;
                {{Series}}
                INSERT INTO contact_consents (tenant_id, contact_id, channel, status, source, legal_basis, updated_at)
                SELECT @t, {{Id}}, 'email', 'opted_in', 'bench', 'consent', @now FROM s;
                INSERT INTO segments (tenant_id, id, name, type, member_count, refreshed_at, created_by, created_at, updated_at)
                VALUES (@t, @s, 'Everyone (bench)', 'static', @n, @now, 'bench', @now, @now);
                {{Series}}
                INSERT INTO segment_members (tenant_id, segment_id, contact_id, added_at)
                SELECT @t, @s, {{Id}}, @now FROM s;
                ANALYZE;
                """, ("t", Sqlite(tenantId)), ("s", Sqlite(segmentId)), ("now", now.ToUnixTimeMilliseconds()), ("n", (long)n));
        }
        return segmentId;
    }

    /// <summary>
    /// The raw database speed for the same rows: one INSERT … SELECT writing a queued delivery per audience member (same
    /// columns and values: idempotency key, template, campaign/step/variant, due time) and one writing their history
    /// rows, in one transaction, into scratch copies of the two tables with the same indexes.
    /// </summary>
    private static async Task<double> BaselineAsync(BenchDatabase db, Guid tenantId, Guid segmentId, int n)
    {
        var pg = db.Provider == "postgres";
        if (pg)
            await ExecuteAsync(db, """
                CREATE TABLE bench_deliveries (LIKE deliveries INCLUDING ALL);
                CREATE TABLE bench_delivery_transitions (LIKE delivery_transitions INCLUDING ALL);
                """);
        else
        {
            // Same tables and indexes, renamed.
            var ddl = new List<string>();
            await using (var conn = new SqliteConnection(db.Connection))
            {
                await conn.OpenAsync();
                await using var r = await new SqliteCommand("SELECT sql FROM sqlite_master WHERE tbl_name IN ('deliveries', 'delivery_transitions') AND sql IS NOT NULL", conn).ExecuteReaderAsync();
                while (await r.ReadAsync())
                    ddl.Add(r.GetString(0).Replace("delivery_transitions", "bench_delivery_transitions").Replace("deliveries", "bench_deliveries"));
            }
            await ExecuteAsync(db, string.Join(";\n", ddl));
        }
        // The launch's own values, so both write the same bytes.
        var template = (await QueryAsync(db, "SELECT template_id FROM deliveries LIMIT 1"))!;
        var step = (await QueryAsync(db, "SELECT step_id FROM deliveries LIMIT 1"))!;
        var variant = (await QueryAsync(db, "SELECT variant_id FROM deliveries LIMIT 1"))!;
        var campaign = (await QueryAsync(db, "SELECT campaign_id FROM deliveries LIMIT 1"))!;
        var now = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        if (pg)
        {
            await ExecuteAsync(db, """
                SET app.bypass_rls = 'on';
                BEGIN;
                INSERT INTO bench_deliveries (tenant_id, id, channel, category, contact_id, address, template_id, template_version, data_json, idempotency_key,
                    status, attempts, run_at, campaign_id, step_id, variant_id, created_at, updated_at)
                SELECT c.tenant_id, gen_random_uuid(), 'email', 'marketing', c.id, c.email, @template, 1, '{}',
                    'campaign:' || replace(@step::text, '-', '') || ':1:' || replace(c.id::text, '-', '') || ':' || replace(@variant::text, '-', ''),
                    'queued', 0, @now, @campaign, @step, @variant, @now, @now
                FROM contacts c
                WHERE c.tenant_id = @t AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                  AND c.id IN (SELECT sm.contact_id FROM segment_members sm WHERE sm.tenant_id = @t AND sm.segment_id = @s);
                INSERT INTO bench_delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail)
                SELECT tenant_id, id, gen_random_uuid(), NULL, 'queued', @now, 'Campaign Bench launch, run 1' FROM bench_deliveries;
                COMMIT;
                """, ("t", tenantId), ("s", segmentId), ("template", template), ("step", step), ("variant", variant), ("campaign", campaign), ("now", now));
        }
        else
        {
            const string Uuid = "upper(printf('%s-%s-7%s-%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), hex(randomblob(2)), hex(randomblob(6))))";
            await ExecuteAsync(db, $$"""
                BEGIN;
                INSERT INTO bench_deliveries (tenant_id, id, channel, category, contact_id, address, template_id, template_version, data_json, idempotency_key,
                    status, attempts, run_at, campaign_id, step_id, variant_id, created_at, updated_at)
                SELECT c.tenant_id, {{Uuid}}, 'email', 'marketing', c.id, c.email, @template, 1, '{}',
                    'campaign:' || lower(replace(@step, '-', '')) || ':1:' || lower(replace(c.id, '-', '')) || ':' || lower(replace(@variant, '-', '')),
                    'queued', 0, @now, @campaign, @step, @variant, @now, @now
                FROM contacts c
                WHERE c.tenant_id = @t AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                  AND c.id IN (SELECT sm.contact_id FROM segment_members sm WHERE sm.tenant_id = @t AND sm.segment_id = @s);
                INSERT INTO bench_delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail)
                SELECT tenant_id, id, {{Uuid}}, NULL, 'queued', @now, 'Campaign Bench launch, run 1' FROM bench_deliveries;
                COMMIT;
                """, ("t", Sqlite(tenantId)), ("s", Sqlite(segmentId)), ("template", template), ("step", step), ("variant", variant), ("campaign", campaign),
                ("now", now.ToUnixTimeMilliseconds()));
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var written = await db.ScalarAsync("SELECT count(*) FROM bench_deliveries");
        if (written != n) throw new InvalidOperationException($"The baseline wrote {written} rows, not {n}.");
        return seconds;
    }

    private static string Sqlite(Guid id) => id.ToString().ToUpperInvariant();

    private static async Task ExecuteAsync(BenchDatabase db, string sql, params (string Name, object Value)[] parameters)
    {
        if (db.Provider == "postgres")
        {
            await using var conn = new NpgsqlConnection(db.Connection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
            await cmd.ExecuteNonQueryAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(db.Connection);
        await sqlite.OpenAsync();
        await using var command = new SqliteCommand(sql, sqlite) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue("@" + name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> QueryAsync(BenchDatabase db, string sql)
    {
        if (db.Provider == "postgres")
        {
            await using var conn = new NpgsqlConnection(db.Connection);
            await conn.OpenAsync();
            await new NpgsqlCommand("SET app.bypass_rls = 'on'", conn).ExecuteNonQueryAsync();
            return await new NpgsqlCommand(sql, conn).ExecuteScalarAsync();
        }
        await using var sqlite = new SqliteConnection(db.Connection);
        await sqlite.OpenAsync();
        return await new SqliteCommand(sql, sqlite).ExecuteScalarAsync();
    }
}
