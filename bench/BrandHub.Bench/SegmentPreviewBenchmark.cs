using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>
/// <c>segment-preview</c>: the live audience preview (<c>POST /api/v1/marketing/audiences/preview</c> with criteria:
/// size, reach per channel and a sample) of five representative criteria over N contacts and E events
/// (<see cref="SegmentDataSet"/>), timed end to end against a BrandHub node running as its own process: warm-up, then
/// several runs, median and p95. Baseline, same run and database, interleaved with the preview runs: the hand-written
/// SQL counting the same set (on PostgreSQL under the same row-level security, as the app's role); both must give
/// the same count.
/// </summary>
public static class SegmentPreviewBenchmark
{
    private sealed record Case(string Key, string Description, object Criteria, string Baseline);

    public static async Task<string> RunAsync(string provider, int contacts, int events, bool keep, int runs, int warmUp = 2)
    {
        var name = $"segbench-{contacts}-{events}";
        var marker = Path.Combine(BenchDatabase.KeptDir(provider, name), "generated.json");
        await using var db = keep ? await BenchDatabase.OpenKeptAsync(provider, name, reset: !File.Exists(marker)) : await BenchDatabase.CreateAsync(provider);
        var reuse = keep && File.Exists(marker);
        var migrateSw = Stopwatch.StartNew();
        await SetUpAsync(db, createTenant: !reuse);
        var migrateSeconds = migrateSw.Elapsed.TotalSeconds; // on a kept database: the new migrations (e.g. indexes) applied to it
        var tenantId = await TenantAsync(db);
        JsonElement generation;
        if (reuse) generation = JsonDocument.Parse(await File.ReadAllTextAsync(marker)).RootElement;
        else
        {
            NpgsqlConnection.ClearAllPools();
            SqliteConnection.ClearAllPools();
            var sw = Stopwatch.StartNew();
            var phases = await SegmentDataSet.GenerateAsync(db, tenantId, contacts, events, DateTimeOffset.UtcNow);
            var text = JsonSerializer.Serialize(new
            {
                contacts, events, generatedAt = DateTimeOffset.UtcNow, seconds = Math.Round(sw.Elapsed.TotalSeconds, 1), phases,
                load = File.ReadAllText("/proc/loadavg").Trim(),
            });
            if (keep) await File.WriteAllTextAsync(marker, text);
            generation = JsonDocument.Parse(text).RootElement;
        }

        var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
        var node = await DispatchNode.StartAsync(db, new Dictionary<string, string?> { ["BrandHub:Delivery:Enabled"] = "false" });
        var results = new List<object>();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
            await ImportBenchmark.SignInAsync(http);
            await using var conn = await SegmentDataSet.OpenAsync(db);
            if (db.Provider == "postgres")
                await Execute(conn, $"SELECT set_config('app.tenant_id', '{tenantId}', false)");
            foreach (var c in Cases(db.Provider == "postgres"))
            {
                var preview = new List<double>();
                var baseline = new List<double>();
                long size = 0, count = 0;
                JsonElement reach = default;
                int sample = 0;
                for (var i = 0; i < warmUp + runs; i++)
                {
                    var sw = Stopwatch.StartNew();
                    var result = await PreviewAsync(http, c.Criteria);
                    var previewMs = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    count = await CountAsync(conn, c.Baseline, tenantId, db.Provider == "postgres");
                    var baselineMs = sw.Elapsed.TotalMilliseconds;
                    size = result.GetProperty("size").GetInt64();
                    reach = result.GetProperty("reach").Clone();
                    sample = result.GetProperty("sample").GetArrayLength();
                    if (i < warmUp) continue;
                    preview.Add(previewMs);
                    baseline.Add(baselineMs);
                }
                // "Within the last N days" moves with the clock: an event may cross the edge between the two statements, so one re-check.
                if (size != count)
                {
                    size = (await PreviewAsync(http, c.Criteria)).GetProperty("size").GetInt64();
                    count = await CountAsync(conn, c.Baseline, tenantId, db.Provider == "postgres");
                    if (size != count) throw new InvalidOperationException($"{c.Key}: the preview says {size}, the hand-written query {count}.");
                }
                if (sample != Math.Min(size, 10)) throw new InvalidOperationException($"{c.Key}: a sample of {sample} for {size} contacts.");
                var (pm, p95) = (Median(preview), P95(preview));
                var (bm, b95) = (Median(baseline), P95(baseline));
                Console.Error.WriteLine($"[segment-preview] {provider} {c.Key}: size {size:N0}, preview median {pm:0} ms p95 {p95:0} ms, " +
                                        $"hand-written median {bm:0} ms p95 {b95:0} ms, ×{pm / bm:0.00}");
                results.Add(new
                {
                    criterion = c.Key, c.Description, size, reach,
                    previewMedianMs = Math.Round(pm), previewP95Ms = Math.Round(p95),
                    baselineMedianMs = Math.Round(bm), baselineP95Ms = Math.Round(b95),
                    previewVsBaseline = Math.Round(pm / bm, 2),
                });
            }
        }
        finally { node.Dispose(); }

