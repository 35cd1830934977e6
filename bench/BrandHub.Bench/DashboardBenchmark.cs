using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using BrandHub;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BrandHub.Bench;

/// <summary>
/// <c>dashboard</c>: <c>GET /api/v1/marketing/analytics/dashboard</c> over 90 days for a tenant with E tracked events
/// (visits over eight channels, ~4 % of visits buying, ad spend every day), against a BrandHub node in its own process:
/// warm-up, then N requests, p50 / p95 / p99. Baseline in the same run: the same request for a tenant with no events.
/// Also reports the rollup: a rebuild from the raw events, and one incremental run after a minute's worth of new events.
/// The data set can be kept between runs (<c>--keep</c>).
/// </summary>
public static class DashboardBenchmark
{
    private static readonly (string Channel, string? Source, string? Medium, string? Campaign, string? Referrer, bool Gclid, double Share)[] Channels =
    [
        ("paid_search", null, null, "brand", null, true, 0.25), ("paid_social", "facebook", "paid_social", "xmas", null, false, 0.15),
        ("organic_search", null, null, null, "https://www.google.ro/", false, 0.2), ("email", "newsletter", "email", "weekly", null, false, 0.12),
        ("organic_social", null, null, null, "https://www.instagram.com/", false, 0.08), ("referral", null, null, null, "https://blog.example.org/", false, 0.05),
        ("sms", "brandhub", "sms", "flash", null, false, 0.03), ("direct", null, null, null, null, false, 0.12),
    ];

