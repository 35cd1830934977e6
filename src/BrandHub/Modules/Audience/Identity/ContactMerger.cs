using System.Text.Json;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Identity;

/// <summary>
/// Merges two records of the same person into the older one and undoes such merges. The survivor keeps its own
/// values and takes the merged record's where it has none; tags and external ids are pooled; per channel, the most
/// recent consent decision wins. Both records' prior state is snapshotted so the merge can be undone.
/// </summary>
public sealed class ContactMerger(BrandHubDb db, AuditTrail audit, ContactTimeline timeline, Actor actor, TimeProvider clock)
{
    private sealed record Snapshot(ContactSnapshot Survivor, ContactSnapshot? Merged);

    public static IQueryable<Contact> WithChildren(BrandHubDb db) =>
        db.Set<Contact>().Include(c => c.Tags).Include(c => c.ExternalIds).Include(c => c.Consents).AsSplitQuery();

    /// <summary>Merges <paramref name="merged"/> into <paramref name="survivor"/> (both tracked, with children). Caller saves.</summary>
    public ContactMerge Merge(Contact survivor, Contact merged, string reason)
    {
        var before = new Snapshot(ContactSnapshot.Of(survivor), ContactSnapshot.Of(merged));
        var now = clock.Now();

        FillGap(() => survivor.FirstName, v => survivor.FirstName = v, merged.FirstName);
        FillGap(() => survivor.LastName, v => survivor.LastName = v, merged.LastName);
        FillGap(() => survivor.Company, v => survivor.Company = v, merged.Company);
        FillGap(() => survivor.City, v => survivor.City = v, merged.City);
        FillGap(() => survivor.Country, v => survivor.Country = v, merged.Country);
        FillGap(() => survivor.Locale, v => survivor.Locale = v, merged.Locale);
        FillGap(() => survivor.Timezone, v => survivor.Timezone = v, merged.Timezone);
        FillGap(() => survivor.LifecycleStage, v => survivor.LifecycleStage = v, merged.LifecycleStage);
        FillGap(() => survivor.TaxId, v => survivor.TaxId = v, merged.TaxId);
        // Email and phone stay with their own record: they are unique identities, and undo must be able to hand them back.

        var attributes = System.Text.Json.Nodes.JsonNode.Parse(survivor.AttributesJson)!.AsObject();
        foreach (var (k, v) in System.Text.Json.Nodes.JsonNode.Parse(merged.AttributesJson)!.AsObject())
            if (!attributes.ContainsKey(k)) attributes[k] = v?.DeepClone();
        survivor.AttributesJson = attributes.ToJsonString();

        foreach (var t in merged.Tags.Select(t => t.Tag).Where(t => survivor.Tags.All(x => x.Tag != t)).ToList())
            survivor.Tags.Add(new ContactTag { TenantId = survivor.TenantId, ContactId = survivor.Id, Tag = t });
        foreach (var e in merged.ExternalIds.ToList()) e.ContactId = survivor.Id;

        foreach (var theirs in merged.Consents)
        {
            var ours = survivor.Consents.FirstOrDefault(c => c.Channel == theirs.Channel);
            if (ours is null)
                survivor.Consents.Add(new ContactConsent
                {
                    TenantId = survivor.TenantId, ContactId = survivor.Id, Channel = theirs.Channel, Status = theirs.Status, Source = theirs.Source,
                    LegalBasis = theirs.LegalBasis, ProofIp = theirs.ProofIp, ProofUserAgent = theirs.ProofUserAgent, ProofReference = theirs.ProofReference,
                    UpdatedAt = theirs.UpdatedAt,
                });
            else if (theirs.UpdatedAt > ours.UpdatedAt)
            {
                ours.Status = theirs.Status; ours.Source = theirs.Source; ours.LegalBasis = theirs.LegalBasis; ours.ProofIp = theirs.ProofIp;
                ours.ProofUserAgent = theirs.ProofUserAgent; ours.ProofReference = theirs.ProofReference; ours.UpdatedAt = theirs.UpdatedAt;
            }
        }
        if (merged.GlobalUnsubscribeAt is { } gu && (survivor.GlobalUnsubscribeAt is null || gu > survivor.GlobalUnsubscribeAt)) survivor.GlobalUnsubscribeAt = gu;

        merged.MergedIntoId = survivor.Id;
        merged.UpdatedAt = survivor.UpdatedAt = now;
        return Record(survivor, merged.Id, reason, before, now);
    }

