using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Imports;

public static class ImportEndpoints
{
    public const long MaxUpload = 64 * 1024 * 1024;

    public sealed record ImportPreviewView(string FileName, int RowCount, string Delimiter, IReadOnlyList<string> Headers,
        IReadOnlyList<string[]> SampleRows, IReadOnlyDictionary<string, string> SuggestedMapping, IReadOnlyList<string> Fields);
    public sealed record ImportView(Guid Id, string FileName, string Status, int TotalRows, int ProcessedRows, int Created, int Updated,
        int Unchanged, int Failed, Guid? JobId, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);
    public sealed record RowErrorView(int Row, string Field, string? Value, string Error);

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/contacts/imports").WithTags("Imports");
        var write = Scopes.Policy(Scopes.ImportsWrite);
        var read = Scopes.Policy(Scopes.ContactsRead);

        imports.MapPost("/preview", async (IFormFile? file, BrandHubDb db, CancellationToken ct) =>
        {
            var (content, error) = await ReadUploadAsync(file, ct);
            if (content is null) return Problems.Validation("file", error!);
            var (csv, errors) = CsvFile.Inspect(content);
            if (csv is null) return Problems.Validation(errors);
            var sample = CsvFile.DataRows(content, csv.Delimiter).Take(10).Select(r => r.Fields).ToList();
            var attributes = await db.Set<AttributeDefinition>().Select(a => a.Name).ToListAsync(ct);
            var fields = ImportMapping.PlainFields.Concat(["externalId:erp", "externalId:b2b", "externalId:smartbill", "externalId:crm"])
                .Concat(attributes.Select(a => "attributes." + a)).Concat(Core.Audience.ConsentWireNames.ChannelNames.Select(c => "consent." + c)).ToList();
            return Results.Ok(new ImportPreviewView(file!.FileName, csv.RowCount, csv.Delimiter.ToString(), csv.Headers, sample, ImportMapping.Suggest(csv.Headers), fields));
        }).RequireAuthorization(write).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUpload))
          .WithSummary("Read a CSV's headers and first rows, with a suggested column mapping").Produces<ImportPreviewView>().ProducesValidationProblem().ProducesProblem(413);

        imports.MapPost("/", async (IFormFile? file, [FromForm] string? mapping, [FromForm] string? options, BrandHubDb db, JobQueue queue,
            AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var (content, error) = await ReadUploadAsync(file, ct);
            if (content is null) return Problems.Validation("file", error!);
            var errors = new List<FieldError>();
            Dictionary<string, string>? map = null;
            ImportMapping.Options? opts = null;
            try { map = JsonSerializer.Deserialize<Dictionary<string, string>>(mapping ?? ""); }
            catch (JsonException) { errors.Add(new("mapping", "Mapping must be a JSON object of {\"CSV header\": \"field\"}.")); }
            try { opts = string.IsNullOrWhiteSpace(options) ? new(null, null, null) : JsonSerializer.Deserialize<ImportMapping.Options>(options, AuditTrail.Json); }
            catch (JsonException) { errors.Add(new("options", "Options must be a JSON object.")); }
            if (opts?.Delimiter is { Length: not 1 } ) errors.Add(new("options.delimiter", "A single character."));
            if (opts?.ConsentSource is { Length: > 100 }) errors.Add(new("options.consentSource", "At most 100 characters."));
            if (opts?.Tags is { } tags && (tags.Count > ContactEditor.MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > ContactEditor.MaxTagLength)))
                errors.Add(new("options.tags", $"Up to {ContactEditor.MaxTags} tags of 1–{ContactEditor.MaxTagLength} characters."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var (csv, fileErrors) = CsvFile.Inspect(content, opts!.Delimiter is { Length: 1 } d ? d[0] : null);
            if (csv is null) return Problems.Validation(fileErrors);
            var attributes = await db.Set<AttributeDefinition>().Select(a => a.Name).ToListAsync(ct);
            var mappingErrors = ImportMapping.Validate(map ?? [], csv.Headers, attributes);
            if (mappingErrors.Count > 0) return Problems.Validation(mappingErrors);

            var tenantId = db.Scope.RequiredTenantId;
            var import = new ContactImport
            {
                TenantId = tenantId, Id = Guid.CreateVersion7(), FileName = Path.GetFileName(file!.FileName), FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
                Content = content, MappingJson = JsonSerializer.Serialize(map), OptionsJson = JsonSerializer.Serialize(opts, AuditTrail.Json),
                TotalRows = csv.RowCount, CreatedBy = actor.Id, CreatedAt = clock.Now(),
            };
            var job = queue.Stage(db, tenantId, ContactImportJob.JobKind, new ContactImportJob.Payload(import.Id, actor.Id), maxAttempts: 5);
            import.JobId = job.Id;
            db.Add(import);
            audit.Record("import.started", "import", import.Id.ToString(), null, new { import.FileName, import.FileSha256, import.TotalRows, mapping = map });
            await db.SaveChangesAsync(ct);
            return Results.Accepted($"/api/v1/contacts/imports/{import.Id}", View(import, job));
        }).RequireAuthorization(write).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxUpload))
          .WithSummary("Upload a CSV with its column mapping; the import runs as a job (poll the returned import for progress)")
          .Produces<ImportView>(202).ProducesValidationProblem().ProducesProblem(413);

        imports.MapGet("/", async (BrandHubDb db, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<ContactImport>().AsNoTracking();
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(i => i.CreatedAt).Skip(paging.Skip).Take(paging.PageSize)
                .Select(WithoutContent).ToListAsync(ct);
            var jobIds = items.Select(i => i.JobId).OfType<Guid>().ToList();
            var jobs = await db.Set<Job>().AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, ct);
            return Results.Ok(new Page<ImportView>(items.Select(i => View(i, i.JobId is { } j ? jobs.GetValueOrDefault(j) : null)).ToList(),
                paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("Imports, newest first").Produces<Page<ImportView>>().ProducesValidationProblem();

        imports.MapGet("/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
        {
            var import = await db.Set<ContactImport>().AsNoTracking().Where(i => i.Id == id).Select(WithoutContent).FirstOrDefaultAsync(ct);
            if (import is null) return Problems.NotFound("Import");
            var job = import.JobId is { } jobId ? await db.Set<Job>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct) : null;
            return Results.Ok(View(import, job));
        }).RequireAuthorization(read).WithSummary("An import's status, progress and counts").Produces<ImportView>().ProducesProblem(404);

        imports.MapGet("/{id:guid}/errors", async (Guid id, BrandHubDb db, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            if (!await db.Set<ContactImport>().AnyAsync(i => i.Id == id, ct)) return Problems.NotFound("Import");
            var q = db.Set<ImportRowError>().AsNoTracking().Where(e => e.ImportId == id);
            var total = await q.CountAsync(ct);
            var items = await q.OrderBy(e => e.Row).ThenBy(e => e.Field).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<RowErrorView>(items.Select(e => new RowErrorView(e.Row, e.Field, e.Value, e.Error)).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("The per-row validation report").Produces<Page<RowErrorView>>().ProducesValidationProblem().ProducesProblem(404);

        imports.MapGet("/{id:guid}/errors.csv", async (Guid id, HttpContext http, BrandHubDb db, CancellationToken ct) =>
        {
            if (!await db.Set<ContactImport>().AnyAsync(i => i.Id == id, ct)) return Problems.NotFound("Import");
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{id}-errors.csv\"";
            await using var w = new StreamWriter(http.Response.Body, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
            await w.WriteLineAsync("row,field,value,error");
            await foreach (var e in db.Set<ImportRowError>().AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Row).ThenBy(e => e.Field).AsAsyncEnumerable().WithCancellation(ct))
                await w.WriteLineAsync($"{e.Row},{Csv(e.Field)},{Csv(e.Value)},{Csv(e.Error)}");
            return Results.Empty;
        }).RequireAuthorization(read).WithSummary("The validation report as a CSV download")
          .Produces(200, typeof(Stream), "text/csv").ProducesProblem(404);

        return app;
    }

    /// <summary>Lists never load the uploaded file (up to 64 MB each).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<ContactImport, ContactImport>> WithoutContent = i => new ContactImport
    {
        TenantId = i.TenantId, Id = i.Id, FileName = i.FileName, FileSha256 = i.FileSha256, MappingJson = i.MappingJson, OptionsJson = i.OptionsJson,
        Status = i.Status, TotalRows = i.TotalRows, ProcessedRows = i.ProcessedRows, Created = i.Created, Updated = i.Updated, Unchanged = i.Unchanged,
        Failed = i.Failed, JobId = i.JobId, CreatedBy = i.CreatedBy, CreatedAt = i.CreatedAt, StartedAt = i.StartedAt, FinishedAt = i.FinishedAt, Error = i.Error,
    };

    private static async Task<(byte[]? Content, string? Error)> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return (null, "Upload a CSV file in the 'file' field (multipart/form-data).");
        if (file.Length == 0) return (null, "The file is empty.");
        if (file.Length > MaxUpload) return (null, $"The file is larger than {MaxUpload / 1024 / 1024} MB.");
        using var ms = new MemoryStream((int)file.Length);
        await file.CopyToAsync(ms, ct);
        return (ms.ToArray(), null);
    }

    private static ImportView View(ContactImport i, Job? job)
    {
        // A job that gave up leaves the import failed, with the job's last error.
        var status = job?.Status == JobStatus.Dead && i.Status != "completed" ? "failed" : i.Status;
        var error = status == "failed" ? i.Error ?? job?.LastError : i.Error;
        return new ImportView(i.Id, i.FileName, status, i.TotalRows, i.ProcessedRows, i.Created, i.Updated, i.Unchanged, i.Failed, i.JobId,
            i.CreatedAt, i.StartedAt, i.FinishedAt, error);
    }

    private static string Csv(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@')
        ? $"\"{(s.StartsWith('=') || s.StartsWith('+') || s.StartsWith('-') || s.StartsWith('@') ? "'" : "")}{s.Replace("\"", "\"\"")}\"" : s;
}
