using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>
/// What a recipient may see and change behind their unsubscribe link: their consent per messaging channel and the
/// global unsubscribe. Every change goes through the <see cref="ConsentLedger"/>, so it appears in the contact's
/// consent history and timeline with the request's IP and User-Agent as proof and the delivery id as reference.
/// </summary>
public sealed class PreferenceCentre(BrandHubDb db, ConsentLedger ledger)
{
    /// <summary>Sources recorded in the consent history.</summary>
    public const string UnsubscribeLinkSource = "unsubscribe_link", PreferenceCentreSource = "preference_centre";

    /// <summary>The channels a person subscribes to (profiling is a consent, not a subscription, so it is not offered here).</summary>
    public static readonly IReadOnlyList<string> Channels = ["email", "sms", "whatsapp", "push"];

    public sealed record ChannelPreference(string Channel, string Status, bool Subscribed);

    /// <param name="Email">The contact's address, masked (<c>an***@example.com</c>): enough to recognise, not to harvest.</param>
    /// <param name="Channel">The channel the link came in.</param>
    public sealed record PreferencesView(string Tenant, string? Email, string Channel, bool UnsubscribedFromAll, IReadOnlyList<ChannelPreference> Channels);

    public async Task<PreferencesView> ViewAsync(Contact contact, string linkChannel, CancellationToken ct)
    {
        var tenant = await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == contact.TenantId).Select(t => t.Name).FirstAsync(ct);
        var global = contact.GlobalUnsubscribeAt is not null;
        var channels = Channels.Select(ch =>
        {
            var status = contact.Consents.FirstOrDefault(c => c.Channel == ch)?.Status ?? "unknown";
            return new ChannelPreference(ch, status, !global && status == "opted_in");
        }).ToList();
        return new PreferencesView(tenant, Mask(contact.Email), linkChannel, global, channels);
    }

    /// <summary>RFC 8058 one-click: withdraws consent on the link's channel. Idempotent: a second click changes nothing.</summary>
    public async Task UnsubscribeAsync(Contact contact, string channel, ConsentProof proof, CancellationToken ct)
    {
        if (contact.Consents.Any(c => c.Channel == channel && c.Status == "opted_out")) return;
        var errors = ledger.Change(contact, new ConsentChange(channel, "opted_out", UnsubscribeLinkSource, null, proof));
        if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Reads <c>{"email":true|false,"sms":…,"whatsapp":…,"push":…,"unsubscribeAll":bool}</c>; absent keys change nothing.
    /// A channel set to true is an opt-in on basis consent, proven by the request itself.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> UpdateAsync(Contact contact, JsonElement body, ConsentProof proof, CancellationToken ct)
    {
        var (wanted, unsubscribeAll, errors) = Read(body);
        if (errors.Count > 0) return errors;
        if (unsubscribeAll is { } all) ledger.SetGlobalUnsubscribe(contact, all, PreferenceCentreSource, proof);
        foreach (var (channel, subscribe) in wanted)
        {
            var status = subscribe ? "opted_in" : "opted_out";
            if (contact.Consents.Any(c => c.Channel == channel && c.Status == status)) continue;
            var change = new ConsentChange(channel, status, PreferenceCentreSource, subscribe ? "consent" : null, proof);
            var problems = ledger.Change(contact, change);
            if (problems.Count > 0) return problems.Select(p => new FieldError(p.Field.StartsWith("proof") ? "body" : channel, p.Message)).ToList();
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static (List<(string Channel, bool Subscribe)> Wanted, bool? UnsubscribeAll, List<FieldError> Errors) Read(JsonElement body)
    {
        var wanted = new List<(string, bool)>();
        bool? all = null;
        var errors = new List<FieldError>();
        if (body.ValueKind != JsonValueKind.Object) { errors.Add(new("body", "Expected a JSON object.")); return (wanted, all, errors); }
        foreach (var p in body.EnumerateObject())
        {
            var known = p.Name == "unsubscribeAll" || Channels.Contains(p.Name);
            if (!known) { errors.Add(new(p.Name, $"Unknown preference: use {string.Join(", ", Channels)} or unsubscribeAll.")); continue; }
            if (p.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { errors.Add(new(p.Name, "Must be true or false.")); continue; }
            if (p.Name == "unsubscribeAll") all = p.Value.GetBoolean();
            else wanted.Add((p.Name, p.Value.GetBoolean()));
        }
        return (wanted, all, errors);
    }

    public static string? Mask(string? email)
    {
        if (string.IsNullOrEmpty(email)) return null;
        var at = email.LastIndexOf('@');
        if (at <= 0) return "***";
        var local = email[..at];
        var keep = local.Length <= 3 ? 1 : 2;
        return $"{local[..keep]}***{email[at..]}";
    }
}
