using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using BrandHub.Modules.Channels.Email;

namespace BrandHub.Tests.Infrastructure;

/// <summary>How the test SMTP server presents itself.</summary>
/// <param name="Pipelining">Announce PIPELINING (RFC 2920).</param>
/// <param name="SmtpUtf8">Announce SMTPUTF8 (RFC 6531).</param>
/// <param name="StartTls">Offer STARTTLS with a self-signed certificate generated for the run, and require it.</param>
/// <param name="ImplicitTls">Speak TLS from the first byte (port-465 style) with that certificate.</param>
/// <param name="Username">Require AUTH (PLAIN or LOGIN) with these credentials.</param>
public sealed record SmtpPeerOptions(
    bool Pipelining = true, bool SmtpUtf8 = false, bool StartTls = false, bool ImplicitTls = false,
    string? Username = null, string? Password = null);

/// <summary>A message the peer accepted (250 after the final dot).</summary>
/// <param name="Connection">Id of the connection it came on (see <see cref="SmtpPeer.Connections"/>).</param>
/// <param name="Data">The content exactly as received, dot-unstuffed, CRLF line ends.</param>
public sealed record ReceivedMessage(string Connection, string MailFrom, IReadOnlyList<string> Recipients, IReadOnlyList<string> MailOptions, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);
}

/// <summary>A command the peer read.</summary>
/// <param name="Verb">Upper case: EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, RSET, QUIT…</param>
/// <param name="Pipelined">More client bytes were already waiting when this command was read: it came in a pipelined group.</param>
public sealed record PeerCommand(string Connection, string Verb, string? Argument, bool Pipelined);

