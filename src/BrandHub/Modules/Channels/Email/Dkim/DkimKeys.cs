using System.Security.Cryptography;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Channels.Email.Settings;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Secrets;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Channels.Email.Dkim;

/// <summary>
/// Generates a tenant's DKIM signing key (RSA 2048, the size RFC 8301 recommends and every verifier accepts) and keeps
/// the private half encrypted with the sender settings. Signing itself is the transports' job (<see cref="DkimKey"/>).
/// </summary>
public sealed class DkimKeys(BrandHubDb db, SecretKeys secrets, AuditTrail audit, EmailSenderCache cache, TimeProvider clock)
{
    public const int KeySizeBits = 2048;

    public enum Failure { None, NotConfigured }

    public async Task<(DkimRecord? Record, IReadOnlyList<FieldError> Errors, Failure Failure)> GenerateAsync(DkimKeyRequest request, CancellationToken ct)
    {
        var errors = Validate(request, out var domain, out var selector);
        if (errors.Count > 0) return (null, errors, Failure.None);
        var settings = await db.Set<EmailSenderSettings>().FirstOrDefaultAsync(ct);
        if (settings is null) return (null, [], Failure.NotConfigured);

        using var rsa = RSA.Create(KeySizeBits);
        var publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        settings.DkimDomain = domain;
        settings.DkimSelector = selector;
        settings.DkimPrivateKeyEncrypted = secrets.Encrypt(rsa.ExportPkcs8PrivateKeyPem());
        settings.DkimPublicKey = publicKey;
        settings.DkimCreatedAt = settings.UpdatedAt = clock.Now();
        audit.Record("channel.email.dkim_generated", "email_sender", settings.TenantId.ToString(), null,
            new { domain, selector, keySize = KeySizeBits, publicKey });
        await db.SaveChangesAsync(ct);
        cache.Invalidate(settings.TenantId);
        return (DkimRecord.For(domain, selector, publicKey, settings.DkimCreatedAt), [], Failure.None);
    }

    public async Task<DkimRecord?> CurrentAsync(CancellationToken ct) =>
        await db.Set<EmailSenderSettings>().AsNoTracking().FirstOrDefaultAsync(ct) is { DkimDomain: { } d, DkimSelector: { } s, DkimPublicKey: { } p } settings
            ? DkimRecord.For(d, s, p, settings.DkimCreatedAt)
            : null;

    private static List<FieldError> Validate(DkimKeyRequest request, out string domain, out string selector)
    {
        var errors = new List<FieldError>();
        domain = request.Domain?.Trim().TrimEnd('.').ToLowerInvariant() ?? "";
        selector = request.Selector?.Trim().ToLowerInvariant() ?? "";
        if (!EmailSettingsInput.IsHostName(domain) || Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.'))
            errors.Add(new("domain", "The domain that signs, e.g. example.com (usually your From address's domain)."));
        // A selector is one or more DNS labels (RFC 6376 §3.1): letters, digits, hyphens, dots between labels.
        if (selector.Length is 0 or > 63 || !selector.Split('.').All(IsLabel))
            errors.Add(new("selector", "One DNS label or more (letters, digits, hyphens), e.g. brandhub1."));
        return errors;
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}

/// <param name="Domain">The domain that signs, e.g. example.com.</param>
/// <param name="Selector">The DNS selector the public key is published under, e.g. brandhub1.</param>
public sealed record DkimKeyRequest(string? Domain, string? Selector);
