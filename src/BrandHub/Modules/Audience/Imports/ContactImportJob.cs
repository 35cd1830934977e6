using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Observability;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Imports;

/// <summary>
/// Runs a CSV import in chunks. Each chunk's upserts, row errors and the checkpoint (<c>processed_rows</c>) commit in one
/// transaction, so a crash resumes at the next chunk and never imports a row twice. Rows match existing contacts by
/// external id, email or phone (upsert); a re-run of the same file finds every row unchanged and writes nothing.
/// </summary>
public sealed class ContactImportJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ContactImportJob> log) : IJobHandler
{
    public const string JobKind = "contacts.import";
    public const int ChunkSize = 1000;
    public string Kind => JobKind;

    public sealed record Payload(Guid ImportId, string Actor);

    public async Task RunAsync(JobContext context)
    {
        var payload = JsonSerializer.Deserialize<Payload>(context.Job.PayloadJson)!;
        var tenantId = context.Job.TenantId ?? throw new PermanentJobFailure("An import job needs a tenant.");
        var ct = context.Cancellation;

        ContactImport import;
        using (var scope = Scope(tenantId, payload.Actor, out var db))
        {
            import = await db.Set<ContactImport>().FirstOrDefaultAsync(i => i.Id == payload.ImportId, ct)
                     ?? throw new PermanentJobFailure("The import no longer exists.");
            if (import.Status == "completed") return;
            import.Status = "running";
            import.StartedAt ??= clock.Now();
            await db.SaveChangesAsync(ct);
        }
        if (import.Content is null) throw new PermanentJobFailure("The uploaded file is gone.");
        var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(import.MappingJson)!;
        var options = JsonSerializer.Deserialize<ImportMapping.Options>(import.OptionsJson, AuditTrail.Json)!;
        var (file, errors) = CsvFile.Inspect(import.Content, options.Delimiter is { Length: 1 } d ? d[0] : null);
        if (file is null) throw new PermanentJobFailure(errors[0].Message);

        var chunk = new List<(int Row, string[] Fields)>(ChunkSize);
        foreach (var row in CsvFile.DataRows(import.Content, file.Delimiter, import.ProcessedRows))
        {
            chunk.Add(row);
            if (chunk.Count < ChunkSize) continue;
            await ProcessChunkAsync(tenantId, payload, file.Headers, mapping, options, import.FileSha256, chunk, ct);
            chunk.Clear();
            await context.ReportProgressAsync(row.Row, file.RowCount);
        }
        if (chunk.Count > 0) await ProcessChunkAsync(tenantId, payload, file.Headers, mapping, options, import.FileSha256, chunk, ct);

        using (var scope = Scope(tenantId, payload.Actor, out var db))
        {
            var done = await db.Set<ContactImport>().FirstAsync(i => i.Id == payload.ImportId, ct);
            done.Status = "completed";
            done.FinishedAt = clock.Now();
            done.Content = null; // the file holds personal data; what it produced is in the contacts now
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("import.completed", "import", done.Id.ToString(), null,
                new { done.FileName, done.TotalRows, done.Created, done.Updated, done.Unchanged, done.Failed });
            await db.SaveChangesAsync(ct);
            await context.ReportProgressAsync(done.TotalRows, done.TotalRows);
        }
    }