    public static async Task<string> RunAsync(string provider, int events, int requests, bool keep)
    {
        var name = $"dashboard-{events}";
        var marker = Path.Combine(BenchDatabase.KeptDir(provider, name), "generated.json");
        await using var db = keep ? await BenchDatabase.OpenKeptAsync(provider, name, reset: !File.Exists(marker)) : await BenchDatabase.CreateAsync(provider);
        var reuse = keep && File.Exists(marker);
        var settings = db.HostSettings();
        settings["BrandHub:Delivery:Enabled"] = "false";
        settings["BrandHub:Analytics:RollupEnabled"] = "false";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        await BrandHubApp.MigrateAsync(app.Services);
        await app.StartAsync();
        double generateSeconds = 0, rebuildSeconds, incrementalSeconds;
        int rebuildDays, incrementalDays;
        Guid tenantId, emptyTenant;
        try
        {
            if (!reuse)
            {
                (await ImportBenchmark.SignedInClientAsync(app)).Dispose();
                var sw = Stopwatch.StartNew();
                await GenerateAsync(db, await TenantAsync(db, "Bench"), events);
                generateSeconds = sw.Elapsed.TotalSeconds;
                await app.Services.GetRequiredService<TenantProvisioning>().CreateTenantAsync("Empty", "empty@bench.test", "bench-password-1");
            }
            tenantId = await TenantAsync(db, "Bench");
            emptyTenant = await TenantAsync(db, "Empty");
            if (keep && !reuse) await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(new { events, generatedAt = DateTimeOffset.UtcNow, generateSeconds }));
            else if (reuse) generateSeconds = JsonDocument.Parse(await File.ReadAllTextAsync(marker)).RootElement.GetProperty("generateSeconds").GetDouble();

            (rebuildSeconds, rebuildDays) = await RollupAsync(app, tenantId, rebuild: true);
            await AddMinuteAsync(db, tenantId);
            (incrementalSeconds, incrementalDays) = await RollupAsync(app, tenantId, rebuild: false);
            await RollupAsync(app, emptyTenant, rebuild: true);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        using var node = await DispatchNode.StartAsync(db, new Dictionary<string, string?> { ["BrandHub:Delivery:Enabled"] = "false", ["BrandHub:Analytics:RollupEnabled"] = "false" });
        var to = DateOnly.FromDateTime(DateTime.UtcNow);
        var path = $"/api/v1/marketing/analytics/dashboard?from={to.AddDays(-89):yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var full = await TimeAsync(node.BaseUrl, "bench@bench.test", path, requests);
        var empty = await TimeAsync(node.BaseUrl, "empty@bench.test", path, requests);
        return JsonSerializer.Serialize(new
        {
            scenario = "dashboard", provider, events, days = 90, requests, generation = reuse ? "reused" : "generated", generateSeconds = Math.Round(generateSeconds, 1),
            rollupRebuildSeconds = Math.Round(rebuildSeconds, 1), rollupRebuildDays = rebuildDays,
            rollupIncrementalSeconds = Math.Round(incrementalSeconds, 2), rollupIncrementalDays = incrementalDays,
            p50Ms = full.P50, p95Ms = full.P95, p99Ms = full.P99, revenue = full.Revenue,
            baseline = "the same request for a tenant with no events", baselineP50Ms = empty.P50, baselineP95Ms = empty.P95, baselineP99Ms = empty.P99,
            peakWorkingSetMb = node.PeakWorkingSetMb(), load = File.ReadAllText("/proc/loadavg").Trim(),
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    private static async Task<(double Seconds, int Days)> RollupAsync(WebApplication app, Guid tenantId, bool rebuild)
    {
        using var scope = TenantWork.Begin(app.Services, tenantId, "bench");
        var rollup = scope.ServiceProvider.GetRequiredService<AnalyticsRollup>();
        var settings = await rollup.SettingsAsync(default);
        if (rebuild) settings.RollupBuiltFor = null;
        var sw = Stopwatch.StartNew();
        var run = await rollup.RunAsync(default);
        return (sw.Elapsed.TotalSeconds, run.Days);
    }

    private sealed record Timing(double P50, double P95, double P99, decimal Revenue);

    private static async Task<Timing> TimeAsync(string baseUrl, string email, string path, int requests)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        var token = (await (await http.PostAsync("/api/v1/auth/token", JsonContent(new { email, password = "bench-password-1" }))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var times = new List<double>();
        decimal revenue = 0;
        for (var i = 0; i < requests + 10; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} → {(int)response.StatusCode}: {body}");
            if (i >= 10) times.Add(sw.Elapsed.TotalMilliseconds);
            revenue = JsonDocument.Parse(body).RootElement.GetProperty("totals").GetProperty("kpis").GetProperty("revenue").GetDecimal();
        }
        times.Sort();
        double At(double q) => Math.Round(times[(int)Math.Min(times.Count - 1, Math.Ceiling(q * times.Count) - 1)], 1);
        return new Timing(At(0.5), At(0.95), At(0.99), revenue);
    }

    private static JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    private static async Task<Guid> TenantAsync(BenchDatabase db, string name)
    {
        await using var conn = await SegmentDataSet.OpenAsync(db);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT id FROM tenants WHERE name = '{name}'";
        var id = await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No tenant {name}.");
        return id is Guid g ? g : Guid.Parse((string)id);
    }

    private sealed record Row(Guid Id, string EventId, string Type, DateTimeOffset At, string Anonymous, string? Url, string? Referrer, string? Source, string? Medium,
        string? Campaign, string? ClickKind, string? ClickId, string Channel, string SourceName, decimal? Revenue, string? OrderId);

    /// <summary>Visitors with one to three visits over 90 days, one to five page views each, about 4 % of visits ending in a purchase.</summary>
    private static IEnumerable<Row> Traffic(int events, DateTimeOffset now, int seed, string prefix)
    {
        var random = new Random(seed);
        var produced = 0;
        for (var visitor = 0; produced < events; visitor++)
        {
            var anonymous = $"{prefix}{visitor}";
            for (var visit = random.Next(1, 4); visit > 0 && produced < events; visit--)
            {
                var x = random.NextDouble();
                var c = Channels.First(ch => (x -= ch.Share) <= 0 || ch.Channel == "direct");
                var at = now.AddSeconds(-random.Next(60, 90 * 86400));
                var url = "https://shop.bench.test/" + (c.Source is null ? "" : $"?utm_source={c.Source}&utm_medium={c.Medium}&utm_campaign={c.Campaign}") + (c.Gclid ? "?gclid=g" : "");
                for (var page = random.Next(1, 6); page > 0 && produced < events; page--, produced++)
                {
                    var first = page > 0 && url.Length > 0;
                    yield return new Row(Guid.CreateVersion7(at), Guid.NewGuid().ToString("N"), "page_view", at, anonymous, url, c.Referrer, c.Source, c.Medium, c.Campaign,
                        c.Gclid ? "gclid" : null, c.Gclid ? "g" : null, c.Channel, c.Source ?? (c.Referrer is null ? "(direct)" : new Uri(c.Referrer).Host.Replace("www.", "")), null, null);
                    at = at.AddSeconds(random.Next(10, 300));
                    url = "https://shop.bench.test/p/" + random.Next(500);
                    c = c with { Source = null, Medium = null, Campaign = null, Referrer = "https://shop.bench.test/", Gclid = false };
                }
                if (produced < events && random.NextDouble() < 0.04)
                {
                    produced++;
                    yield return new Row(Guid.CreateVersion7(at), Guid.NewGuid().ToString("N"), "purchase", at.AddMinutes(2), anonymous, "https://shop.bench.test/done", null, null, null, null,
                        null, null, "direct", "(direct)", random.Next(3000, 60000) / 100m, Guid.NewGuid().ToString("N")[..12]);
                }
            }
        }
    }

    private static async Task GenerateAsync(BenchDatabase db, Guid tenantId, int events)
    {
        var now = DateTimeOffset.UtcNow;
        await InsertAsync(db, tenantId, Traffic(events, now, 1, "v"), now.AddHours(-1)); // received well before the rollup's watermark
        // Ad spend every day for the paid channels.
        await using var conn = await SegmentDataSet.OpenAsync(db);
        for (var d = 0; d < 90; d++)
            foreach (var (channel, amount) in new[] { ("paid_search", 900m), ("paid_social", 600m) })
            {
                await using var cmd = conn.CreateCommand();
                var pg = db.Provider == "postgres";
                cmd.CommandText = (pg ? "SET app.bypass_rls = 'on'; " : "") +
                    "INSERT INTO marketing_costs (tenant_id, day, channel, campaign, amount, currency, source, updated_at, updated_by) VALUES (@t, @d, @c, '', @a, 'RON', 'bench', @d, 'bench')";
                var day = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-d).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                SegmentDataSet.Add(cmd, "t", pg ? tenantId : tenantId.ToString().ToUpperInvariant());
                SegmentDataSet.Add(cmd, "d", pg ? day : day.ToUnixTimeMilliseconds());
                SegmentDataSet.Add(cmd, "c", channel);
                SegmentDataSet.Add(cmd, "a", pg ? amount : (long)(amount * 10_000));
                await cmd.ExecuteNonQueryAsync();
            }
    }

    /// <summary>A minute of traffic at 10,000 events a minute, received now: what one incremental rollup run takes in.</summary>
    private static Task AddMinuteAsync(BenchDatabase db, Guid tenantId)
    {
        var now = DateTimeOffset.UtcNow;
        return InsertAsync(db, tenantId, Traffic(10_000, now, Environment.TickCount, $"m{now.ToUnixTimeSeconds()}-").Select(r => r with { At = now.AddSeconds(-Random.Shared.Next(1, 60)) }), now);
    }

    private const string Columns = "tenant_id, id, event_id, type, name, occurred_at, received_at, anonymous_id, contact_id, url, referrer, utm_source, utm_medium, " +
        "utm_campaign, utm_term, utm_content, click_kind, click_id, delivery_id, channel, source, revenue, currency, order_id, properties_json";

    private static async Task InsertAsync(BenchDatabase db, Guid tenantId, IEnumerable<Row> rows, DateTimeOffset received)
    {
        if (db.Provider == "postgres")
        {
            // COPY is refused on tables with row-level security, so 20,000-row INSERTs of unnested arrays (as the app's writer does).
            await using var conn = new NpgsqlConnection(db.Connection);
            await conn.OpenAsync();
            await new NpgsqlCommand("SET app.bypass_rls = 'on'", conn).ExecuteNonQueryAsync();
            foreach (var chunk in rows.Chunk(20_000))
            {
                await using var insert = new NpgsqlCommand($$"""
                    INSERT INTO track_events ({{Columns}})
                    SELECT @t, i, e, ty, ty, a, @r, an, NULL, u, rf, us, um, uc, NULL, NULL, ck, ci, NULL, ch, s, rv, cu, o, '{}'::jsonb
                    FROM unnest(@i, @e, @ty, @a, @an, @u, @rf, @us, @um, @uc, @ck, @ci, @ch, @s, @rv, @cu, @o)
                         AS x(i, e, ty, a, an, u, rf, us, um, uc, ck, ci, ch, s, rv, cu, o)
                    """, conn);
                insert.Parameters.AddWithValue("t", tenantId);
                insert.Parameters.AddWithValue("r", received);
                insert.Parameters.AddWithValue("i", chunk.Select(r => r.Id).ToArray());
                insert.Parameters.AddWithValue("e", chunk.Select(r => r.EventId).ToArray());
                insert.Parameters.AddWithValue("ty", chunk.Select(r => r.Type).ToArray());
                insert.Parameters.AddWithValue("a", chunk.Select(r => r.At).ToArray());
                insert.Parameters.AddWithValue("an", chunk.Select(r => r.Anonymous).ToArray());
                insert.Parameters.Add(new NpgsqlParameter("u", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => (object?)r.Url ?? DBNull.Value).ToArray() });
                foreach (var (name, pick) in new (string, Func<Row, string?>)[] { ("rf", r => r.Referrer), ("us", r => r.Source), ("um", r => r.Medium), ("uc", r => r.Campaign),
                             ("ck", r => r.ClickKind), ("ci", r => r.ClickId), ("cu", r => r.Revenue is null ? null : "RON"), ("o", r => r.OrderId) })
                    insert.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = chunk.Select(r => (object?)pick(r) ?? DBNull.Value).ToArray() });
                insert.Parameters.AddWithValue("ch", chunk.Select(r => r.Channel).ToArray());
                insert.Parameters.AddWithValue("s", chunk.Select(r => r.SourceName).ToArray());
                insert.Parameters.Add(new NpgsqlParameter("rv", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = chunk.Select(r => (object?)r.Revenue ?? DBNull.Value).ToArray() });
                await insert.ExecuteNonQueryAsync();
            }
            return;
        }
        await using var sqlite = new SqliteConnection(db.Connection);
        await sqlite.OpenAsync();
        var names = Columns.Split(", ");
        DbTransaction? tx = null;
        await using var cmd = sqlite.CreateCommand();
        cmd.CommandText = $"INSERT INTO track_events ({Columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))})";
        var p = names.ToDictionary(n => n, n => { var x = cmd.CreateParameter(); x.ParameterName = "@" + n; cmd.Parameters.Add(x); return x; });
        var count = 0;
        foreach (var r in rows)
        {
            if (count++ % 50_000 == 0) { if (tx is not null) await tx.CommitAsync(); tx = await sqlite.BeginTransactionAsync(); cmd.Transaction = (SqliteTransaction)tx; }
            p["tenant_id"].Value = tenantId.ToString().ToUpperInvariant(); p["id"].Value = r.Id.ToString().ToUpperInvariant(); p["event_id"].Value = r.EventId;
            p["type"].Value = r.Type; p["name"].Value = r.Type; p["occurred_at"].Value = r.At.ToUnixTimeMilliseconds(); p["received_at"].Value = received.ToUnixTimeMilliseconds();
            p["anonymous_id"].Value = r.Anonymous; p["contact_id"].Value = DBNull.Value; p["url"].Value = (object?)r.Url ?? DBNull.Value; p["referrer"].Value = (object?)r.Referrer ?? DBNull.Value;
            p["utm_source"].Value = (object?)r.Source ?? DBNull.Value; p["utm_medium"].Value = (object?)r.Medium ?? DBNull.Value; p["utm_campaign"].Value = (object?)r.Campaign ?? DBNull.Value;
            p["utm_term"].Value = DBNull.Value; p["utm_content"].Value = DBNull.Value; p["click_kind"].Value = (object?)r.ClickKind ?? DBNull.Value; p["click_id"].Value = (object?)r.ClickId ?? DBNull.Value;
            p["delivery_id"].Value = DBNull.Value; p["channel"].Value = r.Channel; p["source"].Value = r.SourceName;
            p["revenue"].Value = r.Revenue is { } rv ? (long)(rv * 10_000) : DBNull.Value; p["currency"].Value = r.Revenue is null ? DBNull.Value : "RON";
            p["order_id"].Value = (object?)r.OrderId ?? DBNull.Value; p["properties_json"].Value = "{}";
            await cmd.ExecuteNonQueryAsync();
        }
        if (tx is not null) await tx.CommitAsync();
    }
}
