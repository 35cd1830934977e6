using System.Text.Json;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Privacy;

/// <summary>Everything BrandHub holds about one person, as one JSON document (GDPR art. 15 and 20).</summary>
public static class ContactExport
{
    public static async Task<object> BuildAsync(BrandHubDb db, Guid contactId, CancellationToken ct)
    {
        var ids = await db.Set<Contact>().Where(c => c.Id == contactId || c.MergedIntoId == contactId).Select(c => c.Id).ToListAsync(ct);
        var records = await ContactMerger.WithChildren(db).AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var addresses = records.SelectMany(r => new[] { r.Email, r.Phone }).OfType<string>().ToList();
        var consentHistory = await db.Set<ConsentEvent>().AsNoTracking().Where(e => ids.Contains(e.ContactId)).OrderBy(e => e.OccurredAt).ToListAsync(ct);
        var timeline = await db.Set<TimelineEvent>().AsNoTracking().Where(e => ids.Contains(e.ContactId)).OrderBy(e => e.OccurredAt).ToListAsync(ct);
        var suppressions = await db.Set<Suppression>().AsNoTracking().Where(s => addresses.Contains(s.Address)).ToListAsync(ct);
        var merges = await db.Set<ContactMerge>().AsNoTracking().Where(m => ids.Contains(m.SurvivorId) || ids.Contains(m.MergedId))
            .Select(m => new { m.Id, m.SurvivorId, m.MergedId, m.Reason, m.MergedAt, m.UndoneAt }).ToListAsync(ct);
        var auditSequences = await db.Set<AuditPayload>().AsNoTracking().Where(p => p.SubjectId != null && ids.Contains(p.SubjectId.Value))
            .Select(p => p.Sequence).ToListAsync(ct);
        var auditEntries = await db.Set<AuditEntry>().AsNoTracking().Where(e => auditSequences.Contains(e.Sequence)).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.OccurredAt, e.Actor, e.Action }).ToListAsync(ct);

        var profile = records.First(r => r.Id == contactId);
        return new
        {
            exportedAt = DateTimeOffset.UtcNow,
            format = "brandhub.contact-export.v1",
            contact = ContactView.Of(profile),
            mergedRecords = records.Where(r => r.Id != contactId).Select(ContactView.Of),
            consents = profile.Consents.Select(c => new { c.Channel, c.Status, c.Source, c.LegalBasis, proof = new { ip = c.ProofIp, userAgent = c.ProofUserAgent, reference = c.ProofReference }, c.UpdatedAt }),
            consentHistory = consentHistory.Select(e => new { e.Channel, e.Status, e.Source, e.LegalBasis, proof = new { ip = e.ProofIp, userAgent = e.ProofUserAgent, reference = e.ProofReference }, e.OccurredAt }),
            timeline = timeline.Select(e => new { e.OccurredAt, e.Kind, e.Summary, data = JsonDocument.Parse(e.DataJson).RootElement.Clone() }),
            suppressions = suppressions.Select(s => new { s.Channel, s.Address, s.Reason, s.CreatedAt }),
            merges,
            auditTrail = auditEntries,
        };
    }
}