    private async Task ProcessChunkAsync(Guid tenantId, Payload payload, string[] headers, Dictionary<string, string> mapping,
        ImportMapping.Options options, string fileSha256, List<(int Row, string[] Fields)> rows, CancellationToken ct)
    {
        using var scope = Scope(tenantId, payload.Actor, out var db);
        var services = scope.ServiceProvider;
        var audit = services.GetRequiredService<AuditTrail>();
        var timeline = services.GetRequiredService<ContactTimeline>();
        var ledger = services.GetRequiredService<ConsentLedger>();
        var (country, defs) = await services.GetRequiredService<ContactDirectory>().ContextAsync(ct);
        var now = clock.Now();

        // Read and validate every row first, then find the existing contacts of the whole chunk in three queries.
        var parsed = new List<(int Row, Contact Draft, ContactInput Input, List<(string, string)> Consents)>();
        var rowErrors = new List<ImportRowError>();
        foreach (var (row, fields) in rows)
        {
            var (input, consents, readErrors) = ImportMapping.Read(fields, headers, mapping, options);
            var draft = new Contact { TenantId = tenantId, Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
            var errors = readErrors.Count > 0 ? readErrors : ContactEditor.Apply(draft, input, country, defs).ToList();
            if (errors.Count == 0 && ContactEditor.RequireIdentifier(draft) is { } missing) errors.Add(missing);
            if (errors.Count > 0)
            {
                foreach (var e in errors.DistinctBy(e => e.Field))
                    rowErrors.Add(new ImportRowError { TenantId = tenantId, ImportId = payload.ImportId, Row = row, Field = e.Field, Value = ValueOf(e.Field, fields, headers, mapping), Error = e.Message });
                continue;
            }
            parsed.Add((row, draft, input, consents));
        }

        var emails = parsed.Select(p => p.Draft.Email).OfType<string>().Distinct().ToList();
        var phones = parsed.Select(p => p.Draft.Phone).OfType<string>().Distinct().ToList();
        var externalOwners = new List<ContactExternalId>();
        foreach (var bySource in parsed.SelectMany(p => p.Draft.ExternalIds).GroupBy(e => e.Source))
        {
            var source = bySource.Key;
            var ids = bySource.Select(e => e.ExternalId).Distinct().ToList();
            externalOwners.AddRange(await db.Set<ContactExternalId>().AsNoTracking().Where(x => x.Source == source && ids.Contains(x.ExternalId)).ToListAsync(ct));
        }
        var ownerIds = externalOwners.Select(x => x.ContactId).Distinct().ToList();
        // Three indexed lookups rather than one OR (an OR of IN-lists defeats the indexes), without Include: its ORDER BY
        // on the primary key makes SQLite walk the whole table. Children are loaded by contact id and fixed up by EF.
        var live = db.Set<Contact>().Where(c => c.DeletedAt == null && c.MergedIntoId == null);
        var existing = (await live.Where(c => c.Email != null && emails.Contains(c.Email)).ToListAsync(ct))
            .Concat(await live.Where(c => c.Phone != null && phones.Contains(c.Phone)).ToListAsync(ct))
            .Concat(await live.Where(c => ownerIds.Contains(c.Id)).ToListAsync(ct))
            .DistinctBy(c => c.Id).ToList();
        var existingIds = existing.Select(c => c.Id).ToList();
        if (existingIds.Count > 0)
        {
            await db.Set<ContactTag>().Where(t => existingIds.Contains(t.ContactId)).LoadAsync(ct);
            await db.Set<ContactExternalId>().Where(t => existingIds.Contains(t.ContactId)).LoadAsync(ct);
            await db.Set<ContactConsent>().Where(t => existingIds.Contains(t.ContactId)).LoadAsync(ct);
        }
        var byExternal = externalOwners.ToDictionary(x => x.Source + "\u001f" + x.ExternalId, x => x.ContactId);
        var byId = existing.ToDictionary(c => c.Id);
        var byEmail = existing.Where(c => c.Email != null).ToDictionary(c => c.Email!);
        var byPhone = existing.Where(c => c.Phone != null).ToDictionary(c => c.Phone!);

        int created = 0, updated = 0, unchanged = 0, failed = rowErrors.Select(e => e.Row).Distinct().Count();
        foreach (var (row, draft, input, consents) in parsed)
        {
            var match = draft.ExternalIds.Select(e => byExternal.GetValueOrDefault(e.Source + "\u001f" + e.ExternalId)).Where(id => byId.ContainsKey(id)).Select(id => byId[id]).FirstOrDefault()
                        ?? (draft.Email is { } em ? byEmail.GetValueOrDefault(em) : null)
                        ?? (draft.Phone is { } ph ? byPhone.GetValueOrDefault(ph) : null);
            var target = match ?? draft;
            if (Clash(target, draft, byEmail, byPhone) is { } clash)
            {
                rowErrors.Add(new ImportRowError { TenantId = tenantId, ImportId = payload.ImportId, Row = row, Field = clash.Field, Error = clash.Message });
                failed++;
                continue;
            }
            var before = match is null ? null : JsonSerializer.Serialize(ContactSnapshot.Of(match));
            if (match is not null) ContactEditor.Apply(match, input, country, defs); // validated above on the draft: cannot fail here
            foreach (var (channel, status) in consents)
                ledger.Change(target, new ConsentChange(channel, status, options.ConsentSource ?? "import", "consent",
                    new ConsentProof(null, null, $"import:{fileSha256[..16]}:row:{row}"))); // same file, same proof: a re-run is a no-op

            if (match is null)
            {
                db.Add(draft);
                byId[draft.Id] = draft;
                if (draft.Email is not null) byEmail[draft.Email] = draft;
                if (draft.Phone is not null) byPhone[draft.Phone] = draft;
                foreach (var e in draft.ExternalIds) byExternal[e.Source + "\u001f" + e.ExternalId] = draft.Id;
                audit.Record("contact.created", "contact", draft.Id.ToString(), null, new { importId = payload.ImportId, row }, draft.Id);
                timeline.Add(draft.Id, "contact.imported", "Created by a CSV import", new { importId = payload.ImportId, row });
                created++;
            }
            else if (JsonSerializer.Serialize(ContactSnapshot.Of(match)) != before)
            {
                match.UpdatedAt = now;
                audit.Record("contact.updated", "contact", match.Id.ToString(), JsonDocument.Parse(before!).RootElement, ContactSnapshot.Of(match), match.Id);
                timeline.Add(match.Id, "contact.imported", "Updated by a CSV import", new { importId = payload.ImportId, row });
                updated++;
            }
            else unchanged++;
        }

        db.AddRange(rowErrors.DistinctBy(e => (e.Row, e.Field)));
        var import = await db.Set<ContactImport>().FirstAsync(i => i.Id == payload.ImportId, ct);
        import.ProcessedRows = rows[^1].Row; // the checkpoint commits with the rows it covers
        import.Created += created; import.Updated += updated; import.Unchanged += unchanged; import.Failed += failed;
        await db.SaveChangesInBulkAsync(ct);
        Telemetry.ContactsImported.Add(rows.Count);
        log.LogDebug("Import {Import}: rows up to {Row} done", payload.ImportId, import.ProcessedRows);
    }

    /// <summary>Two rows of one file claiming the same email or phone for different people: the later one is reported, not merged silently.</summary>
    private static FieldError? Clash(Contact target, Contact incoming, Dictionary<string, Contact> byEmail, Dictionary<string, Contact> byPhone)
    {
        if (incoming.Email is { } e && byEmail.TryGetValue(e, out var owner) && owner != target) return new("email", "This email belongs to another contact in this import or the audience.");
        if (incoming.Phone is { } p && byPhone.TryGetValue(p, out var owner2) && owner2 != target) return new("phone", "This phone belongs to another contact in this import or the audience.");
        return null;
    }

    private static string? ValueOf(string field, string[] fields, string[] headers, Dictionary<string, string> mapping)
    {
        var column = mapping.FirstOrDefault(m => m.Value == field || field.StartsWith(m.Value + ".") || m.Key == field).Key;
        var i = column is null ? -1 : Array.IndexOf(headers, column);
        return i >= 0 && i < fields.Length ? (fields[i].Length > 500 ? fields[i][..500] : fields[i]) : null;
    }

    private IServiceScope Scope(Guid tenantId, string actor, out BrandHubDb db)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        scope.ServiceProvider.GetRequiredService<Actor>().Set(actor);
        db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        return scope;
    }
}
