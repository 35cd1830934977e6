using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>
/// One SMTP session to one server, ready for any number of mail transactions: connected, greeted, TLS (implicit or
/// STARTTLS), EHLO'd and authenticated. Not thread-safe: one transaction at a time (the pool hands it to one sender).
/// Any I/O failure, timeout or protocol violation marks it <see cref="IsBroken"/>; the pool then discards it.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SmtpClientOptions _options;
    private Stream _stream;
    private byte[] _input = new byte[16 * 1024];
    private int _inputStart, _inputEnd;
    // Commands and content are gathered here and written in one call: a pipelined group is one TCP segment.
    private readonly ArrayBufferWriter<byte> _output = new(64 * 1024);

    private SmtpConnection(TcpClient tcp, Stream stream, SmtpClientOptions options)
    {
        _tcp = tcp;
        _stream = stream;
        _options = options;
    }

    public SmtpExtensions Extensions { get; private set; } = SmtpExtensions.None;

    /// <summary>True once the connection can no longer be trusted (I/O error, timeout, 421, garbage).</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Transactions that ended in 250 on this connection.</summary>
    public int MessagesSent { get; private set; }

    /// <summary>Set by the pool when the connection goes back to idle.</summary>
    internal long IdleSince { get; set; }

    /// <summary>Connects and prepares a session; throws <see cref="SmtpException"/>, <see cref="IOException"/> or <see cref="TimeoutException"/>.</summary>
    public static async Task<SmtpConnection> OpenAsync(SmtpEndpoint endpoint, SmtpClientOptions options, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            using (var connect = Deadline(options.ConnectTimeout, ct))
            {
                try
                {
                    await tcp.ConnectAsync(endpoint.Host, endpoint.Port, connect.Token);
                    Stream stream = tcp.GetStream();
                    if (IsSecurity(endpoint, "tls")) stream = await TlsAsync(stream, endpoint, connect.Token);
                    connection = new SmtpConnection(tcp, stream, options);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"Connecting to {endpoint.Host}:{endpoint.Port} took longer than {options.ConnectTimeout}.");
                }
            }
            await connection.HandshakeAsync(endpoint, ct);
            return connection;
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            else tcp.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One mail transaction: MAIL FROM, RCPT TO, DATA (pipelined in one write when the server offers PIPELINING), then
    /// the content, dot-stuffed. Returns the reply that decided the outcome: the first refusal, or the reply to the
    /// final dot. After a refusal the transaction is reset (RSET), so the connection stays usable for the next message.
    /// I/O failures and timeouts throw, and leave the connection broken.
    /// </summary>
    /// <param name="leadingHeader">Written before <paramref name="message"/> (a DKIM-Signature computed over it); may be empty.</param>
    public async Task<SmtpReply> SendAsync(string mailFrom, string rcptTo, bool smtpUtf8, ReadOnlyMemory<byte> leadingHeader,
        ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (IsBroken) throw new InvalidOperationException("The connection is broken.");
        try
        {
            SmtpReply mail, rcpt, data;
            using (var deadline = Deadline(_options.CommandTimeout, ct))
            {
                WriteMailFrom(mailFrom, smtpUtf8, leadingHeader.Length + message.Length);
                if (Extensions.Pipelining)
                {
                    WriteCommand($"RCPT TO:<{rcptTo}>");
                    WriteCommand("DATA");
                    await FlushAsync(deadline.Token);
                    // A 421 means the server is closing the channel: the replies that would follow will never come.
                    mail = await ReadReplyAsync(deadline.Token);
                    if (mail.Code == 421) return Closing(mail);
                    rcpt = await ReadReplyAsync(deadline.Token);
                    if (rcpt.Code == 421) return Closing(rcpt);
                    data = await ReadReplyAsync(deadline.Token);
                }
                else
                {
                    mail = await CommandAsync(deadline.Token);
                    if (!mail.IsOk) return await ResetAfterAsync(mail, ct);
                    WriteCommand($"RCPT TO:<{rcptTo}>");
                    rcpt = await CommandAsync(deadline.Token);
                    if (!rcpt.IsOk) return await ResetAfterAsync(rcpt, ct);
                    WriteCommand("DATA");
                    data = await CommandAsync(deadline.Token);
                }
            }

            var refusal = !mail.IsOk ? mail : !rcpt.IsOk ? rcpt : data.Code != 354 ? data : null;
            if (refusal is not null && data.Code != 354) return await ResetAfterAsync(refusal, ct);

            using (var deadline = Deadline(_options.DataTimeout, ct))
            {
                // DATA was accepted although MAIL or RCPT was refused (a server bug, but seen in the wild): end the
                // content at once rather than deliver a message with a broken envelope.
                if (refusal is null)
                {
                    WriteDotStuffed(leadingHeader.Span, message.Span);
                }
                _output.Write(".\r\n"u8);
                await FlushAsync(deadline.Token);
                var final = await ReadReplyAsync(deadline.Token);
                if (refusal is not null) return await ResetAfterAsync(refusal, ct);
                if (!final.IsOk) return await ResetAfterAsync(final, ct);
                MessagesSent++;
                return final;
            }
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            if (Broken(e, ct) is { } timeout) throw timeout;
            throw;
        }
    }

    /// <summary>True while the last <see cref="SendPipelinedAsync"/> message's final dot is written but its reply unread.</summary>
    public bool HasPendingFinal { get; private set; }

    /// <summary>
    /// One mail transaction on a PIPELINING server, with its end of data left in flight: the content and final dot go out
    /// in the same write as the next message's MAIL/RCPT/DATA (RFC 2920 lets message content lead a command group), and
    /// the dot's reply is read with that envelope's replies — one round trip per message instead of two, as Postfix's
    /// own client does. Call <see cref="CompletePendingAsync"/> before the connection goes idle.
    /// Returns the reply to the previous message's final dot (null when none was pending) and this message's envelope
    /// refusal (null when its content went out and its own final reply is now pending). I/O failures and timeouts throw.
    /// </summary>
    public async Task<(SmtpReply? Previous, SmtpReply? Refusal)> SendPipelinedAsync(string mailFrom, string rcptTo, bool smtpUtf8,
        ReadOnlyMemory<byte> leadingHeader, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (IsBroken) throw new InvalidOperationException("The connection is broken.");
        if (!Extensions.Pipelining) throw new InvalidOperationException("The server does not offer PIPELINING.");
        try
        {
            SmtpReply? previous = null;
            SmtpReply mail, rcpt, data;
            using (var deadline = Deadline(HasPendingFinal ? _options.DataTimeout : _options.CommandTimeout, ct))
            {
                WriteMailFrom(mailFrom, smtpUtf8, leadingHeader.Length + message.Length);
                WriteCommand($"RCPT TO:<{rcptTo}>");
                WriteCommand("DATA");
                await FlushAsync(deadline.Token);
                if (HasPendingFinal)
                {
                    previous = await ReadReplyAsync(deadline.Token);
                    HasPendingFinal = false;
                    if (previous.IsOk) MessagesSent++;
                    // 421: the server is closing; this message's envelope will never be answered.
                    if (previous.Code == 421) return (previous, Closing(previous));
                }
                mail = await ReadReplyAsync(deadline.Token);
                if (mail.Code == 421) return (previous, Closing(mail));
                rcpt = await ReadReplyAsync(deadline.Token);
                if (rcpt.Code == 421) return (previous, Closing(rcpt));
                data = await ReadReplyAsync(deadline.Token);
            }

            var refusal = !mail.IsOk ? mail : !rcpt.IsOk ? rcpt : data.Code != 354 ? data : null;
            if (refusal is not null && data.Code != 354) return (previous, await ResetAfterAsync(refusal, ct));
            if (refusal is not null)
            {
                // DATA accepted despite a refused envelope (a server bug seen in the wild): end it empty, then reset.
                using var deadline = Deadline(_options.DataTimeout, ct);
                _output.Write(".\r\n"u8);
                await FlushAsync(deadline.Token);
                await ReadReplyAsync(deadline.Token);
                return (previous, await ResetAfterAsync(refusal, ct));
            }
            WriteDotStuffed(leadingHeader.Span, message.Span);
            _output.Write(".\r\n"u8);
            HasPendingFinal = true;
            return (previous, null);
        }
        catch (Exception e) when (e is not InvalidOperationException)
        {
            if (Broken(e, ct) is { } timeout) throw timeout;
            throw;
        }
    }

    /// <summary>Sends the pending final dot (if any) and reads its reply. I/O failures and timeouts throw.</summary>
    public async Task<SmtpReply?> CompletePendingAsync(CancellationToken ct)
    {
        if (!HasPendingFinal || IsBroken) return null;
        try
        {
            using var deadline = Deadline(_options.DataTimeout, ct);
            await FlushAsync(deadline.Token);
            var final = await ReadReplyAsync(deadline.Token);
            HasPendingFinal = false;
            if (final.IsOk) MessagesSent++;
            else if (final.Code == 421) Closing(final);
            return final;
        }
        catch (Exception e)
        {
            if (Broken(e, ct) is { } timeout) throw timeout;
            throw;
        }
    }

    /// <summary>Says goodbye politely (best effort) and closes.</summary>
    public async Task QuitAsync()
    {
        if (!IsBroken)
        {
            try
            {
                using var deadline = Deadline(TimeSpan.FromSeconds(5), CancellationToken.None);
                WriteCommand("QUIT");
                await CommandAsync(deadline.Token);
            }
            catch (Exception) { /* the server may already have gone: closing is all that is left to do */ }
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private async Task HandshakeAsync(SmtpEndpoint endpoint, CancellationToken ct)
    {
        using var deadline = Deadline(_options.CommandTimeout, ct);
        var token = deadline.Token;
        try
        {
            var greeting = await ReadReplyAsync(token);
            if (greeting.Code != 220) throw new SmtpException($"The server refused the session: {greeting}", greeting);
            await EhloAsync(token);

            if (IsSecurity(endpoint, "starttls"))
            {
                // Never fall back to plain text: that is exactly what a downgrade attack would want.
                if (!Extensions.StartTls) throw new SmtpException("The server does not offer STARTTLS, which the sender configuration requires.");
                WriteCommand("STARTTLS");
                var ready = await CommandAsync(token);
                if (ready.Code != 220) throw new SmtpException($"STARTTLS was refused: {ready}", ready);
                if (_inputEnd > _inputStart) throw new SmtpException("The server sent data before the TLS handshake (a STARTTLS injection).");
                _stream = await TlsAsync(_stream, endpoint, token);
                await EhloAsync(token); // RFC 3207: everything learnt before TLS is forgotten
            }

            if (!string.IsNullOrEmpty(endpoint.Username)) await AuthenticateAsync(endpoint.Username, endpoint.Password ?? "", token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException("The SMTP server did not complete the session set-up in time.");
        }
    }

    private async Task EhloAsync(CancellationToken token)
    {
        var name = _options.HeloName ?? HeloName.Value;
        WriteCommand("EHLO " + name);
        var ehlo = await CommandAsync(token);
        if (ehlo.IsOk) { Extensions = SmtpExtensions.Parse(ehlo); return; }
        // A pre-ESMTP server: plain HELO still carries mail, without any extension.
        WriteCommand("HELO " + name);
        var helo = await CommandAsync(token);
        if (!helo.IsOk) throw new SmtpException($"The server refused EHLO and HELO: {helo}", helo);
        Extensions = SmtpExtensions.None;
    }

    private async Task AuthenticateAsync(string username, string password, CancellationToken token)
    {
        SmtpReply reply;
        if (Extensions.AuthMechanisms.Contains("PLAIN"))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + username + "\0" + password));
            WriteCommand("AUTH PLAIN " + credentials);
            reply = await CommandAsync(token);
        }
        else if (Extensions.AuthMechanisms.Contains("LOGIN"))
        {
            WriteCommand("AUTH LOGIN");
            reply = await CommandAsync(token);
            if (reply.Code == 334)
            {
                WriteCommand(Convert.ToBase64String(Encoding.UTF8.GetBytes(username)));
                reply = await CommandAsync(token);
            }
            if (reply.Code == 334)
            {
                WriteCommand(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)));
                reply = await CommandAsync(token);
            }
        }
        else throw new SmtpException("The server offers neither AUTH PLAIN nor AUTH LOGIN, and the sender has credentials.");

        if (reply.Code != 235) throw new SmtpException($"Authentication failed: {reply}", reply);
    }

    /// <summary>The MAIL command with the parameters the server's extensions call for.</summary>
    private void WriteMailFrom(string mailFrom, bool smtpUtf8, int size) =>
        WriteCommand($"MAIL FROM:<{mailFrom}>" + (smtpUtf8 ? " SMTPUTF8" : "") + (smtpUtf8 && Extensions.EightBitMime ? " BODY=8BITMIME" : "")
            + (Extensions.MaxSize is not null ? $" SIZE={size}" : ""));

    /// <summary>
    /// Marks the session broken after a failure mid-transaction (its state is unknown from here on) and returns the
    /// timeout to throw instead when our own deadline, not the caller, cancelled the wait.
    /// </summary>
    private TimeoutException? Broken(Exception e, CancellationToken ct)
    {
        IsBroken = true;
        return e is OperationCanceledException && !ct.IsCancellationRequested ? new TimeoutException("The SMTP server did not answer in time.", e) : null;
    }

    private SmtpReply Closing(SmtpReply reply)
    {
        IsBroken = true;
        return reply;
    }

    private async Task<SmtpReply> ResetAfterAsync(SmtpReply refusal, CancellationToken ct)
    {
        // 421: the server is closing the channel; anything more would fail.
        if (refusal.Code == 421) return Closing(refusal);
        using var deadline = Deadline(_options.CommandTimeout, ct);
        WriteCommand("RSET");
        var reset = await CommandAsync(deadline.Token);
        if (!reset.IsOk) IsBroken = true;
        return refusal;
    }

    private async Task<SmtpReply> CommandAsync(CancellationToken token)
    {
        await FlushAsync(token);
        var reply = await ReadReplyAsync(token);
        if (reply.Code == 421) IsBroken = true;
        return reply;
    }

    private void WriteCommand(string command)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new InvalidOperationException("An SMTP command cannot contain a line break.");
        Encoding.UTF8.GetBytes(command, _output);
        _output.Write("\r\n"u8);
    }

    /// <summary>RFC 5321 §4.5.2: a line that starts with a dot gets one more, so that it cannot end the content early.</summary>
    private void WriteDotStuffed(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var atLineStart = WriteDotStuffed(first, atLineStart: true);
        atLineStart = WriteDotStuffed(second, atLineStart);
        if (!atLineStart) _output.Write("\r\n"u8); // the final dot must start a line of its own
    }

    private bool WriteDotStuffed(ReadOnlySpan<byte> rest, bool atLineStart)
    {
        while (!rest.IsEmpty)
        {
            if (atLineStart && rest[0] == '.') _output.Write("."u8);
            var lf = rest.IndexOf((byte)'\n');
            var line = lf < 0 ? rest : rest[..(lf + 1)];
            _output.Write(line);
            atLineStart = lf >= 0;
            rest = rest[line.Length..];
        }
        return atLineStart;
    }

    private async Task FlushAsync(CancellationToken token)
    {
        if (_output.WrittenCount == 0) return;
        await _stream.WriteAsync(_output.WrittenMemory, token);
        _output.ResetWrittenCount();
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken token)
    {
        while (true)
        {
            if (_inputEnd > _inputStart)
            {
                SmtpReply? reply;
                int consumed;
                try
                {
                    if (SmtpReply.TryParse(_input.AsSpan(_inputStart, _inputEnd - _inputStart), out reply, out consumed))
                    {
                        _inputStart += consumed;
                        return reply!;
                    }
                }
                catch (FormatException e) { throw new SmtpException("The server does not speak SMTP: " + e.Message, null, e); }
            }

            if (_inputStart > 0)
            {
                Buffer.BlockCopy(_input, _inputStart, _input, 0, _inputEnd - _inputStart);
                _inputEnd -= _inputStart;
                _inputStart = 0;
            }
            if (_inputEnd == _input.Length)
            {
                if (_input.Length >= 1024 * 1024) throw new SmtpException("The server's reply is unreasonably long.");
                Array.Resize(ref _input, _input.Length * 2);
            }
            var read = await _stream.ReadAsync(_input.AsMemory(_inputEnd), token);
            if (read == 0) throw new IOException("The SMTP server closed the connection.");
            _inputEnd += read;
        }
    }

    private static async Task<Stream> TlsAsync(Stream inner, SmtpEndpoint endpoint, CancellationToken token)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = endpoint.Host,
            // Only for test relays and self-signed lab servers, and only when the operator said so.
            RemoteCertificateValidationCallback = endpoint.AllowInvalidCertificate ? (_, _, _, _) => true : null,
        }, token);
        return tls;
    }

    private static bool IsSecurity(SmtpEndpoint endpoint, string mode) => string.Equals(endpoint.Security, mode, StringComparison.OrdinalIgnoreCase);

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken ct)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        return cts;
    }

    private static readonly Lazy<string> HeloName = new(() =>
    {
        // EHLO wants a host name; an address literal is the honest fallback when the machine has no usable one.
        try
        {
            var host = Dns.GetHostName();
            if (host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')) return host;
        }
        catch (SocketException) { }
        return "[127.0.0.1]";
    });
}
