using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>Creates, changes and removes contacts, resolving identity so one person stays one profile.</summary>
public sealed class ContactDirectory(BrandHubDb db, AuditTrail audit, ContactTimeline timeline, IdentityResolver identity,
    ContactMerger merger, TimeProvider clock)
{
    public sealed record Outcome(Contact? Contact, IReadOnlyList<FieldError> Errors, bool MergedIntoExisting = false, int QueuedForReview = 0);

    public async Task<(string DefaultCountry, Dictionary<string, AttributeDefinition> Definitions)> ContextAsync(CancellationToken ct)
    {
        var tenantId = db.Scope.RequiredTenantId;
        var country = await db.Set<Tenant>().Where(t => t.Id == tenantId).Select(t => t.DefaultCountry).FirstAsync(ct);
        var defs = await db.Set<AttributeDefinition>().AsNoTracking().ToDictionaryAsync(d => d.Name, ct);
        return (country, defs);
    }

    public async Task<Outcome> CreateAsync(ContactInput input, CancellationToken ct)
    {
        var (country, defs) = await ContextAsync(ct);
        var now = clock.Now();
        var incoming = new Contact { TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
        var errors = ContactEditor.Apply(incoming, input, country, defs);
        if (errors.Count > 0) return new Outcome(null, errors);
        if (ContactEditor.RequireIdentifier(incoming) is { } missing) return new Outcome(null, [missing]);

        if (await identity.FindExactAsync(incoming, ct) is { } match)
        {
            var existing = match.Contact;
            var before = ContactSnapshot.Of(existing);
            var gapErrors = ContactEditor.Apply(existing, input, country, defs, fillGapsOnly: true);
            if (gapErrors.Count > 0) return new Outcome(null, gapErrors);
            // A filled gap (say the phone) may belong to another live contact: say so, as PATCH does, rather than hit the unique index.
            if (await IdentityConflictAsync(existing, ct) is { } conflict) return new Outcome(null, [conflict]);
            existing.UpdatedAt = now;
            merger.RecordIncoming(existing, before, match.Reason);
            await db.SaveChangesAsync(ct);
            return new Outcome(existing, [], MergedIntoExisting: true);
        }

        db.Add(incoming);
        audit.Record("contact.created", "contact", incoming.Id.ToString(), null, ContactSnapshot.Of(incoming), incoming.Id);
        timeline.Add(incoming.Id, "contact.created", "Contact created");
        var queued = await identity.QueueNearMatchesAsync(incoming, ct);
        await db.SaveChangesAsync(ct);
        return new Outcome(incoming, [], QueuedForReview: queued);
    }

    public async Task<Outcome> UpdateAsync(Contact contact, ContactInput input, CancellationToken ct)
    {
        var (country, defs) = await ContextAsync(ct);
        var before = ContactSnapshot.Of(contact);
        var errors = ContactEditor.Apply(contact, input, country, defs);
        if (errors.Count > 0) return new Outcome(null, errors);
        if (ContactEditor.RequireIdentifier(contact) is { } missing) return new Outcome(null, [missing]);

        var conflict = await IdentityConflictAsync(contact, ct);
        if (conflict is not null) return new Outcome(null, [conflict]);

        var after = ContactSnapshot.Of(contact);
        if (System.Text.Json.JsonSerializer.Serialize(after) == System.Text.Json.JsonSerializer.Serialize(before))
            return new Outcome(contact, []);
        contact.UpdatedAt = clock.Now();
        audit.Record("contact.updated", "contact", contact.Id.ToString(), before, after, contact.Id);
        timeline.Add(contact.Id, "contact.updated", "Profile updated", new { fields = input.Present.Order().ToList() });
        await db.SaveChangesAsync(ct);
        return new Outcome(contact, []);
    }

    /// <summary>An email, phone or external id already owned by another live contact: say which, rather than fail on the unique index.</summary>
    public async Task<FieldError?> IdentityConflictAsync(Contact contact, CancellationToken ct)
    {
        var others = db.Set<Contact>().Where(c => c.Id != contact.Id && c.DeletedAt == null && c.MergedIntoId == null);
        if (contact.Email is { } e && await others.AnyAsync(c => c.Email == e, ct)) return new("email", "Another contact already has this email.");
        if (contact.Phone is { } p && await others.AnyAsync(c => c.Phone == p, ct)) return new("phone", "Another contact already has this phone number.");
        foreach (var x in contact.ExternalIds)
            if (await db.Set<ContactExternalId>().AnyAsync(o => o.Source == x.Source && o.ExternalId == x.ExternalId && o.ContactId != contact.Id, ct))
                return new("externalIds", $"External id {x.Source}:{x.ExternalId} belongs to another contact.");
        return null;
    }

    public async Task SoftDeleteAsync(Contact contact, CancellationToken ct)
    {
        if (contact.DeletedAt is not null) return;
        contact.DeletedAt = contact.UpdatedAt = clock.Now();
        audit.Record("contact.deleted", "contact", contact.Id.ToString(), null, new { deletedAt = contact.DeletedAt }, contact.Id);
        timeline.Add(contact.Id, "contact.deleted", "Contact deleted");
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> BulkTagAsync(IReadOnlyCollection<Guid> ids, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken ct)
    {
        var contacts = await db.Set<Contact>().Include(c => c.Tags)
            .Where(c => ids.Contains(c.Id) && c.DeletedAt == null && c.MergedIntoId == null).ToListAsync(ct);
        var changed = 0;
        foreach (var c in contacts)
        {
            var before = c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
            var after = before.Except(remove).Union(add).Order(StringComparer.Ordinal).ToList();
            if (before.SequenceEqual(after) || after.Count > ContactEditor.MaxTags) continue; // unchanged, or would pass the tag limit
            c.Tags.RemoveAll(t => !after.Contains(t.Tag));
            foreach (var t in after.Where(t => c.Tags.All(x => x.Tag != t)))
                c.Tags.Add(new ContactTag { TenantId = c.TenantId, ContactId = c.Id, Tag = t });
            c.UpdatedAt = clock.Now();
            audit.Record("contact.tags_changed", "contact", c.Id.ToString(), new { tags = before }, new { tags = after }, c.Id);
            timeline.Add(c.Id, "contact.updated", "Tags changed", new { added = add, removed = remove });
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