/// <summary>
/// An independent SMTP server for tests: Debian's aiosmtpd run by <c>/usr/bin/python3</c> with <c>smtp_peer.py</c>, on
/// a free loopback port. It records every connection, command and accepted message, and misbehaves when told to
/// (temporary or permanent refusals, refused recipients, dropped connections, being down). Records survive
/// <see cref="StopAsync"/> / <see cref="StartAsync()"/>, which keep the port, so a test can take the server down and
/// bring it back.
/// </summary>
public sealed class SmtpPeer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3"; // the pyenv python3 on PATH has no aiosmtpd
    private readonly SmtpPeerOptions _options;
    private readonly string _directory;
    private readonly string _log;
    private Process? _process;
    private int _runs;

    private SmtpPeer(SmtpPeerOptions options, int port)
    {
        _options = options;
        Port = port;
        _directory = Directory.CreateTempSubdirectory("smtp-peer-").FullName;
        _log = Path.Combine(_directory, "events.jsonl");
        File.WriteAllText(_log, "");
        if (options.StartTls || options.ImplicitTls) WriteSelfSignedCertificate();
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>Whether the server process is running (false after <see cref="StopAsync"/>).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a peer on a free loopback port and waits until it accepts connections.</summary>
    public static async Task<SmtpPeer> StartAsync(SmtpPeerOptions? options = null)
    {
        var peer = new SmtpPeer(options ?? new SmtpPeerOptions(), FreePort());
        await peer.StartAsync();
        return peer;
    }

    /// <summary>The sender endpoint that reaches this peer (security and credentials as configured; the self-signed certificate is accepted).</summary>
    public SmtpEndpoint Endpoint => new(Host, Port, _options.ImplicitTls ? "tls" : _options.StartTls ? "starttls" : "none",
        _options.Username, _options.Password, AllowInvalidCertificate: true);

    /// <summary>(Re)starts the server on the same port; records so far are kept.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        _runs++;
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        string[] args = ["-u", Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_peer.py"),
            "--port", Port.ToString(), "--log", _log, "--run", $"r{_runs}"];
        foreach (var a in args) start.ArgumentList.Add(a);
        if (!_options.Pipelining) start.ArgumentList.Add("--no-pipelining");
        if (_options.SmtpUtf8) start.ArgumentList.Add("--smtputf8");
        if (_options.StartTls || _options.ImplicitTls)
        {
            foreach (var a in new[] { "--cert", Path.Combine(_directory, "cert.pem"), "--key", Path.Combine(_directory, "key.pem") }) start.ArgumentList.Add(a);
        }
        if (_options.ImplicitTls) start.ArgumentList.Add("--implicit-tls");
        if (_options.Username is not null)
        {
            foreach (var a in new[] { "--username", _options.Username, "--password", _options.Password ?? "" }) start.ArgumentList.Add(a);
        }

        _process = Process.Start(start)!;
        var ready = await ReadLineAsync(TimeSpan.FromSeconds(30));
        if (ready is null || !ready.StartsWith("ready", StringComparison.Ordinal))
            throw new InvalidOperationException($"The SMTP peer did not start: {ready} {await _process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Takes the server down (the port refuses connections) until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>The next <paramref name="count"/> transactions are answered with <paramref name="code"/> after their content (421 also closes the connection).</summary>
    public Task FailNextTransactionsAsync(int count, int code = 451) => ControlAsync(new { fail = new { code, count } });

    /// <summary>RCPT TO for <paramref name="address"/> is answered with <paramref name="code"/> (e.g. 550 no such user).</summary>
    public Task RejectRecipientAsync(string address, int code = 550) => ControlAsync(new { reject = new { address, code } });

    /// <summary>The next <paramref name="count"/> transactions lose their connection after the content, before any reply.</summary>
    public Task DropNextTransactionsAsync(int count) => ControlAsync(new { drop = count });

    /// <summary>Forget all misbehaviour.</summary>
    public Task BehaveAsync() => ControlAsync(new { reset = true });

    public IReadOnlyList<ReceivedMessage> Messages => Events("message").Select(e => new ReceivedMessage(
        e.GetProperty("conn").GetString()!, e.GetProperty("mail_from").GetString()!,
        [.. e.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!)],
        [.. e.GetProperty("mail_options").EnumerateArray().Select(r => r.GetString()!)],
        Convert.FromBase64String(e.GetProperty("data").GetString()!))).ToList();

    /// <summary>Ids of the connections made so far, in order (e.g. <c>r1-c1</c>; the run number grows with each start).</summary>
    public IReadOnlyList<string> Connections => Events("connect").Select(e => e.GetProperty("conn").GetString()!).ToList();

    public IReadOnlyList<PeerCommand> Commands => Events("command").Select(e => new PeerCommand(
        e.GetProperty("conn").GetString()!, e.GetProperty("verb").GetString()!,
        e.GetProperty("arg").ValueKind == JsonValueKind.String ? e.GetProperty("arg").GetString() : null,
        e.GetProperty("pipelined").GetBoolean())).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages have been accepted.</summary>
    public Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        Eventually.PollAsync(() => Task.FromResult(Messages), m => m.Count >= count, $"{count} messages at the SMTP peer", timeout);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            if (!_process.WaitForExit(2000)) _process.Kill(entireProcessTree: true);
        }
        await StopAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private IEnumerable<JsonElement> Events(string kind)
    {
        string[] lines;
        using (var stream = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream)) lines = reader.ReadToEnd().Split('\n');
        foreach (var line in lines)
        {
            if (line.Length == 0 || !line.EndsWith('}')) continue; // a line being written right now
            var e = JsonDocument.Parse(line).RootElement;
            if (e.GetProperty("event").GetString() == kind) yield return e;
        }
    }

    private async Task ControlAsync(object command)
    {
        if (!IsRunning) throw new InvalidOperationException("The SMTP peer is stopped.");
        await _process!.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command));
        await _process.StandardInput.FlushAsync();
        var answer = await ReadLineAsync(TimeSpan.FromSeconds(10));
        if (answer != "ok") throw new InvalidOperationException("The SMTP peer did not take the command: " + answer);
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _process!.StandardOutput.ReadLineAsync(cts.Token);
    }

    private void WriteSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Combine(_directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
