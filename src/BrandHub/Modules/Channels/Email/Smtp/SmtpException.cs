using BrandHub.Core.Email;

namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>
/// The server refused something that a connection cannot work without (greeting, EHLO, STARTTLS, AUTH), or it spoke
/// something that is not SMTP. The connection is unusable afterwards.
/// </summary>
public sealed class SmtpException(string message, SmtpReply? reply = null, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The reply that caused it, when there was one.</summary>
    public SmtpReply? Reply { get; } = reply;
}
