using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrandHub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BrandHub.Bench;

/// <summary>
/// Sustained tracking load over loopback: wrk drives <c>POST /api/v1/track</c> on a BrandHub node in its own process
/// (a write key, unique event ids, page views with UTM parameters), single events as browsers send them and batches of 20
/// as servers do. Baseline in the same run: the same wrk load on an empty minimal-API endpoint (reads the body, answers
/// 200) on the same machine. Afterwards the database must hold at least every event wrk saw acknowledged.
/// </summary>
public static class TrackIngestBenchmark
{
    private const string Script = """
        local counter, batch, key, run = 0, 1, "", ""
        local threads = 0
        function setup(thread) threads = threads + 1; thread:set("tid", threads) end
        function init(args) batch = tonumber(args[1]); key = args[2]; run = args[3] end
        function request()
          local parts = {}
          for i = 1, batch do
            counter = counter + 1
            parts[i] = '{"eventId":"' .. run .. 't' .. tid .. '-' .. counter .. '","type":"page_view","anonymousId":"v' .. tid .. '-' .. (counter % 5000) ..
              '","url":"https://shop.bench.test/p/' .. (counter % 300) .. '?utm_source=newsletter&utm_medium=email&utm_campaign=bf-2026"}'
          end
          return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-Write-Key"] = key}, '{"events":[' .. table.concat(parts, ",") .. ']}')
        end
        """;

    public static async Task<string> RunAsync(string provider, int seconds, int connections)
    {
        await using var db = await BenchDatabase.CreateAsync(provider);
        var key = await SetUpAsync(db);
        var script = Path.Combine(db.DataDir, "track.lua");
        await File.WriteAllTextAsync(script, Script);

        await using var baseline = await EmptyEndpointAsync();
        using var node = await DispatchNode.StartAsync(db, new Dictionary<string, string?> { ["BrandHub:Delivery:Enabled"] = "false" });
        var results = new List<object>();
        foreach (var batch in new[] { 1, 20 })
        {
            await WrkAsync($"{node.BaseUrl}/api/v1/track", script, batch, key, 3, connections); // warm-up
            var before = await db.ScalarAsync("SELECT count(*) FROM track_events");
            var cpu = node.CpuSeconds();
            var run = await WrkAsync($"{node.BaseUrl}/api/v1/track", script, batch, key, seconds, connections);
            var nodeCpu = node.CpuSeconds() - cpu;
            await Task.Delay(500);
            var stored = await db.ScalarAsync("SELECT count(*) FROM track_events") - before;
            if (run.Errors > 0) throw new InvalidOperationException($"wrk saw {run.Errors} failed requests at batch {batch}.");
            if (stored < run.Requests * batch) throw new InvalidOperationException($"{run.Requests * batch} events acknowledged but {stored} stored.");
            var empty = await WrkAsync($"{baseline.Url}/empty", script, batch, key, seconds, connections);
            results.Add(new
            {
                eventsPerRequest = batch, eventsPerSecond = (int)(run.RequestsPerSecond * batch), requestsPerSecond = (int)run.RequestsPerSecond,
                p50Ms = run.P50Ms, p99Ms = run.P99Ms, eventsStored = stored, nodeCpuMicrosecondsPerEvent = (int)(nodeCpu * 1e6 / Math.Max(1, run.Requests * batch)),
                baselineRequestsPerSecond = (int)empty.RequestsPerSecond, baselineP50Ms = empty.P50Ms, baselineP99Ms = empty.P99Ms,
                requestsVsBaseline = Math.Round(run.RequestsPerSecond / empty.RequestsPerSecond, 2),
            });
        }
        return JsonSerializer.Serialize(new
        {
            scenario = "track-ingest", provider, seconds, connections, results, peakWorkingSetMb = node.PeakWorkingSetMb(),
            loadGenerator = "wrk, 2 threads, unique event ids", baseline = "the same wrk load on an empty minimal-API POST endpoint (body read, 200)",
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>A tenant and a write key, made through the API by an in-process host, which then stops.</summary>
    private static async Task<string> SetUpAsync(BenchDatabase db)
    {
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(db.HostSettings()));
        await BrandHubApp.MigrateAsync(app.Services);
        await app.StartAsync();
        try
        {
            using var http = await ImportBenchmark.SignedInClientAsync(app);
            var key = await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Post, "/api/v1/tracking/write-keys", new { name = "Bench shop" });
            return key.GetProperty("key").GetString()!;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class EmptyEndpoint(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url => url;
        public async ValueTask DisposeAsync() { await app.StopAsync(); await app.DisposeAsync(); }
    }

    private static async Task<EmptyEndpoint> EmptyEndpointAsync()
    {
        var url = $"http://127.0.0.1:{SmtpSinkProcess.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/empty", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Text("{\"stored\":1}", "application/json");
        });
        await app.StartAsync();
        return new EmptyEndpoint(app, url);
    }

    private sealed record WrkRun(long Requests, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

    private static async Task<WrkRun> WrkAsync(string url, string script, int batch, string key, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url, "--", batch.ToString(CultureInfo.InvariantCulture), key,
                     Guid.NewGuid().ToString("N")[..8] })
            start.ArgumentList.Add(a);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync() + await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        double Ms(string percentile)
        {
            var m = Regex.Match(output, $@"\s{percentile}%\s+([\d.]+)(us|ms|s)\b");
            if (!m.Success) throw new InvalidOperationException("Unexpected wrk output: " + output);
            var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return Math.Round(m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v }, 2);
        }
        var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].Value, CultureInfo.InvariantCulture);
        var rps = double.Parse(Regex.Match(output, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)") is { Success: true } e ? long.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)") is { Success: true } s
            ? Enumerable.Range(1, 4).Sum(i => long.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkRun(requests, rps, Ms("50"), Ms("99"), errors);
    }
}
