using System.Text.Json;
using BrandHub.Core.Audience;
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
    /// <summary>The export (format <c>brandhub.contact-export.v1</c>).</summary>
    /// <param name="MergedRecords">The records merged into this contact, as they are now.</param>
    public sealed record ContactExportDocument(DateTimeOffset ExportedAt, string Format, ContactView Contact, IReadOnlyList<ContactView> MergedRecords,
        IReadOnlyList<ExportedConsent> Consents, IReadOnlyList<ExportedConsentEvent> ConsentHistory, IReadOnlyList<ExportedTimelineEvent> Timeline,
        IReadOnlyList<ExportedSuppression> Suppressions, IReadOnlyList<ExportedMerge> Merges, IReadOnlyList<ExportedAuditEntry> AuditTrail);
    public sealed record ExportedConsent(string Channel, string Status, string? Source, string? LegalBasis, ConsentProof Proof, DateTimeOffset UpdatedAt);
    public sealed record ExportedConsentEvent(string Channel, string Status, string? Source, string? LegalBasis, ConsentProof Proof, DateTimeOffset OccurredAt);
    public sealed record ExportedTimelineEvent(DateTimeOffset OccurredAt, string Kind, string Summary, JsonElement Data);
    public sealed record ExportedSuppression(string Channel, string Address, string Reason, DateTimeOffset CreatedAt);
    public sealed record ExportedMerge(Guid Id, Guid SurvivorId, Guid MergedId, string Reason, DateTimeOffset MergedAt, DateTimeOffset? UndoneAt);
    public sealed record ExportedAuditEntry(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action);

    public static async Task<ContactExportDocument> BuildAsync(BrandHubDb db, Guid contactId, CancellationToken ct)
    {
        var ids = await db.Set<Contact>().Where(c => c.Id == contactId || c.MergedIntoId == contactId).Select(c => c.Id).ToListAsync(ct);
        var records = await ContactMerger.WithChildren(db).AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var addresses = records.SelectMany(r => new[] { r.Email, r.Phone }).OfType<string>().ToList();
        var consentHistory = await db.Set<ConsentEvent>().AsNoTracking().Where(e => ids.Contains(e.ContactId)).OrderBy(e => e.OccurredAt).ToListAsync(ct);
        var timeline = await db.Set<TimelineEvent>().AsNoTracking().Where(e => ids.Contains(e.ContactId)).OrderBy(e => e.OccurredAt).ToListAsync(ct);
        var suppressions = await db.Set<Suppression>().AsNoTracking().Where(s => addresses.Contains(s.Address)).ToListAsync(ct);
        var merges = await db.Set<ContactMerge>().AsNoTracking().Where(m => ids.Contains(m.SurvivorId) || ids.Contains(m.MergedId))
            .Select(m => new ExportedMerge(m.Id, m.SurvivorId, m.MergedId, m.Reason, m.MergedAt, m.UndoneAt)).ToListAsync(ct);
        var auditSequences = await db.Set<AuditPayload>().AsNoTracking().Where(p => p.SubjectId != null && ids.Contains(p.SubjectId.Value))
            .Select(p => p.Sequence).ToListAsync(ct);
        var auditEntries = await db.Set<AuditEntry>().AsNoTracking().Where(e => auditSequences.Contains(e.Sequence)).OrderBy(e => e.Sequence)
            .Select(e => new ExportedAuditEntry(e.Sequence, e.OccurredAt, e.Actor, e.Action)).ToListAsync(ct);

        var profile = records.First(r => r.Id == contactId);
        return new ContactExportDocument(
            ExportedAt: DateTimeOffset.UtcNow,
            Format: "brandhub.contact-export.v1",
            Contact: ContactView.Of(profile),
            MergedRecords: records.Where(r => r.Id != contactId).Select(ContactView.Of).ToList(),
            Consents: profile.Consents.Select(c => new ExportedConsent(c.Channel, c.Status, c.Source, c.LegalBasis,
                new ConsentProof(c.ProofIp, c.ProofUserAgent, c.ProofReference), c.UpdatedAt)).ToList(),
            ConsentHistory: consentHistory.Select(e => new ExportedConsentEvent(e.Channel, e.Status, e.Source, e.LegalBasis,
                new ConsentProof(e.ProofIp, e.ProofUserAgent, e.ProofReference), e.OccurredAt)).ToList(),
            Timeline: timeline.Select(e => new ExportedTimelineEvent(e.OccurredAt, e.Kind, e.Summary, JsonDocument.Parse(e.DataJson).RootElement.Clone())).ToList(),
            Suppressions: suppressions.Select(s => new ExportedSuppression(s.Channel, s.Address, s.Reason, s.CreatedAt)).ToList(),
            Merges: merges,
            AuditTrail: auditEntries);
    }
}
