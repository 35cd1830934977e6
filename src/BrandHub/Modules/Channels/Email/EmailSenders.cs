using BrandHub.Data;
using BrandHub.Modules.Channels.Email.Settings;
using BrandHub.Modules.Platform.Secrets;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Channels.Email;

/// <summary>The delivery engine's view of a tenant's sender: credentials decrypted, cached briefly (<see cref="EmailSenderCache"/>).</summary>
public sealed class EmailSenders(BrandHubDb db, SecretKeys secrets, EmailSenderCache cache) : IEmailSenders
{
    public Task<EmailSender?> FindAsync(CancellationToken ct) =>
        cache.GetOrLoadAsync(db.Scope.RequiredTenantId, async () =>
            await db.Set<EmailSenderSettings>().AsNoTracking().FirstOrDefaultAsync(ct) is { } s ? ToSender(s, secrets) : null);

    public static EmailSender ToSender(EmailSenderSettings s, SecretKeys secrets)
    {
        string? Decrypt(string? stored) => stored is null ? null : secrets.Decrypt(stored);
        var smtp = s.Provider == "smtp" && s.Host is not null
            ? new SmtpEndpoint(s.Host, s.Port ?? EmailSettingsInput.DefaultPort(s.Security ?? "starttls"), s.Security ?? "starttls", s.Username, Decrypt(s.PasswordEncrypted))
            : null;
        var http = s.Provider == "http" && s.BaseUrl is not null && s.Domain is not null && s.ApiKeyEncrypted is not null
            ? new HttpProviderEndpoint(s.BaseUrl, s.Domain, Decrypt(s.ApiKeyEncrypted)!, Decrypt(s.WebhookSigningKeyEncrypted))
            : null;
        var dkim = s.DkimDomain is not null && s.DkimSelector is not null && s.DkimPrivateKeyEncrypted is not null
            ? new DkimKey(s.DkimDomain, s.DkimSelector, Decrypt(s.DkimPrivateKeyEncrypted)!)
            : null;
        return new EmailSender(s.Provider, s.FromEmail, s.FromName, s.ReplyTo, smtp, http, dkim, s.MaxConnections, s.MessagesPerSecond);
    }
}
