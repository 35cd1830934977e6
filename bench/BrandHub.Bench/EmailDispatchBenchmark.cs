using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BrandHub.Bench;

/// <summary>
/// <c>email-dispatch</c>: N queued marketing emails — rendered from a stored template with five variables, tracked links
/// and open pixel, List-Unsubscribe headers, every send policy on (consent, suppression list, global unsubscribe,
/// frequency cap, quiet hours) — dispatched by a BrandHub node running as its own process to Postfix's <c>smtp-sink</c>
/// on loopback, until every delivery is recorded <c>sent</c>. Baseline, same run and sink: Postfix's <c>smtp-source</c>
/// pushing the same number of messages of the same size over the same number of connections.
/// </summary>
public static class EmailDispatchBenchmark
{
    private const string Html = """
        <html><body><table width="100%"><tr><td>
        <h1>Hello {{contact.firstName}} {{contact.lastName}}!</h1>
        <p>This week in {{contact.city}}: <strong>{{data.discount}}</strong> off everything with code <code>{{data.offerCode}}</code>.</p>
        <p><a href="https://shop.bench.example.com/offers?code={{data.offerCode}}">See the offers</a> ·
           <a href="https://shop.bench.example.com/new">New arrivals</a> · <a href="https://shop.bench.example.com/stores">Find a store</a></p>
        <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna
        aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>
        <p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur
        sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.</p>
        <p><a href="{{links.unsubscribeUrl}}">Unsubscribe</a></p>
        </td></tr></table></body></html>
        """;

    public static async Task<string> RunAsync(string provider, int messages, int connections, bool dkim, int nodes = 1)
    {
        await using var db = await BenchDatabase.CreateAsync(provider);
        using var sink = await SmtpSinkProcess.StartAsync();
        var queueSeconds = await QueueAsync(db, sink.Port, messages, connections, dkim);

        var node = await DispatchNode.StartAsync(db);
        // More nodes on the same database and sink (--nodes): the scale-out case, and a probe of where one node waits.
        var others = new List<DispatchNode>();
        for (var i = 1; i < nodes; i++) others.Add(await DispatchNode.StartAsync(db));
        try
        {
            var cpuAtStart = node.CpuSeconds();
            var sw = Stopwatch.StartNew();
            long sent = 0;
            var pending = true;
            while (pending)
            {
                await Task.Delay(200);
                if (node.Process.HasExited) throw new InvalidOperationException("The dispatch node exited: " + node.Output);
                if (others.FirstOrDefault(o => o.Process.HasExited) is { } dead) throw new InvalidOperationException("A dispatch node exited: " + dead.Output);
                // Asks whether anything is still pending, which stops at the first such row: counting the finished rows
                // scanned the table five times a second, CPU taken from the node under test on a 2-core machine.
                pending = await db.ScalarAsync("SELECT CASE WHEN EXISTS (SELECT 1 FROM deliveries WHERE status = 'queued') OR EXISTS (SELECT 1 FROM deliveries WHERE status = 'sending') THEN 1 ELSE 0 END") == 1;
                if (sw.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"Deliveries still pending after 30 minutes.");
            }
            var dispatchSeconds = sw.Elapsed.TotalSeconds;
            var cpuMicrosPerMessage = (int)((node.CpuSeconds() - cpuAtStart) * 1e6 / messages);
            foreach (var other in others) other.Dispose();
            sent = await db.ScalarAsync("SELECT count(*) FROM deliveries WHERE status = 'sent'");
            var peakMb = node.PeakWorkingSetMb();
            var size = await node.SampleMessageSizeAsync();
            node.Dispose();

            var baseline = await sink.SmtpSourceSecondsAsync(messages, size, connections);
            return JsonSerializer.Serialize(new
            {
                scenario = "email-dispatch", provider, messages, connections, dkim, nodes, sent,
                queueSeconds = Math.Round(queueSeconds, 2), queuedPerSecond = (int)(messages / queueSeconds),
                dispatchSeconds = Math.Round(dispatchSeconds, 2), messagesPerSecond = (int)(messages / dispatchSeconds),
                messageBytes = size, peakWorkingSetMb = peakMb, nodeCpuMicrosecondsPerMessage = cpuMicrosPerMessage,
                baseline = "smtp-source -d (connections kept open) to the same smtp-sink",
                baselineSeconds = Math.Round(baseline, 2), baselineMessagesPerSecond = (int)(messages / baseline),
                ratioToBaseline = Math.Round(baseline / dispatchSeconds, 2),
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            });
        }
        finally
        {
            node.Dispose();
            foreach (var other in others) other.Dispose();
        }
    }

