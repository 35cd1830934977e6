using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>
/// CSV contact import through the real host (HTTP upload → job → chunks with identity matching, consent history,
/// audit chain and timeline) on a fresh database, first run and idempotent re-run. Baseline, same run and database:
/// the fastest plain load of the same rows into a bare table (SQLite: batched prepared INSERTs in one transaction;
/// PostgreSQL: binary COPY) — the floor any import with validation and bookkeeping sits above.
/// </summary>
public static class ImportBenchmark
{
    public static async Task<string> RunAsync(string provider, int rows)
    {
        await using var db = await BenchDatabase.CreateAsync(provider);
        var connection = db.Connection;
        var csv = Csv(rows);
        var settings = db.HostSettings();
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("BENCH_SQL_LOG") ?? "Warning";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        try
        {
            await BrandHubApp.MigrateAsync(app.Services);
            await app.StartAsync();
            using var http = await SignedInClientAsync(app);

            var baseline = provider == "postgres" ? await PostgresCopyAsync(connection, rows) : await SqliteInsertAsync(connection, rows);
            var first = await ImportAsync(http, csv);
            var rerun = await ImportAsync(http, csv);
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            return JsonSerializer.Serialize(new
            {
                scenario = "contacts.import", provider, rows,
                importSeconds = Math.Round(first.Seconds, 2), importRowsPerSecond = (int)(rows / first.Seconds), first.Created,
                rerunSeconds = Math.Round(rerun.Seconds, 2), rerunRowsPerSecond = (int)(rows / rerun.Seconds), rerunCreated = rerun.Created, rerunUpdated = rerun.Updated,
                baseline = provider == "postgres" ? "binary COPY into a bare table" : "batched prepared INSERTs into a bare table",
                baselineSeconds = Math.Round(baseline, 2), baselineRowsPerSecond = (int)(rows / baseline),
                importVsBaseline = Math.Round(first.Seconds / baseline, 1), peakWorkingSetMb = peakMb,
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            });
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A new tenant on the started host and an HTTP client signed in as its owner.</summary>
    public static async Task<HttpClient> SignedInClientAsync(WebApplication app)
    {
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await app.Services.GetRequiredService<TenantProvisioning>().CreateTenantAsync("Bench", "bench@bench.test", "bench-password-1");
        var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        await SignInAsync(http);
        return http;
    }

    /// <summary>Signs <paramref name="http"/> in as the bench tenant's owner (bearer token on every request).</summary>
    public static async Task SignInAsync(HttpClient http)
    {
        var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = "bench@bench.test", password = "bench-password-1" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public sealed record Result(double Seconds, int Created, int Updated);

    public static async Task<Result> ImportAsync(HttpClient http, byte[] csv)
    {
        var sw = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bench.csv");
        form.Add(new StringContent("""{"email":"email","phone":"phone","first_name":"firstName","last_name":"lastName","city":"city","tags":"tags","newsletter":"consent.email","erp_id":"externalId:erp"}"""), "mapping");
        var response = await http.PostAsync("/api/v1/contacts/imports", form);
        var import = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException(import.ToString());
        var id = import.GetProperty("id").GetString();
        while (true)
        {
            await Task.Delay(100);
            var state = await http.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/imports/{id}");
            var status = state.GetProperty("status").GetString();
            if (status == "failed") throw new InvalidOperationException(state.ToString());
            if (status == "completed")
                return new Result(sw.Elapsed.TotalSeconds, state.GetProperty("created").GetInt32(), state.GetProperty("updated").GetInt32());
        }
    }

    /// <summary>Deterministic rows: unique emails, valid Romanian mobiles, one in <paramref name="optInEvery"/> opted in to email.</summary>
    public static byte[] Csv(int rows, int optInEvery = 3)
    {
        string[] first = ["Ana", "Ion", "Maria", "Andrei", "Elena", "Mihai", "Ioana", "Radu"], last = ["Popescu", "Ionescu", "Stan", "Dobre", "Marin", "Toma"];
        string[] cities = ["Bucuresti", "Cluj-Napoca", "Iasi", "Brasov"];
        var sb = new StringBuilder("email,phone,first_name,last_name,city,tags,newsletter,erp_id\n");
        for (var i = 0; i < rows; i++)
            sb.Append($"user{i}@bench.example.com,07{20 + i % 80:00}{i % 1_000_000:000000},{first[i % first.Length]},{last[i % last.Length]},{cities[i % cities.Length]},{(i % 5 == 0 ? "vip;newsletter" : "newsletter")},{(i % optInEvery == 0 ? "yes" : "")},C-{i}\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static async Task<double> SqliteInsertAsync(string connection, int rows)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync();
        await new SqliteCommand("CREATE TABLE bench_baseline (email TEXT, phone TEXT, first_name TEXT, last_name TEXT, city TEXT)", conn).ExecuteNonQueryAsync();
        var sw = Stopwatch.StartNew();
        await using var tx = conn.BeginTransaction();
        var cmd = new SqliteCommand("INSERT INTO bench_baseline VALUES ($e, $p, $f, $l, $c)", conn, tx);
        var ps = new[] { "$e", "$p", "$f", "$l", "$c" }.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        for (var i = 0; i < rows; i++)
        {
            ps[0].Value = $"user{i}@bench.example.com"; ps[1].Value = $"+4072{i:0000000}"; ps[2].Value = "Ana"; ps[3].Value = "Pop"; ps[4].Value = "Iasi";
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> PostgresCopyAsync(string connection, int rows)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await new NpgsqlCommand("CREATE TABLE bench_baseline (email text, phone text, first_name text, last_name text, city text)", conn).ExecuteNonQueryAsync();
        var sw = Stopwatch.StartNew();
        await using (var writer = await conn.BeginBinaryImportAsync("COPY bench_baseline FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows; i++)
                await writer.WriteRowAsync(default, $"user{i}@bench.example.com", $"+4072{i:0000000}", "Ana", "Pop", "Iasi");
            await writer.CompleteAsync();
        }
        return sw.Elapsed.TotalSeconds;
    }
}
