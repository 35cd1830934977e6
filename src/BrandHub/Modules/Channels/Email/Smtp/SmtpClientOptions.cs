namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>How the SMTP client behaves on the wire; the defaults suit a relay or a provider's submission port.</summary>
public sealed class SmtpClientOptions
{
    /// <summary>TCP connect plus TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Any command's reply (greeting, EHLO, MAIL, RCPT, DATA…). RFC 5321 allows servers minutes; a healthy one answers in milliseconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sending a message's content and waiting for the reply to its final dot, when the server may scan the content.</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A pooled connection unused this long is closed (with QUIT): servers drop idle clients after a few minutes anyway.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The name in EHLO; null means this machine's host name.</summary>
    public string? HeloName { get; set; }
}