    /// <summary>An in-process host with its dispatcher off sets the tenant up and queues the messages through the API.</summary>
    private static async Task<double> QueueAsync(BenchDatabase db, int sinkPort, int messages, int connections, bool dkim)
    {
        var settings = db.HostSettings();
        settings["BrandHub:Delivery:Enabled"] = "false";
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(settings));
        await BrandHubApp.MigrateAsync(app.Services);
        await app.StartAsync();
        try
        {
            using var http = await ImportBenchmark.SignedInClientAsync(app);
            await SendAsync(http, HttpMethod.Put, "/api/v1/channels/email/settings", new
            {
                provider = "smtp", host = "127.0.0.1", port = sinkPort, security = "none",
                fromEmail = "news@bench.example.com", fromName = "Bench News", maxConnections = connections,
            });
            if (dkim) await SendAsync(http, HttpMethod.Post, "/api/v1/channels/email/dkim", new { domain = "bench.example.com", selector = "bench" });
            // Quiet hours are on but start six hours from now, so the run exercises the check without holding anything.
            var hour = DateTime.UtcNow.Hour;
            await SendAsync(http, HttpMethod.Put, "/api/v1/deliveries/policies", new
            {
                frequencyCap = new { maxMessages = 3, windowHours = 24 },
                quietHours = new { start = $"{(hour + 6) % 24:00}:00", end = $"{(hour + 8) % 24:00}:00" },
            });
            for (var i = 0; i < 200; i++) // a suppression list with entries outside the audience
                await SendAsync(http, HttpMethod.Post, "/api/v1/suppressions", new { channel = "email", address = $"bounced{i}@elsewhere.example.com", reason = "hard_bounce" });
            var template = await SendAsync(http, HttpMethod.Post, "/api/v1/content/templates", new
            {
                name = "Weekly offer", subject = "{{contact.firstName}}, {{data.discount}} off this week", preheader = "Code {{data.offerCode}} inside",
                html = Html, variables = new object[] { new { name = "discount", required = true }, new { name = "offerCode", required = true } },
            });
            var templateId = template.GetProperty("id").GetGuid();

            await ImportBenchmark.ImportAsync(http, ImportBenchmark.Csv(messages, optInEvery: 1));

            var sw = Stopwatch.StartNew();
            for (var b = 0; b * 1000 < messages; b++)
            {
                // The imported contacts, addressed by email as the ERP would (user{i}@bench.example.com, see ImportBenchmark.Csv).
                var recipients = Enumerable.Range(b * 1000, Math.Min(1000, messages - b * 1000)).Select(i => new { email = $"user{i}@bench.example.com" }).ToArray();
                var accepted = await SendAsync(http, HttpMethod.Post, "/api/v1/messages", new
                {
                    channel = "email", category = "marketing", recipients, templateId,
                    data = new { discount = "20%", offerCode = "WEEK48" }, idempotencyKey = $"bench-weekly-offer-{b}",
                });
                var suppressed = accepted.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("status").GetString() != "queued");
                if (suppressed > 0) throw new InvalidOperationException($"{suppressed} messages of batch {b} were not queued: {accepted}");
            }
            return sw.Elapsed.TotalSeconds;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    internal static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object body)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