        return JsonSerializer.Serialize(new
        {
            scenario = "segment-preview", provider, contacts, events, runs, warmUp,
            generation = reuse ? "reused" : "generated", generationSeconds = generation.GetProperty("seconds").GetDouble(),
            generatedAt = generation.GetProperty("generatedAt").GetString(), generationPhases = generation.GetProperty("phases"),
            migrateSeconds = Math.Round(migrateSeconds, 1),
            baseline = "hand-written SQL counting the same set (same role and row-level security), interleaved with the preview runs",
            criteria = results,
            loadBefore, loadAfter = File.ReadAllText("/proc/loadavg").Trim(),
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>
    /// The five criteria and, for each, the query a person would write for the same set. <c>@t</c> is the tenant,
    /// <c>@since90</c> / <c>@since30</c> now minus 90 / 30 days, <c>@before</c> midnight UTC 180 days ago.
    /// </summary>
    private static IEnumerable<Case> Cases(bool pg)
    {
        const string Live = "c.tenant_id = @t AND c.deleted_at IS NULL AND c.merged_into_id IS NULL";
        const string EmailConsent = "JOIN contact_consents cc ON cc.tenant_id = c.tenant_id AND cc.contact_id = c.id AND cc.channel = 'email' AND cc.status = 'opted_in'";
        var before = BeforeDay().ToString("yyyy-MM-dd");
        yield return new("1-country-and-consent", "country = RO AND email consent",
            new { all = new object[] { new { field = "country", op = "eq", value = "RO" }, new { consent = "email" } } },
            $"SELECT count(*) FROM contacts c {EmailConsent} WHERE {Live} AND c.country = 'RO'");
        yield return new("2-purchases-90d", "did purchase ≥ 2 times in the last 90 days",
            new { @event = "purchase", op = "countGte", value = 2, withinLastDays = 90 },
            $"SELECT count(*) FROM (SELECT e.contact_id FROM contact_events e WHERE e.tenant_id = @t AND e.name = 'purchase' AND e.occurred_at >= @since90 " +
            $"GROUP BY e.contact_id HAVING count(*) >= 2) p JOIN contacts c ON c.tenant_id = @t AND c.id = p.contact_id WHERE {Live}");
        yield return new("3-revenue-not-vip", "metrics.revenue > 500 AND NOT tag 'vip'",
            new { all = new object[] { new { field = "metrics.revenue", op = "gt", value = 500 }, new { not = new { field = "tags", op = "contains", value = "vip" } } } },
            $"SELECT count(*) FROM contact_metrics m JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id WHERE m.tenant_id = @t AND {Live} " +
            $"AND m.revenue > {(pg ? "500" : "5000000")} AND NOT EXISTS (SELECT 1 FROM contact_tags tg WHERE tg.tenant_id = c.tenant_id AND tg.contact_id = c.id AND tg.tag = 'vip')");
        yield return new("4-city-or-plan-customers", "any of [city in (Cluj-Napoca, Timisoara), attributes.plan = 'pro'] AND lifecycleStage = customer",
            new
            {
                all = new object[]
                {
                    new { any = new object[] { new { field = "city", op = "in", value = new[] { "Cluj-Napoca", "Timisoara" } }, new { field = "attributes.plan", op = "eq", value = "pro" } } },
                    new { field = "lifecycleStage", op = "eq", value = "customer" },
                },
            },
            $"SELECT count(*) FROM contacts c WHERE {Live} AND c.lifecycle_stage = 'customer' " +
            // Free-text fields match case-insensitively in BrandHub (a marketer types "cluj-napoca"); the baseline says the same.
            $"AND (lower(c.city) IN ('cluj-napoca', 'timisoara') OR lower({(pg ? "c.attributes_json ->> 'plan'" : "json_extract(c.attributes_json, '$.plan')")}) = 'pro')");
        yield return new("5-lapsed-old-opted-in", $"did not login in the last 30 days AND createdAt before {before} (180 days ago) AND email consent",
            new { all = new object[] { new { @event = "login", op = "none", withinLastDays = 30 }, new { field = "createdAt", op = "before", value = before }, new { consent = "email" } } },
            $"SELECT count(*) FROM contacts c {EmailConsent} WHERE {Live} AND c.created_at < @before " +
            "AND NOT EXISTS (SELECT 1 FROM contact_events e WHERE e.tenant_id = c.tenant_id AND e.contact_id = c.id AND e.name = 'login' AND e.occurred_at >= @since30)");
    }

    private static DateOnly BeforeDay() => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-180);

    private static async Task<JsonElement> PreviewAsync(HttpClient http, object criteria)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/marketing/audiences/preview", new { criteria });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"preview → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<long> CountAsync(DbConnection conn, string sql, Guid tenantId, bool pg)
    {
        var now = DateTimeOffset.UtcNow;
        var before = new DateTimeOffset(BeforeDay().ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        SegmentDataSet.Add(cmd, "t", pg ? tenantId : tenantId.ToString().ToUpperInvariant());
        SegmentDataSet.Add(cmd, "since90", pg ? now.AddDays(-90) : now.AddDays(-90).ToUnixTimeMilliseconds());
        SegmentDataSet.Add(cmd, "since30", pg ? now.AddDays(-30) : now.AddDays(-30).ToUnixTimeMilliseconds());
        SegmentDataSet.Add(cmd, "before", pg ? before : before.ToUnixTimeMilliseconds());
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task Execute(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>An in-process host applies the migrations (and creates the bench tenant on a new database), then stops.</summary>
    private static async Task SetUpAsync(BenchDatabase db, bool createTenant)
    {
        var settings = db.HostSettings();
        settings["BrandHub:Delivery:Enabled"] = "false";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        await BrandHubApp.MigrateAsync(app.Services);
        await app.StartAsync();
        try
        {
            if (createTenant) (await ImportBenchmark.SignedInClientAsync(app)).Dispose();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<Guid> TenantAsync(BenchDatabase db)
    {
        await using var conn = await SegmentDataSet.OpenAsync(db);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT id FROM tenants";
        var id = await cmd.ExecuteScalarAsync();
        return id is Guid g ? g : Guid.Parse((string)id!);
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static double P95(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[Math.Max(0, (int)Math.Ceiling(0.95 * s.Count) - 1)];
    }
}