    /// <summary>An incoming record matched an existing contact: its values were applied onto it. Recorded so it can be undone.</summary>
    public ContactMerge RecordIncoming(Contact survivor, ContactSnapshot before, string reason) =>
        Record(survivor, Guid.Empty, reason, new Snapshot(before, null), clock.Now());

    private ContactMerge Record(Contact survivor, Guid mergedId, string reason, Snapshot before, DateTimeOffset now)
    {
        var merge = new ContactMerge
        {
            TenantId = survivor.TenantId, Id = Guid.CreateVersion7(), SurvivorId = survivor.Id, MergedId = mergedId, Reason = reason,
            SnapshotJson = JsonSerializer.Serialize(before, AuditTrail.Json), MergedAt = now, MergedBy = actor.Id,
        };
        db.Add(merge);
        audit.Record("contact.merged", "contact", survivor.Id.ToString(), before, new { mergeId = merge.Id, mergedId, reason, after = ContactSnapshot.Of(survivor) }, survivor.Id);
        timeline.Add(survivor.Id, "contact.merged", mergedId == Guid.Empty ? $"Matched an incoming record by {reason}" : $"Merged a duplicate record ({reason})",
            new { mergeId = merge.Id, mergedId, reason });
        return merge;
    }

    /// <summary>Undoes a merge: the survivor returns to its prior state, the merged record becomes live again with its own ids.</summary>
    public async Task<string?> UndoAsync(ContactMerge merge, CancellationToken ct)
    {
        if (merge.UndoneAt is not null) return "This merge was already undone.";
        var snapshot = JsonSerializer.Deserialize<Snapshot>(merge.SnapshotJson, AuditTrail.Json)!;
        var survivor = await WithChildren(db).FirstOrDefaultAsync(c => c.Id == merge.SurvivorId, ct);
        if (survivor is null) return "The surviving contact no longer exists (it was erased).";
        Contact? merged = null;
        if (snapshot.Merged is { } m)
        {
            merged = await WithChildren(db).FirstOrDefaultAsync(c => c.Id == m.Id, ct);
            if (merged is null) return "The merged contact no longer exists (it was erased).";
            if (m.Email is not null && m.Email == snapshot.Survivor.Email || m.Phone is not null && m.Phone == snapshot.Survivor.Phone)
                return "Both records share an email or phone, so they cannot both be live. Change one of them instead.";
        }

        var before = ContactSnapshot.Of(survivor);
        snapshot.Survivor.RestoreOnto(survivor);
        if (merged is not null && snapshot.Merged is { } ms)
        {
            merged.MergedIntoId = null;
            foreach (var e in ms.ExternalIds)
            {
                var row = await db.Set<ContactExternalId>().FirstOrDefaultAsync(x => x.Source == e.Source && x.ExternalId == e.ExternalId, ct);
                if (row is not null) row.ContactId = merged.Id;
            }
            merged.UpdatedAt = clock.Now();
            timeline.Add(merged.Id, "contact.unmerged", "Separated again from a merge", new { mergeId = merge.Id });
        }
        survivor.UpdatedAt = clock.Now();
        merge.UndoneAt = clock.Now();
        audit.Record("contact.merge_undone", "contact", survivor.Id.ToString(), before, new { mergeId = merge.Id, after = ContactSnapshot.Of(survivor) }, survivor.Id);
        timeline.Add(survivor.Id, "contact.merge_undone", "A merge was undone", new { mergeId = merge.Id });
        return null;
    }

    private static void FillGap(Func<string?> get, Action<string?> set, string? value)
    {
        if (get() is null && value is not null) set(value);
    }
}
