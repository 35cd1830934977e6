using System.Collections.Concurrent;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Analytics;

/// <summary>
/// Acknowledged means stored: the real executable takes a stream of tracked events from several senders and is killed
/// (SIGKILL) mid-stream; every event it answered "stored" is in the database afterwards.
/// </summary>
public sealed class TrackDurabilityTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const string Email = "owner@track-crash.test", Password = "correct horse battery";

    [Fact]
    public async Task Every_acknowledged_event_survives_a_SIGKILL()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var environment = database.Environment(("BrandHub__Delivery__Enabled", "false"));
        var (exitCode, output) = await BrandHubProcess.RunAsync(environment, "tenant", "create", "--name", "Track Crash", "--admin-email", Email, "--admin-password", Password);
        exitCode.ShouldBe(0, output);

        var acknowledged = new ConcurrentBag<string>();
        await using (var server = await BrandHubProcess.StartAsync(environment))
        {
            using var owner = await server.SignInAsync(Email, Password);
            var key = (await (await owner.PostJsonAsync("/api/v1/tracking/write-keys", new { name = "Shop" })).JsonAsync()).GetProperty("key").GetString()!;

            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(sender => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = server.BaseAddress };
                http.DefaultRequestHeaders.Add("X-Write-Key", key);
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var ids = Enumerable.Range(0, 20).Select(i => $"s{sender}-b{batch}-e{i}").ToList();
                    try
                    {
                        var response = await http.PostJsonAsync("/api/v1/track",
                            new { events = ids.Select(id => new { eventId = id, type = "page_view", anonymousId = $"v{sender}", url = "https://shop.test/" }) });
                        if (response.StatusCode != HttpStatusCode.OK) continue;
                        var results = (await response.JsonAsync()).GetProperty("events").EnumerateArray();
                        foreach (var r in results) if (r.GetProperty("status").GetString() == "stored") acknowledged.Add(r.GetProperty("eventId").GetString()!);
                    }
                    catch (HttpRequestException) { return; } // the server is gone
                    catch (TaskCanceledException) { return; }
                }
            })).ToList();

            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 2_000, "2,000 acknowledged events", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));
            await server.KillAsync();
            stop.Cancel();
            await Task.WhenAll(senders);
        }

        await using var conn = await database.OpenAsync();
        var stored = (await conn.RowsAsync("SELECT event_id FROM track_events")).Select(r => (string)r["event_id"]!).ToHashSet();
        log.WriteLine($"{acknowledged.Count} acknowledged, {stored.Count} stored after the kill.");
        acknowledged.Where(id => !stored.Contains(id)).ShouldBeEmpty();
    }
}
