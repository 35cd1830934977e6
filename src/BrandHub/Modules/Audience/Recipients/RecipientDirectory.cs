using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Recipients;

/// <summary>What the delivery engine needs to know about a contact to address, personalise and police a message.</summary>
/// <param name="Live">False when the contact was deleted since: nothing is sent to it any more.</param>
/// <param name="Consent">The contact's consent status wire name on the channel asked for (<c>unknown</c> when none).</param>
/// <param name="AttributesJson">The contact's custom attributes as a JSON object (<c>{{contact.attributes.x}}</c> in templates).</param>
public sealed record Recipient(Guid ContactId, string? Email, string? Phone, string? FirstName, string? LastName, string? Company,
    string? Locale, string? Timezone, bool Live, bool GloballyUnsubscribed, string Consent,
    string? City = null, string? Country = null, string AttributesJson = "{}");

/// <summary>
/// The Audience module's face to the delivery engine: looks contacts up in bulk (by id or by email) with their consent on
/// one channel, and creates contacts for transactional recipients who are not contacts yet. Bulk on purpose: a message
/// batch of 1,000 recipients costs a few queries, not a few thousand.
/// </summary>
public sealed class RecipientDirectory(BrandHubDb db, AuditTrail audit, ContactTimeline timeline, TimeProvider clock)
{
    /// <summary>Contacts by id; a merged contact answers with its survivor. Ids that never existed are absent.</summary>
    public async Task<Dictionary<Guid, Recipient>> FindAsync(IReadOnlyCollection<Guid> contactIds, string channel, CancellationToken ct)
    {
        // The contacts themselves first: merged ones are rare, so their survivors cost a second query only when there are some.
        var (found, mergedInto) = await LoadWithMergesAsync(contactIds.Distinct().ToList(), channel, ct);
        var survivors = mergedInto.Values.Where(s => !found.ContainsKey(s)).Distinct().ToList();
        if (survivors.Count > 0)
            foreach (var (id, profile) in (await LoadWithMergesAsync(survivors, channel, ct)).Profiles) found[id] = profile;
        var result = new Dictionary<Guid, Recipient>(found.Count);
        foreach (var id in contactIds)
        {
            var survivor = mergedInto.GetValueOrDefault(id, id);
            if (found.TryGetValue(survivor, out var profile)) result[id] = profile;
        }
        return result;
    }

    /// <summary>Live contacts by normalised email.</summary>
    public async Task<Dictionary<string, Recipient>> FindByEmailAsync(IReadOnlyCollection<string> emails, string channel, CancellationToken ct)
    {
        var list = emails.Distinct().ToList();
        var ids = await db.Set<Contact>().AsNoTracking()
            .Where(c => c.Email != null && list.Contains(c.Email) && c.DeletedAt == null && c.MergedIntoId == null)
            .Select(c => c.Id).ToListAsync(ct);
        var profiles = await LoadAsync(ids, channel, ct);
        return profiles.Values.Where(p => p.Email is not null).ToDictionary(p => p.Email!, p => p);
    }

    /// <summary>
    /// Stages a new contact for each email (normalised, not yet a contact) that a transactional message goes to, with its
    /// audit entry and timeline event; the caller saves, so the contacts commit together with the messages.
    /// </summary>
    public IReadOnlyDictionary<string, Recipient> StageForTransactional(IEnumerable<string> emails, string source)
    {
        var now = clock.Now();
        var created = new Dictionary<string, Recipient>();
        foreach (var email in emails.Distinct())
        {
            var contact = new Contact
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Email = email, CreatedAt = now, UpdatedAt = now,
            };
            db.Add(contact);
            audit.Record("contact.created", "contact", contact.Id.ToString(), null, new { contact.Email, source }, contact.Id);
            timeline.Add(contact.Id, "contact.created", $"Created as the recipient of a {source}", new { source });
            created[email] = new Recipient(contact.Id, email, null, null, null, null, null, null, true, false, "unknown");
        }
        return created;
    }

    private async Task<Dictionary<Guid, Recipient>> LoadAsync(List<Guid> ids, string channel, CancellationToken ct) =>
        (await LoadWithMergesAsync(ids, channel, ct)).Profiles;

    /// <summary>Profiles by id (a merged contact's own is not live), and which were merged into another (contact id → survivor id).</summary>
    private async Task<(Dictionary<Guid, Recipient> Profiles, Dictionary<Guid, Guid> MergedInto)> LoadWithMergesAsync(List<Guid> ids, string channel,
        CancellationToken ct)
    {
        if (ids.Count == 0) return ([], []);
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Email, c.Phone, c.FirstName, c.LastName, c.Company, c.Locale, c.Timezone, c.DeletedAt, c.MergedIntoId, c.GlobalUnsubscribeAt,
                c.City, c.Country, c.AttributesJson })
            .ToListAsync(ct);
        var consents = await db.Set<ContactConsent>().AsNoTracking().Where(c => ids.Contains(c.ContactId) && c.Channel == channel)
            .ToDictionaryAsync(c => c.ContactId, c => c.Status, ct);
        var profiles = contacts.ToDictionary(c => c.Id, c => new Recipient(c.Id, c.Email, c.Phone, c.FirstName, c.LastName, c.Company, c.Locale, c.Timezone,
            c.DeletedAt == null && c.MergedIntoId == null, c.GlobalUnsubscribeAt != null, consents.GetValueOrDefault(c.Id, "unknown"),
            c.City, c.Country, c.AttributesJson));
        var merged = contacts.Where(c => c.MergedIntoId is not null).ToDictionary(c => c.Id, c => c.MergedIntoId!.Value);
        return (profiles, merged);
    }
}
