using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace BrandHub.Tests.Audience.Support;

/// <summary>
/// The real <c>brandhub</c> executable (brandhub.dll, copied beside the tests by the project reference) run as its own
/// process, configured only through environment variables as an operator would — so it can be killed like a crashed node.
/// </summary>
public sealed class BrandHubProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> output = new();

    public Uri BaseAddress { get; }

    private BrandHubProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "brandhub.dll");

    /// <summary>Runs a CLI verb to completion; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Process.Start(Info(environment, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts <c>brandhub serve</c> on a free loopback port and waits until it answers.</summary>
    public static async Task<BrandHubProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var p = Process.Start(Info(environment, ["serve", "--urls", url]))!;
        var server = new BrandHubProcess(p, new Uri(url));
        p.OutputDataReceived += (_, e) => server.Remember(e.Data);
        p.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (p.HasExited) throw new InvalidOperationException($"brandhub exited with {p.ExitCode}:\n{server.Output}");
            try
            {
                if ((await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"brandhub did not start:\n{server.Output}");
            await Task.Delay(100);
        }
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Kills the process and its children at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string Output
    {
        get { lock (output) return string.Join('\n', output); }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > 200) output.Dequeue();
        }
    }

    private static ProcessStartInfo Info(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = environment["BrandHub__DataDir"],
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
