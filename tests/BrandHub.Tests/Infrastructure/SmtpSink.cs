using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BrandHub.Tests.Infrastructure;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a free loopback port: a fast, independent SMTP server that accepts everything
/// (it announces PIPELINING and 8BITMIME). With <c>dumpMessages</c> each transaction is written to a file in
/// <see cref="DumpDirectory"/> (smtp-sink's headers first, then the message as received).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, int port, string dumpDirectory)
    {
        _process = process;
        Port = port;
        DumpDirectory = dumpDirectory;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string DumpDirectory { get; }

    public static async Task<SmtpSink> StartAsync(bool dumpMessages)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var dump = Directory.CreateTempSubdirectory("smtp-sink-").FullName;
        var start = new ProcessStartInfo("/usr/sbin/smtp-sink") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        // -u is required when running as root; the user must be able to write the dump directory.
        foreach (var a in new[] { "-u", Environment.UserName }) start.ArgumentList.Add(a);
        if (dumpMessages) foreach (var a in new[] { "-d", Path.Combine(dump, "%M.") }) start.ArgumentList.Add(a);
        foreach (var a in new[] { $"127.0.0.1:{port}", "256" }) start.ArgumentList.Add(a); // 256: listen backlog
        var sink = new SmtpSink(Process.Start(start)!, port, dump);
        await Eventually.UntilAsync(async () =>
        {
            if (sink._process.HasExited) throw new InvalidOperationException("smtp-sink exited: " + await sink._process.StandardError.ReadToEndAsync());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException) { return false; }
        }, "smtp-sink to listen", TimeSpan.FromSeconds(20));
        return sink;
    }

    /// <summary>The dumped transactions so far (only with dumpMessages).</summary>
    public IReadOnlyList<string> DumpFiles => Directory.GetFiles(DumpDirectory, "*", SearchOption.AllDirectories);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DumpDirectory, recursive: true); } catch (IOException) { }
    }
}
