using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BrandHub.Bench;

/// <summary>
/// A BrandHub node in its own process (<c>brandhub serve</c>, the binary beside the bench), so its memory and CPU are its
/// own and nothing of the set-up phase is counted. Same database and data directory (and so the same master key, which
/// decrypts the stored SMTP settings) as the host that queued the work.
/// </summary>
public sealed class DispatchNode : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly BenchDatabase db;
    public Process Process { get; }
    public string BaseUrl { get; }
    public string Output { get { lock (output) return output.ToString(); } }

    private DispatchNode(Process process, string baseUrl, BenchDatabase db) { Process = process; BaseUrl = baseUrl; this.db = db; }

    /// <param name="extra">More host settings (configuration keys), e.g. <c>BrandHub:Delivery:Enabled = false</c>.</param>
    public static async Task<DispatchNode> StartAsync(BenchDatabase db, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var url = $"http://127.0.0.1:{SmtpSinkProcess.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "brandhub.dll"), "serve", "--urls", url }) start.ArgumentList.Add(a);
        foreach (var (key, value) in db.HostSettings()) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var node = new DispatchNode(Process.Start(start)!, url, db);
        node.Process.OutputDataReceived += (_, e) => { lock (node.output) node.output.AppendLine(e.Data); };
        node.Process.ErrorDataReceived += (_, e) => { lock (node.output) node.output.AppendLine(e.Data); };
        node.Process.BeginOutputReadLine();
        node.Process.BeginErrorReadLine();
        using var probe = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (node.Process.HasExited) throw new InvalidOperationException("The dispatch node exited: " + node.Output);
            try { if ((await probe.GetAsync(url + "/health/live")).IsSuccessStatusCode) return node; }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        node.Dispose();
        throw new TimeoutException("The dispatch node did not start: " + node.Output);
    }

    /// <summary>CPU time (user + system) the node has used so far, in seconds, from /proc.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields after "(comm)": state is index 0, utime 11, stime 12
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // clock ticks (USER_HZ = 100 on Linux)
    }

    /// <summary>The node's peak resident memory (VmHWM), in MB.</summary>
    public long PeakWorkingSetMb()
    {
        var line = File.ReadLines($"/proc/{Process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    /// <summary>
    /// The size on the wire of one message of the run: points the tenant's sender at a second, dumping sink, sends the
    /// same template to one more contact through the API and measures what arrived. The baseline then pushes messages of
    /// that size.
    /// </summary>
    public async Task<int> SampleMessageSizeAsync()
    {
        using var dumping = await SmtpSinkProcess.StartAsync(dump: true);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await ImportBenchmark.SignInAsync(http);
        var current = await http.GetFromJsonAsync<JsonElement>("/api/v1/channels/email/settings");
        await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Put, "/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = "127.0.0.1", port = dumping.Port, security = "none",
            fromEmail = current.GetProperty("fromEmail").GetString(), fromName = current.GetProperty("fromName").GetString(),
            maxConnections = current.GetProperty("maxConnections").GetInt32(),
        });
        var templateId = (await http.GetFromJsonAsync<JsonElement>("/api/v1/content/templates")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await EmailDispatchBenchmark.SendAsync(http, HttpMethod.Post, "/api/v1/messages", new
        {
            channel = "email", category = "marketing", recipients = new[] { new { email = "user0@bench.example.com" } }, templateId,
            data = new { discount = "20%", offerCode = "WEEK48" }, idempotencyKey = "bench-size-sample",
        });
        for (var i = 0; i < 200; i++)
        {
            var file = Directory.GetFiles(dumping.DumpDirectory!).FirstOrDefault();
            if (file is not null && new FileInfo(file).Length > 0)
            {
                await Task.Delay(200); // let smtp-sink finish writing
                var text = await File.ReadAllTextAsync(file);
                // smtp-sink writes its own trace headers (X-Client-Addr, X-Rcpt-Args…) before the message as received.
                var body = text[(text.IndexOf("Received:", StringComparison.Ordinal) is var r and >= 0 ? r : 0)..];
                return Encoding.UTF8.GetByteCount(body);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The size sample did not arrive.");
    }

    public void Dispose()
    {
        // BENCH_NODE_LOG=<file> keeps what the node printed (e.g. with Logging__LogLevel__BrandHub.Modules.Delivery=Debug).
        if (Environment.GetEnvironmentVariable("BENCH_NODE_LOG") is { Length: > 0 } logFile) File.WriteAllText(logFile, Output);
        try { if (!Process.HasExited) { Process.Kill(entireProcessTree: true); Process.WaitForExit(5000); } }
        catch (InvalidOperationException) { }
    }
}
