using System.Security.Cryptography;
using System.Text;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Imports;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Privacy;

/// <summary>
/// The right to be forgotten (GDPR art. 17). Removes the person — and every record merged into them — from every
/// table in one transaction: profile, tags, ids, consents and their history, timeline, merge snapshots, reviews,
/// audit payloads about them, import error values. Suppressions keep only a SHA-256 of the address so the person is
/// still never contacted again. The audit chain survives: it covers payload digests, never the payloads.
/// Afterwards the database files are scrubbed: SQLite runs with secure_delete and checkpoints its WAL; PostgreSQL vacuums.
/// </summary>
public sealed class ContactEraser(BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, ILogger<ContactEraser> log)
{
    public sealed record ErasureResult(Guid ErasureId, DateTimeOffset ErasedAt, IReadOnlyDictionary<string, int> Rows);

    public static string HashAddress(string address) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));

    public async Task<ErasureResult> EraseAsync(Guid contactId, CancellationToken ct)
    {
        var now = clock.Now();
        var rows = new Dictionary<string, int>();
        var erasureId = Guid.CreateVersion7();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var ids = await db.Set<Contact>().Where(c => c.Id == contactId || c.MergedIntoId == contactId).Select(c => c.Id).ToListAsync(ct);
            var people = await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Email, c.Phone, c.TaxId }).ToListAsync(ct);
            var addresses = people.SelectMany(p => new[] { p.Email, p.Phone }).OfType<string>().Distinct().ToList();

            rows["consent_events"] = await db.Set<ConsentEvent>().Where(e => ids.Contains(e.ContactId)).ExecuteDeleteAsync(ct);
            rows["timeline_events"] = await db.Set<TimelineEvent>().Where(e => ids.Contains(e.ContactId)).ExecuteDeleteAsync(ct);
            rows["identity_reviews"] = await db.Set<IdentityReview>().Where(r => ids.Contains(r.ContactId) || ids.Contains(r.CandidateId)).ExecuteDeleteAsync(ct);
            rows["contact_merges"] = await db.Set<ContactMerge>().Where(m => ids.Contains(m.SurvivorId) || ids.Contains(m.MergedId)).ExecuteDeleteAsync(ct);
            rows["contact_tags"] = await db.Set<ContactTag>().Where(t => ids.Contains(t.ContactId)).ExecuteDeleteAsync(ct);
            rows["contact_external_ids"] = await db.Set<ContactExternalId>().Where(t => ids.Contains(t.ContactId)).ExecuteDeleteAsync(ct);
            rows["contact_consents"] = await db.Set<ContactConsent>().Where(t => ids.Contains(t.ContactId)).ExecuteDeleteAsync(ct);
            rows["audit_payloads"] = await db.Set<AuditPayload>().Where(p => p.SubjectId != null && ids.Contains(p.SubjectId.Value) && p.ErasedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.BeforeJson, (string?)null).SetProperty(p => p.AfterJson, (string?)null).SetProperty(p => p.ErasedAt, now), ct);
            foreach (var address in addresses)
            {
                // Payloads that mention the person without being about them (e.g. a suppression of their address). They hold the
                // address as JSON writes it: "+40…" is stored as "\u002B40…", so look for that form as well.
                foreach (var form in new[] { address, JsonForm(address) }.Distinct())
                    rows["audit_payloads"] += await db.Set<AuditPayload>().Where(p => p.ErasedAt == null &&
                            ((p.BeforeJson != null && p.BeforeJson.Contains(form)) || (p.AfterJson != null && p.AfterJson.Contains(form))))
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.BeforeJson, (string?)null).SetProperty(p => p.AfterJson, (string?)null).SetProperty(p => p.ErasedAt, now), ct);
                var hashed = HashAddress(address);
                rows["suppressions"] = rows.GetValueOrDefault("suppressions") + await db.Set<Suppression>().Where(s => s.Address == address)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Address, hashed).SetProperty(x => x.Note, (string?)null), ct);
                rows["import_row_errors"] = rows.GetValueOrDefault("import_row_errors") + await db.Set<ImportRowError>().Where(e => e.Value == address)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, (string?)null), ct);
            }
            rows["contacts"] = await db.Set<Contact>().Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);

            db.Add(new Erasure
            {
                TenantId = db.Scope.RequiredTenantId, Id = erasureId, ContactId = contactId, ErasedAt = now, ErasedBy = actor.Id,
                RowsJson = System.Text.Json.JsonSerializer.Serialize(rows),
            });
            audit.Record("contact.erased", "contact", contactId.ToString(), null, new { erasureId, rows });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await ScrubFilesAsync(ct);
        return new ErasureResult(erasureId, now, rows);
    }

    /// <summary>A string as it appears inside the audit trail's JSON payloads (escaped by the same serializer options).</summary>
    private static string JsonForm(string value) => System.Text.Json.JsonSerializer.Serialize(value, AuditTrail.Json)[1..^1];

    /// <summary>Removes old copies of erased rows from the storage files (see class remarks and docs/PRIVACY.md).</summary>
    private async Task ScrubFilesAsync(CancellationToken ct)
    {
        try
        {
            if (db.IsPostgres)
                foreach (var table in new[] { "contacts", "contact_tags", "contact_external_ids", "contact_consents", "consent_events", "timeline_events",
                             "identity_reviews", "contact_merges", "audit_payloads", "suppressions", "import_row_errors" })
                    await db.Database.ExecuteSqlRawAsync($"VACUUM {table}", ct);
            else
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
        catch (Exception e)
        {
            // The erase itself is committed; a busy checkpoint is retried by the next erase or by SQLite's own checkpoints.
            log.LogWarning(e, "Scrubbing storage after an erase did not complete");
        }
    }
}
