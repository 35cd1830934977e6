using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Delivery.Tracking;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Secrets;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Channels.Email.Settings;

/// <summary>Reads and changes the current tenant's sender settings: validated, secrets encrypted, audited without them.</summary>
public sealed class EmailSenderConfiguration(BrandHubDb db, SecretKeys secrets, AuditTrail audit, EmailSenderCache cache,
    TrackingLinks links, TimeProvider clock)
{
    public Task<EmailSenderSettings?> FindAsync(CancellationToken ct, bool track = false) =>
        (track ? db.Set<EmailSenderSettings>() : db.Set<EmailSenderSettings>().AsNoTracking()).FirstOrDefaultAsync(ct);

    public EmailSenderView View(EmailSenderSettings settings) => EmailSenderView.Of(settings, WebhookUrl(settings.TenantId));

    /// <summary>Where the HTTP provider should post its events for this tenant.</summary>
    public string WebhookUrl(Guid tenantId) => $"{links.BaseUrl}/api/v1/webhooks/email/{tenantId}";

    public async Task<(EmailSenderView? View, IReadOnlyList<FieldError> Errors)> SaveAsync(EmailSettingsInput input, CancellationToken ct)
    {
        var stored = await FindAsync(ct, track: true);
        var errors = input.Validate(stored);
        if (errors.Count > 0) return (null, errors);

        var before = stored is null ? null : View(stored).AuditSnapshot();
        var now = clock.Now();
        var s = stored ?? new EmailSenderSettings { TenantId = db.Scope.RequiredTenantId, CreatedAt = now };
        Normalize(input.FromEmail, out var from);
        s.Provider = input.Provider!;
        s.FromEmail = from;
        s.FromName = input.FromName;
        s.ReplyTo = input.ReplyTo is null ? null : Normalize(input.ReplyTo, out var reply) ? reply : null;
        // A PUT replaces the whole configuration; only secrets survive when omitted, so a form never has to echo them.
        s.Security = input.Provider == "smtp" ? input.Security ?? "starttls" : input.Security;
        s.Host = input.Host;
        s.Port = input.Port ?? (input.Provider == "smtp" ? EmailSettingsInput.DefaultPort(s.Security!) : null);
        s.Username = input.Username;
        s.BaseUrl = input.BaseUrl?.TrimEnd('/');
        s.Domain = input.Domain?.ToLowerInvariant();
        if (input.HasPassword) s.PasswordEncrypted = Encrypt(input.Password);
        if (input.HasApiKey) s.ApiKeyEncrypted = Encrypt(input.ApiKey);
        if (input.HasWebhookSigningKey) s.WebhookSigningKeyEncrypted = Encrypt(input.WebhookSigningKey);
        s.MaxConnections = input.MaxConnections ?? 4;
        s.MessagesPerSecond = input.MessagesPerSecond ?? 0;
        s.UpdatedAt = now;
        if (stored is null) db.Add(s);

        var view = View(s);
        audit.Record(stored is null ? "channel.email.configured" : "channel.email.changed", "email_sender", s.TenantId.ToString(), before, view.AuditSnapshot());
        await db.SaveChangesAsync(ct);
        cache.Invalidate(s.TenantId);
        return (view, []);
    }

    private string? Encrypt(string? secret) => secret is null ? null : secrets.Encrypt(secret);

    private static bool Normalize(string? input, out string normalized) =>
        Core.Audience.EmailAddress.TryNormalize(input, out normalized, out _);
}
