using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BrandHub.Bench;

/// <summary>Postfix's <c>smtp-sink</c> on a free loopback port (optionally dumping each message to a file), and
/// <c>smtp-source</c>, the baseline client that pushes messages to it.</summary>
public sealed class SmtpSinkProcess : IDisposable
{
    private readonly Process process;
    public int Port { get; }
    public string? DumpDirectory { get; }

    private SmtpSinkProcess(Process process, int port, string? dump) { this.process = process; Port = port; DumpDirectory = dump; }

    public static async Task<SmtpSinkProcess> StartAsync(bool dump = false)
    {
        var port = FreePort();
        var dir = dump ? Directory.CreateTempSubdirectory("bench-sink-").FullName : null;
        var start = new ProcessStartInfo("/usr/sbin/smtp-sink") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-u", Environment.UserName }) start.ArgumentList.Add(a);
        if (dir is not null) foreach (var a in new[] { "-d", Path.Combine(dir, "%M.") }) start.ArgumentList.Add(a);
        start.ArgumentList.Add($"127.0.0.1:{port}");
        start.ArgumentList.Add("1024");
        var sink = new SmtpSinkProcess(Process.Start(start)!, port, dir);
        for (var i = 0; i < 100; i++)
        {
            try { using var probe = new TcpClient(); await probe.ConnectAsync(IPAddress.Loopback, port); return sink; }
            catch (SocketException) { await Task.Delay(50); }
        }
        sink.Dispose();
        throw new InvalidOperationException("smtp-sink did not start (is postfix installed?)");
    }

    /// <summary>Seconds <c>smtp-source</c> takes to push <paramref name="messages"/> messages of <paramref name="bytes"/> bytes over
    /// <paramref name="connections"/> parallel sessions that each stay connected (<c>-d</c>), as the product's pool does.</summary>
    public async Task<double> SmtpSourceSecondsAsync(int messages, int bytes, int connections)
    {
        var start = new ProcessStartInfo("/usr/sbin/smtp-source") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-d", "-s", connections.ToString(), "-m", messages.ToString(), "-l", bytes.ToString(),
                     "-f", "news@bench.example.com", "-t", "reader@bench.example.com", $"127.0.0.1:{Port}" })
            start.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var source = Process.Start(start)!;
        await source.WaitForExitAsync();
        if (source.ExitCode != 0) throw new InvalidOperationException("smtp-source failed: " + await source.StandardError.ReadToEndAsync());
        return sw.Elapsed.TotalSeconds;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(); } catch (InvalidOperationException) { }
        process.Dispose();
        if (DumpDirectory is not null) try { Directory.Delete(DumpDirectory, true); } catch (IOException) { }
    }
}
