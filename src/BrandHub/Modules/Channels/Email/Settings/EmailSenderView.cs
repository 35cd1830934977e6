namespace BrandHub.Modules.Channels.Email.Settings;

/// <summary>
/// The sender settings as the API shows them: the same flat shape as the PUT body, with each secret replaced by a
/// <c>has…</c> flag. <c>webhookUrl</c> is where to point the HTTP provider's event webhook.
/// </summary>
public sealed record EmailSenderView(
    string Provider, string FromEmail, string? FromName, string? ReplyTo,
    string? Host, int? Port, string? Security, string? Username, bool HasPassword,
    string? BaseUrl, string? Domain, bool HasApiKey, bool HasWebhookSigningKey, string WebhookUrl,
    int MaxConnections, double MessagesPerSecond, EmailSenderView.DkimSummary? Dkim,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public sealed record DkimSummary(string Domain, string Selector, DateTimeOffset? CreatedAt);

    public static EmailSenderView Of(EmailSenderSettings s, string webhookUrl) => new(
        s.Provider, s.FromEmail, s.FromName, s.ReplyTo, s.Host, s.Port, s.Security, s.Username, s.PasswordEncrypted is not null,
        s.BaseUrl, s.Domain, s.ApiKeyEncrypted is not null, s.WebhookSigningKeyEncrypted is not null, webhookUrl,
        s.MaxConnections, s.MessagesPerSecond,
        s.DkimDomain is not null && s.DkimSelector is not null ? new DkimSummary(s.DkimDomain, s.DkimSelector, s.DkimCreatedAt) : null,
        s.CreatedAt, s.UpdatedAt);

    /// <summary>What the audit trail keeps of a change: everything but the secrets, whose presence only is noted.</summary>
    public object AuditSnapshot() => new
    {
        Provider, FromEmail, FromName, ReplyTo, Host, Port, Security, Username, HasPassword,
        BaseUrl, Domain, HasApiKey, HasWebhookSigningKey, MaxConnections, MessagesPerSecond,
    };
}
