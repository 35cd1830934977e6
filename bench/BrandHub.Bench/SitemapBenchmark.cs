using System.Diagnostics;
using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Modules.Seo.Sitemaps;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>
/// Sitemap regeneration for N indexable catalogue pages (written straight into the database): a full run (every page
/// placed, every file written), then an incremental run after 1 % of the pages changed (a contiguous run of URLs, as a
/// category update does), then a run with nothing changed. Baseline in the same run: the same N URLs written as
/// sitemap XML and gzipped in memory, no database.
/// </summary>
public static class SitemapBenchmark
{
    public static async Task<string> RunAsync(string provider, int urls)
    {
        await using var db = await BenchDatabase.CreateAsync(provider);
        var settings = db.HostSettings();
        settings["BrandHub:Delivery:Enabled"] = "false";
        settings["BrandHub:Analytics:RollupEnabled"] = "false";
        settings["BrandHub:Jobs:Enabled"] = "false";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        await BrandHubApp.MigrateAsync(app.Services);
        var (created, _) = await app.Services.GetRequiredService<TenantProvisioning>().CreateTenantAsync("Bench", "bench@bench.test", "bench-password-1");
        var tenant = created!.Tenant.Id;
        var changedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var generate = Stopwatch.StartNew();
        await InsertPagesAsync(db, tenant, urls, changedAt);
        var generateSeconds = generate.Elapsed.TotalSeconds;

        async Task<(double Seconds, SeoSitemapRun Run)> RegenerateAsync()
        {
            using var scope = TenantWork.Begin(app.Services, tenant, "bench");
            var sw = Stopwatch.StartNew();
            var run = await scope.ServiceProvider.GetRequiredService<SitemapPublisher>().RegenerateAsync(default);
            return (sw.Elapsed.TotalSeconds, run);
        }
        var full = await RegenerateAsync();
        var changed = urls / 100;
        // URLs sort as their numbers do (zero-padded): a contiguous range is one category's worth of pages.
        await ExecAsync(db, $"UPDATE seo_pages SET content_changed_at = {(provider == "postgres" ? "now()" : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString())} " +
                            $"WHERE url >= '{Url(urls / 2)}' AND url < '{Url(urls / 2 + changed)}'");
        var incremental = await RegenerateAsync();
        var idle = await RegenerateAsync();

        var baseline = Stopwatch.StartNew();
        long gzBytes = 0;
        foreach (var chunk in Enumerable.Range(0, urls).Select(i => new SitemapEntry(Url(i), changedAt)).Chunk(SitemapXml.MaxUrls))
            gzBytes += SitemapXml.Gzip(SitemapXml.Urlset(chunk)).Length;
        var baselineSeconds = baseline.Elapsed.TotalSeconds;
        await app.DisposeAsync();

        return JsonSerializer.Serialize(new
        {
            scenario = "sitemap", provider, urls, generateSeconds = Math.Round(generateSeconds, 1),
            fullSeconds = Math.Round(full.Seconds, 2), fullFiles = full.Run.Files, fullRewritten = full.Run.Rewritten,
            incrementalChanged = changed, incrementalSeconds = Math.Round(incremental.Seconds, 2), incrementalRewritten = incremental.Run.Rewritten,
            unchangedSeconds = Math.Round(idle.Seconds, 2), unchangedRewritten = idle.Run.Rewritten,
            baseline = "the same URLs as sitemap XML, gzipped, in memory (no database)", baselineSeconds = Math.Round(baselineSeconds, 2), gzMb = Math.Round(gzBytes / 1048576.0, 1),
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    private static string Url(int i) => $"https://shop.bench.test/p/{i / 1000:000}/product-{i:0000000}";

    private static async Task InsertPagesAsync(BenchDatabase db, Guid tenant, int urls, DateTimeOffset changedAt)
    {
        const int batch = 20_000;
        for (var start = 0; start < urls; start += batch)
        {
            var n = Math.Min(batch, urls - start);
            if (db.Provider == "postgres")
            {
                await using var conn = new NpgsqlConnection(db.Connection);
                await conn.OpenAsync();
                await using (var set = new NpgsqlCommand("SELECT set_config('app.bypass_rls', 'on', false)", conn)) await set.ExecuteNonQueryAsync();
                await using var cmd = new NpgsqlCommand("""
                    INSERT INTO seo_pages (tenant_id, id, url, kind, images_json, attributes_json, status, indexable, canonical, content_changed_at, created_at, updated_at)
                    SELECT @t, gen_random_uuid(), u, 'product', '[]', '{}', 200, true, u, @c, @c, @c FROM unnest(@u::text[]) AS x(u)
                    """, conn);
                cmd.Parameters.AddWithValue("t", tenant);
                cmd.Parameters.AddWithValue("c", changedAt);
                cmd.Parameters.AddWithValue("u", Enumerable.Range(start, n).Select(Url).ToArray());
                await cmd.ExecuteNonQueryAsync();
            }
            else
            {
                await using var conn = new Microsoft.Data.Sqlite.SqliteConnection(db.Connection);
                await conn.OpenAsync();
                await using var tx = await conn.BeginTransactionAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "INSERT INTO seo_pages (tenant_id, id, url, kind, images_json, attributes_json, status, indexable, canonical, content_changed_at, created_at, updated_at) " +
                                  "VALUES ($t, $id, $u, 'product', '[]', '{}', 200, 1, $u, $c, $c, $c)";
                var (t, id, u, c) = (cmd.Parameters.Add("$t", Microsoft.Data.Sqlite.SqliteType.Text), cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text),
                    cmd.Parameters.Add("$u", Microsoft.Data.Sqlite.SqliteType.Text), cmd.Parameters.Add("$c", Microsoft.Data.Sqlite.SqliteType.Integer));
                t.Value = tenant.ToString().ToUpperInvariant();
                c.Value = changedAt.ToUnixTimeMilliseconds();
                for (var i = start; i < start + n; i++)
                {
                    id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                    u.Value = Url(i);
                    await cmd.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
        }
    }

    private static async Task ExecAsync(BenchDatabase db, string sql)
    {
        if (db.Provider == "postgres")
        {
            await using var conn = new NpgsqlConnection(db.Connection);
            await conn.OpenAsync();
            await using (var set = new NpgsqlCommand("SELECT set_config('app.bypass_rls', 'on', false)", conn)) await set.ExecuteNonQueryAsync();
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            await using var conn = new Microsoft.Data.Sqlite.SqliteConnection(db.Connection);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
