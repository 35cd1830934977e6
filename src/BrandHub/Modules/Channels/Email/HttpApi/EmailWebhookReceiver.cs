using System.Text.Json;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Channels.Email.Settings;
using BrandHub.Modules.Delivery;
using BrandHub.Modules.Platform.Secrets;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Channels.Email.HttpApi;

/// <summary>
/// Acts on one provider webhook for one tenant: verify (signature, freshness, token not seen), then apply. Runs inside a
/// <see cref="Platform.Tenancy.TenantWork"/> scope of the tenant named in the webhook URL; the signature proves the
/// request came from that tenant's provider account, so nothing is read or changed before it verifies.
/// The event is applied inline rather than queued: it is one indexed update of one delivery, cheaper than writing a job
/// for it, and if it fails the provider gets a 5xx and retries the same request (the token claim is given back).
/// </summary>
public sealed class EmailWebhookReceiver(BrandHubDb db, SecretKeys secrets, IServiceProvider services, ConsentLedger consents,
    TimeProvider clock, ILogger<EmailWebhookReceiver> log)
{
    public enum Outcome { Rejected, Duplicate, Recorded, Ignored }

    public async Task<Outcome> ReceiveAsync(JsonElement body, CancellationToken ct)
    {
        if (!TryReadSignature(body, out var timestamp, out var token, out var signature)) return Outcome.Rejected;
        var settings = await db.Set<EmailSenderSettings>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings?.WebhookSigningKeyEncrypted is not { } encryptedKey) return Outcome.Rejected;
        if (!MailgunSignature.IsValid(secrets.Decrypt(encryptedKey), timestamp, token, signature)) return Outcome.Rejected;
        var now = clock.GetUtcNow();
        if (!MailgunSignature.IsFresh(timestamp, now)) return Outcome.Rejected;
        if (!await ClaimAsync(token, now, ct)) return Outcome.Duplicate;

        try
        {
            return await ApplyAsync(body, now, ct);
        }
        catch
        {
            // Give the token back so the provider's retry of this very request is acted on.
            await db.Set<EmailWebhookToken>().Where(t => t.Token == token).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<Outcome> ApplyAsync(JsonElement body, DateTimeOffset now, CancellationToken ct)
    {
        if (!body.TryGetProperty("event-data", out var data) || data.ValueKind != JsonValueKind.Object) return Outcome.Ignored;
        var e = ProviderEvent.Read(data, now);
        if (e.IsUnsubscribe) return await WithdrawConsentAsync(e, ct) ? Outcome.Recorded : Outcome.Ignored;
        if (e.Delivery is null) return Outcome.Ignored;
        // Resolved here, not injected: the delivery engine implements it, and a webhook must still verify without it.
        var events = services.GetRequiredService<IDeliveryEvents>();
        if (await events.RecordAsync(e.Delivery, ct)) return Outcome.Recorded;
        log.LogInformation("Email webhook {Event} for an unknown delivery ({DeliveryId} / {MessageId})", e.Event, e.Delivery.DeliveryId, e.Delivery.ProviderMessageId);
        return Outcome.Ignored;
    }

    /// <summary>The recipient used the provider's own unsubscribe: record it in the consent ledger like our link does.</summary>
    private async Task<bool> WithdrawConsentAsync(ProviderEvent e, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(e.Recipient, out var email, out _)) return false;
        var contact = await ContactMerger.WithChildren(db)
            .FirstOrDefaultAsync(c => c.Email == email && c.DeletedAt == null && c.MergedIntoId == null, ct);
        if (contact is null) return false;
        if (contact.Consents.Any(c => c.Channel == "email" && c.Status == "opted_out")) return true;
        var errors = consents.Change(contact, new ConsentChange("email", "opted_out", "provider_unsubscribe", null,
            new ConsentProof(Reference: e.DeliveryId?.ToString())));
        if (errors.Count > 0) return false;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Records the token as used; false when it already was (a replay, or the provider retrying a request we handled).</summary>
    private async Task<bool> ClaimAsync(string token, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now - MailgunSignature.MaxAge * 2;
        await db.Set<EmailWebhookToken>().Where(t => t.ReceivedAt < horizon).ExecuteDeleteAsync(ct);
        if (await db.Set<EmailWebhookToken>().AnyAsync(t => t.Token == token, ct)) return false;
        var claim = new EmailWebhookToken { TenantId = db.Scope.RequiredTenantId, Token = token, ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()) };
        db.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            return false; // the same token arrived concurrently and the other request claimed it
        }
    }

    private static bool TryReadSignature(JsonElement body, out string timestamp, out string token, out string signature)
    {
        timestamp = token = signature = "";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("signature", out var s) || s.ValueKind != JsonValueKind.Object) return false;
        timestamp = s.TryGetProperty("timestamp", out var t) ? t.ValueKind switch
        {
            JsonValueKind.String => t.GetString()!,
            JsonValueKind.Number => t.GetRawText(),
            _ => "",
        } : "";
        token = s.TryGetProperty("token", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
        signature = s.TryGetProperty("signature", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : "";
        return timestamp.Length is > 0 and <= 20 && token.Length is > 0 and <= 200 && signature.Length is > 0 and <= 200;
    }
}
