using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Segments.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// Takes a request's events in one tenant: checks each, finds whose they are (contact id, email, external id, an
/// earlier identify of the anonymous id, or the recipient of the BrandHub link that brought them), classifies how the
/// visit arrived, ties identified anonymous ids to their contact, and stores the good events through the group-commit
/// writer. Answers per event, in order.
/// </summary>
public sealed class TrackIngest(TenantScope scope, TrackWriter writer, TenantChannelRules channelRules, IServiceProvider services, TimeProvider clock,
    IOptions<JsonOptions> json)
{
    // Taken only when a request needs a lookup: a page view from an anonymous visitor (most of the traffic) needs none, and
    // building a DbContext was the largest single cost of such a request (~7 % of the node's CPU, measured with perf).
    private BrandHubDb? database;
    private BrandHubDb Db => database ??= services.GetRequiredService<BrandHubDb>();

    public const int MaxBatch = 500;

    /// <summary>Event types that may name a contact we have not met: they create it (with no consent).</summary>
    private static readonly HashSet<string> Introducing = [TrackEventTypes.Identify, TrackEventTypes.Signup, TrackEventTypes.Lead, TrackEventTypes.Purchase];

    public async Task<TrackResult> IngestAsync(IReadOnlyList<JsonElement> raw, DateTimeOffset? sentAt, IReadOnlyCollection<string> siteHosts, CancellationToken ct)
    {
        var tenantId = scope.RequiredTenantId;
        var now = clock.GetUtcNow();
        var skew = sentAt is { } sent ? now - sent.ToUniversalTime() : TimeSpan.Zero;
        var drafts = new TrackEventReader.Draft?[raw.Count];
        var errors = new List<FieldError>?[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            var (draft, problems) = TrackEventReader.Read(raw[i], now, skew, json.Value.SerializerOptions);
            drafts[i] = draft;
            if (problems.Count > 0) errors[i] = problems;
        }

        await ResolveContactsAsync(drafts, errors, ct);
        await IdentifyAsync(drafts, errors, ct);
        var deliveries = await DeliveriesAsync(drafts, ct);
        var rules = await channelRules.ForAsync(tenantId, ct);

        var valid = new List<TrackEvent>();
        for (var i = 0; i < raw.Count; i++)
        {
            if (errors[i] is not null || drafts[i] is not { } d) continue;
            var e = d.Event;
            e.TenantId = tenantId;
            string? messageChannel = null;
            if (d.BhDelivery is { } deliveryId && deliveries.TryGetValue(deliveryId, out var delivery))
            {
                e.DeliveryId = deliveryId;
                e.ContactId ??= delivery.ContactId;
                messageChannel = delivery.Channel;
            }
            var hosts = e.Url is not null && Uri.TryCreate(e.Url, UriKind.Absolute, out var page) ? siteHosts.Append(page.Host).ToList() : siteHosts;
            e.Channel = ChannelClassifier.Classify(new TouchSource(e.UtmSource, e.UtmMedium, e.Referrer,
                Click(e, "gclid"), Click(e, "msclkid"), Click(e, "fbclid"), Click(e, "ttclid"), messageChannel, hosts), rules);
            e.Source = TrackEventReader.SourceOf(e);
            valid.Add(e);
        }

        var stored = await writer.StoreAsync(valid, ct);
        await ForwardToTimelineAsync(valid.Where((_, i) => stored[i]).ToList(), ct);
        var results = new List<TrackEventResult>(raw.Count);
        int k = 0, storedCount = 0, duplicates = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            if (errors[i] is { } problems)
            {
                results.Add(new(i, drafts[i]?.Event.EventId ?? EventIdOf(raw[i]), "rejected",
                    problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())));
                continue;
            }
            var isNew = stored[k++];
            if (isNew) storedCount++; else duplicates++;
            results.Add(new(i, drafts[i]!.Event.EventId, isNew ? "stored" : "duplicate"));
        }
        return new TrackResult(storedCount, duplicates, raw.Count - storedCount - duplicates, results);
    }

    /// <summary>
    /// What identified visitors did beyond viewing pages (add_to_cart, purchase, lead, custom events…) also becomes a
    /// contact event, so segment criteria ("added to cart in the last 7 days, did not buy") and contact metrics see it.
    /// Only newly stored events; a purchase whose order was already tracked (the browser's, then the ERP's) counts once.
    /// </summary>
    private async Task ForwardToTimelineAsync(List<TrackEvent> stored, CancellationToken ct)
    {
        var candidates = stored.Where(e => e.Type is not (TrackEventTypes.PageView or TrackEventTypes.Identify)).ToList();
        if (candidates.Count == 0) return;
        var anonymous = candidates.Where(e => e.ContactId is null && e.AnonymousId is not null).Select(e => e.AnonymousId!).Distinct().ToList();
        var identified = anonymous.Count == 0 ? [] : await Db.Set<VisitorIdentity>().AsNoTracking().Where(v => anonymous.Contains(v.AnonymousId))
            .ToDictionaryAsync(v => v.AnonymousId, v => v.ContactId, ct);
        var orders = candidates.Where(e => e.OrderId is not null).Select(e => e.OrderId!).Distinct().ToList();
        var ids = candidates.Select(e => e.Id).ToList();
        var seenOrders = orders.Count == 0 ? [] : (await Db.Set<TrackEvent>().AsNoTracking()
            .Where(e => e.OrderId != null && orders.Contains(e.OrderId) && !ids.Contains(e.Id)).Select(e => e.OrderId!).ToListAsync(ct)).ToHashSet();
        var inputs = new List<(string Prefix, ContactEventInput Input)>();
        foreach (var e in candidates)
        {
            var contact = e.ContactId ?? (e.AnonymousId is { } a && identified.TryGetValue(a, out var c) ? c : null);
            if (contact is null) continue;
            if (e.OrderId is { } order && !seenOrders.Add(order)) continue; // tracked before, or earlier in this batch
            inputs.Add(("", new ContactEventInput(contact, null, e.Name, e.OccurredAt, JsonDocument.Parse(e.PropertiesJson).RootElement, e.Revenue, e.Currency)));
        }
        if (inputs.Count > 0) await services.GetRequiredService<ContactEventIngest>().IngestAsync(inputs, ct);
    }

    private static string? Click(TrackEvent e, string kind) => e.ClickKind == kind ? e.ClickId : null;

    private static string? EventIdOf(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>Contact ids must exist (a merged contact's events go to the survivor); emails and external ids are looked up.</summary>
    private async Task ResolveContactsAsync(TrackEventReader.Draft?[] drafts, List<FieldError>?[] errors, CancellationToken ct)
    {
        var live = drafts.Where(d => d is not null).Select(d => d!).ToList();
        var ids = live.Where(d => d.Event.ContactId is not null).Select(d => d.Event.ContactId!.Value).Distinct().ToList();
        var emails = live.Where(d => d.Event.ContactId is null && d.Email is not null).Select(d => d.Email!).Distinct().ToList();
        var byId = ids.Count == 0 ? [] : await Db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.DeletedAt == null)
            .Select(c => new { c.Id, c.MergedIntoId }).ToDictionaryAsync(c => c.Id, c => c.MergedIntoId ?? c.Id, ct);
        var byEmail = emails.Count == 0 ? [] : (await Db.Set<Contact>().AsNoTracking()
            .Where(c => c.Email != null && emails.Contains(c.Email) && c.DeletedAt == null && c.MergedIntoId == null)
            .Select(c => new { c.Id, Email = c.Email! }).ToListAsync(ct)).GroupBy(c => c.Email).ToDictionary(g => g.Key, g => g.First().Id);
        var external = new Dictionary<(string, string), Guid>();
        foreach (var group in live.Where(d => d.Event.ContactId is null && d.Email is null && d.ExternalId is not null).GroupBy(d => d.ExternalSource))
        {
            var values = group.Select(d => d.ExternalId!).Distinct().ToList();
            foreach (var x in await Db.Set<ContactExternalId>().AsNoTracking().Where(x => x.Source == group.Key && values.Contains(x.ExternalId)).ToListAsync(ct))
                external[(x.Source, x.ExternalId)] = x.ContactId;
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            if (drafts[i] is not { } d) continue;
            var e = d.Event;
            if (e.ContactId is { } id)
            {
                if (byId.TryGetValue(id, out var survivor)) e.ContactId = survivor;
                else (errors[i] ??= []).Add(new("contactId", "No contact with this id."));
            }
            else if (d.Email is { } email)
            {
                if (byEmail.TryGetValue(email, out var found)) e.ContactId = found;
                else if (Introducing.Contains(e.Type)) e.ContactId = byEmail[email] = await IntroduceAsync(email, ct);
                else (errors[i] ??= []).Add(new("email", "No contact with this email: send identify (or signup) with it first."));
            }
            else if (d.ExternalId is { } externalId)
            {
                if (external.TryGetValue((d.ExternalSource, externalId), out var found)) e.ContactId = found;
                else (errors[i] ??= []).Add(new("externalId", $"No contact with this {d.ExternalSource} id."));
            }
        }
    }

    /// <summary>A contact first met through tracking: created with just the email, no consent, so it is known but not messaged.</summary>
    private async Task<Guid> IntroduceAsync(string email, CancellationToken ct)
    {
        var input = new ContactInput { Email = email };
        input.Present.Add("email");
        // Resolved only here: most requests introduce nobody, and the directory's dependencies are not free to build.
        var outcome = await services.GetRequiredService<ContactDirectory>().CreateAsync(input, ct);
        return outcome.Contact?.Id ?? throw new InvalidOperationException($"Could not create a contact: {string.Join("; ", outcome.Errors.Select(e => e.Message))}");
    }

    /// <summary>
    /// identify: the anonymous id is this contact's from now on (the latest identify wins), and its events stored so far
    /// without a contact become the contact's. Events naming only an anonymous id get the contact an identify gave it —
    /// earlier or in this very batch — as the writer stores them (one lookup per flush, not per request).
    /// </summary>
    private async Task IdentifyAsync(TrackEventReader.Draft?[] drafts, List<FieldError>?[] errors, CancellationToken ct)
    {
        var identifies = drafts.Where((d, i) => d is not null && errors[i] is null && d.Event.Type == TrackEventTypes.Identify && d.Event.ContactId is not null)
            .Select(d => d!.Event).GroupBy(e => e.AnonymousId!).Select(g => g.MaxBy(e => e.OccurredAt)!).ToList();
        var now = clock.GetUtcNow();
        foreach (var e in identifies)
        {
            var known = await Db.Set<VisitorIdentity>().FirstOrDefaultAsync(v => v.AnonymousId == e.AnonymousId, ct);
            if (known is null) Db.Add(new VisitorIdentity { TenantId = scope.RequiredTenantId, AnonymousId = e.AnonymousId!, ContactId = e.ContactId!.Value, IdentifiedAt = now });
            else if (known.ContactId != e.ContactId) { known.ContactId = e.ContactId!.Value; known.IdentifiedAt = now; }
        }
        if (identifies.Count > 0)
        {
            await Db.SaveChangesAsync(ct);
            foreach (var e in identifies)
                await Db.ExecuteAsync("UPDATE track_events SET contact_id = @contact WHERE tenant_id = @tenant AND anonymous_id = @anonymous AND contact_id IS NULL",
                    [("@contact", Db.Id(e.ContactId!.Value)), ("@tenant", Db.Id(scope.RequiredTenantId)), ("@anonymous", e.AnonymousId)], ct);
        }
    }

    private sealed record LinkDelivery(Guid? ContactId, string Channel);

    private async Task<Dictionary<Guid, LinkDelivery>> DeliveriesAsync(TrackEventReader.Draft?[] drafts, CancellationToken ct)
    {
        var ids = drafts.Where(d => d?.BhDelivery is not null).Select(d => d!.BhDelivery!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await Db.Set<Delivery.Delivery>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new LinkDelivery(d.ContactId, d.Channel), ct);
    }
}
