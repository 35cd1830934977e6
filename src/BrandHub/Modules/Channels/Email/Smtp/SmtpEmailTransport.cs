using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>
/// Email over SMTP: a batch is spread over up to <see cref="EmailSender.MaxConnections"/> pooled connections, each
/// message built (MIME), DKIM-signed when the sender has a key, and sent in its own pipelined transaction. Outcomes
/// per message: 250 → Sent (the provider message id is our Message-ID, derived from the delivery id so a retry keeps
/// it); 4xx → Transient; 5xx → Permanent; a connection failure or timeout → Transient for the message in flight on
/// that connection and for those no connection could take. Messages are never sent twice within one call.
/// </summary>
public sealed class SmtpEmailTransport(SmtpConnectionPool pool, TimeProvider clock, ILogger<SmtpEmailTransport> log) : IEmailTransport, IDisposable
{
    private readonly SmtpConnectionPool _pool = pool;
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _log = log;
    private readonly ConcurrentDictionary<DkimKey, DkimSigner> _signers = new();

    public string Provider => "smtp";

    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(EmailSender sender, IReadOnlyList<OutgoingEmail> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return [];
        if (sender.Smtp is null) return AllTransient(batch, "The sender has no SMTP server configured.");

        MailboxAddress from;
        MailboxAddress? replyTo;
        DkimSigner? signer;
        try
        {
            from = new MailboxAddress(sender.FromEmail, sender.FromName);
            replyTo = string.IsNullOrWhiteSpace(sender.ReplyTo) ? null : new MailboxAddress(sender.ReplyTo);
            signer = sender.Dkim is null ? null : _signers.GetOrAdd(sender.Dkim, k => new DkimSigner(k.Domain, k.Selector, k.PrivateKeyPem));
        }
        catch (EmailFormatException e)
        {
            // A configuration mistake: every message would fail the same way until the tenant fixes it, so nothing is final.
            return AllTransient(batch, "The sender configuration is unusable: " + e.Message);
        }

        var send = new BatchSend(this, sender, from, replyTo, signer, batch);
        var workers = Enumerable.Range(0, Math.Min(Math.Max(1, sender.MaxConnections), batch.Count)).Select(_ => send.WorkAsync(ct));
        await Task.WhenAll(workers);
        return send.Results();
    }

    public void Dispose()
    {
        foreach (var signer in _signers.Values) signer.Dispose();
    }

    private static EmailSendResult[] AllTransient(IReadOnlyList<OutgoingEmail> batch, string error) =>
        [.. batch.Select(m => new EmailSendResult(m.DeliveryId, SendOutcome.Transient, null, error))];

    /// <summary>One call's shared state: the workers take the next unsent message until none is left.</summary>
    private sealed class BatchSend(
        SmtpEmailTransport transport, EmailSender sender, MailboxAddress from, MailboxAddress? replyTo, DkimSigner? signer,
        IReadOnlyList<OutgoingEmail> batch)
    {
        private readonly EmailSendResult?[] _results = new EmailSendResult?[batch.Count];
        private int _next = -1;
        private string _lastConnectionError = "No connection to the SMTP server could be made.";

        public EmailSendResult[] Results() =>
            [.. _results.Select((r, i) => r ?? new EmailSendResult(batch[i].DeliveryId, SendOutcome.Transient, null, _lastConnectionError))];

        public async Task WorkAsync(CancellationToken ct)
        {
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            // A worker whose connection fails tries a fresh one once; if that fails too, the server is in trouble and
            // the worker stops, leaving its share to the others (or, when all stop, to a later retry).
            var failures = 0;
            var carried = -1; // a message taken but never sent when its connection failed: first on the next connection
            while (failures < 2 && !ct.IsCancellationRequested && (carried >= 0 || Volatile.Read(ref _next) < batch.Count - 1))
            {
                SmtpLease lease;
                try { lease = await transport._pool.RentAsync(sender.Smtp!, sender.MaxConnections, ct); }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    _lastConnectionError = $"Cannot connect to {sender.Smtp!.Host}:{sender.Smtp.Port}: {e.Message}";
                    transport._log.LogWarning("SMTP connection to {Host}:{Port} failed: {Error}", sender.Smtp!.Host, sender.Smtp.Port, e.Message);
                    failures++;
                    continue;
                }

                await using (lease)
                {
                    if (lease.Connection.Extensions.Pipelining) carried = await SendPipelinedAsync(lease.Connection, buffer, carried, ct);
                    else
                        while (!lease.Connection.IsBroken && !ct.IsCancellationRequested)
                        {
                            var index = Interlocked.Increment(ref _next);
                            if (index >= batch.Count) return;
                            _results[index] = await SendOneAsync(lease.Connection, batch[index], buffer, ct);
                            if (_results[index]!.Outcome == SendOutcome.Sent) failures = 0;
                        }
                    if (lease.Connection.IsBroken) failures++;
                    else failures = 0;
                }
            }
        }

