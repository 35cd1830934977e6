namespace BrandHub.Modules.Channels.Email;

/// <summary>
/// One email provider kind's way onto the wire: SMTP (pooled connections) or an HTTP messages API. The delivery
/// dispatcher hands a transport a batch; the transport reports each message's outcome and never throws for one
/// message's failure (a failure of the whole provider is a <see cref="SendOutcome.Transient"/> result for each).
/// </summary>
public interface IEmailTransport
{
    /// <summary><c>smtp</c> or <c>http</c>: matches <see cref="EmailSender.Provider"/>.</summary>
    string Provider { get; }

    Task<IReadOnlyList<EmailSendResult>> SendAsync(EmailSender sender, IReadOnlyList<OutgoingEmail> batch, CancellationToken ct);
}

/// <summary>
/// A message ready to send: rendered content plus the extra headers the delivery engine sets (List-Unsubscribe,
/// List-Unsubscribe-Post, Feedback-ID…). The transport builds the MIME (and DKIM-signs it when the sender has a key).
/// </summary>
public sealed record OutgoingEmail(
    Guid DeliveryId, string To, string? ToName, string Subject, string Html, string Text,
    IReadOnlyList<KeyValuePair<string, string>> Headers);

public enum SendOutcome
{
    /// <summary>The provider accepted the message.</summary>
    Sent,
    /// <summary>Try again later: SMTP 4xx, HTTP 429/5xx, timeouts, connection failures.</summary>
    Transient,
    /// <summary>Retrying cannot help: SMTP 5xx, HTTP 4xx.</summary>
    Permanent,
}

public sealed record EmailSendResult(Guid DeliveryId, SendOutcome Outcome, string? ProviderMessageId, string? Error);

/// <summary>A tenant's sender configuration with its credentials decrypted, as the transports need it.</summary>
public sealed record EmailSender(
    string Provider, string FromEmail, string? FromName, string? ReplyTo,
    SmtpEndpoint? Smtp, HttpProviderEndpoint? Http, DkimKey? Dkim,
    int MaxConnections = 4, double MessagesPerSecond = 0);

/// <param name="Security"><c>none</c>, <c>starttls</c> or <c>tls</c> (implicit TLS, usually port 465).</param>
public sealed record SmtpEndpoint(string Host, int Port, string Security, string? Username, string? Password,
    bool AllowInvalidCertificate = false);

/// <summary>A Mailgun-style messages API: <c>POST {BaseUrl}/v3/{Domain}/messages</c> with basic auth <c>api:{ApiKey}</c>.</summary>
public sealed record HttpProviderEndpoint(string BaseUrl, string Domain, string ApiKey, string? WebhookSigningKey);

public sealed record DkimKey(string Domain, string Selector, string PrivateKeyPem);