        /// <summary>
        /// Takes messages until none is left, each one's final dot travelling with the next one's envelope
        /// (<see cref="SmtpConnection.SendPipelinedAsync"/>): a message's outcome is known one message later. When the
        /// connection fails, the message whose final reply was lost is Transient (it may have arrived); the one whose
        /// envelope was unanswered never had its content sent, so it is returned to go first on a fresh connection.
        /// </summary>
        /// <param name="first">A message carried over from a failed connection, or -1.</param>
        /// <returns>The message to carry over to the next connection, or -1.</returns>
        private async Task<int> SendPipelinedAsync(SmtpConnection connection, ArrayBufferWriter<byte> buffer, int first, CancellationToken ct)
        {
            var pending = -1; // the message whose final reply is still owed
            var index = -1;
            try
            {
                while (!connection.IsBroken && !ct.IsCancellationRequested)
                {
                    index = first >= 0 ? first : Interlocked.Increment(ref _next);
                    first = -1;
                    if (index >= batch.Count) break;
                    var built = Build(connection, batch[index], buffer);
                    if (built.Failure is { } failure) { _results[index] = failure; index = -1; continue; }
                    var (previous, refusal) = await connection.SendPipelinedAsync(built.MailFrom!, built.RcptTo!, built.SmtpUtf8,
                        built.DkimHeader, buffer.WrittenMemory, ct);
                    if (previous is not null) { _results[pending] = Outcome(batch[pending], previous, MessageId(batch[pending])); pending = -1; }
                    // The server closed on the previous message's dot before it read this envelope: this one was never sent.
                    if (previous is { Code: 421 }) return index;
                    if (refusal is not null) _results[index] = Outcome(batch[index], refusal, null);
                    else pending = index;
                    index = -1;
                }
                if (pending >= 0 && await connection.CompletePendingAsync(ct) is { } final)
                {
                    _results[pending] = Outcome(batch[pending], final, MessageId(batch[pending]));
                    pending = -1;
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or SmtpException
                                           or System.Security.Authentication.AuthenticationException)
            {
                // Either message may have reached the server (a lost reply to a final dot): the retry that follows can
                // duplicate it, which is the bounded in-flight window of at-least-once delivery.
                var error = "SMTP connection failed: " + e.Message;
                if (pending >= 0) _results[pending] = new EmailSendResult(batch[pending].DeliveryId, SendOutcome.Transient, null, error);
                _lastConnectionError = error;
                // Its content is only ever written after its envelope was answered, and only flushed by the next call.
                return index >= 0 && index < batch.Count ? index : -1;
            }
            // Broken without an exception (421): whatever is still owed is unknown.
            if (pending >= 0) _results[pending] = new EmailSendResult(batch[pending].DeliveryId, SendOutcome.Transient, null, "The SMTP server closed the connection.");
            return -1;
        }

        private string MessageId(OutgoingEmail email) => $"<{email.DeliveryId:N}@{(from.AsciiAddress ?? from.Address).Split('@')[1]}>";

        private static EmailSendResult Outcome(OutgoingEmail email, SmtpReply reply, string? messageId) => reply.Kind switch
        {
            SmtpReplyKind.Ok => new EmailSendResult(email.DeliveryId, SendOutcome.Sent, messageId, null),
            SmtpReplyKind.Permanent => new EmailSendResult(email.DeliveryId, SendOutcome.Permanent, null, reply.ToString()),
            _ => new EmailSendResult(email.DeliveryId, SendOutcome.Transient, null, reply.ToString()),
        };

        private sealed record BuiltMessage(string? MailFrom, string? RcptTo, bool SmtpUtf8, byte[] DkimHeader, EmailSendResult? Failure);

        /// <summary>Builds the MIME into <paramref name="buffer"/> and signs it; a message that can never be sent as asked is a Permanent failure.</summary>
        private BuiltMessage Build(SmtpConnection connection, OutgoingEmail email, ArrayBufferWriter<byte> buffer)
        {
            try
            {
                var to = new MailboxAddress(email.To, email.ToName);
                // SMTPUTF8 only when an address needs it: everything else stays plain 7-bit mail any relay accepts.
                var smtpUtf8 = connection.Extensions.SmtpUtf8 && (to.IsInternational && to.AsciiAddress is null || from.IsInternational && from.AsciiAddress is null);
                buffer.ResetWrittenCount();
                var now = transport._clock.GetUtcNow();
                MimeMessageWriter.Write(new EmailMessage(from, to, email.Subject, now, email.Text, email.Html, replyTo, MessageId(email), email.Headers),
                    buffer, smtpUtf8);
                var dkim = signer is null ? [] : Encoding.ASCII.GetBytes(signer.Sign(buffer.WrittenSpan, now));
                return new BuiltMessage(from.WireAddress(smtpUtf8), to.WireAddress(smtpUtf8), smtpUtf8, dkim, null);
            }
            catch (EmailFormatException e)
            {
                return new BuiltMessage(null, null, false, [], new EmailSendResult(email.DeliveryId, SendOutcome.Permanent, null, e.Message));
            }
        }

        /// <summary>One message in its own transaction, for servers without PIPELINING (two round trips or more).</summary>
        private async Task<EmailSendResult> SendOneAsync(SmtpConnection connection, OutgoingEmail email, ArrayBufferWriter<byte> buffer, CancellationToken ct)
        {
            var built = Build(connection, email, buffer);
            if (built.Failure is { } failure) return failure;
            try
            {
                var reply = await connection.SendAsync(built.MailFrom!, built.RcptTo!, built.SmtpUtf8, built.DkimHeader, buffer.WrittenMemory, ct);
                return Outcome(email, reply, MessageId(email));
            }
            catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // The message may or may not have reached the server (the reply to the final dot can be lost): the
                // retry that follows can duplicate it, which is the bounded in-flight window of at-least-once delivery.
                return new EmailSendResult(email.DeliveryId, SendOutcome.Transient, null, "SMTP connection failed: " + e.Message);
            }
        }
    }
}
