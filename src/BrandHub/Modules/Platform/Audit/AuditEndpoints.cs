using System.Text;
using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audit;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Audit;

public static class AuditEndpoints
{
    public sealed record AuditEntryView(long Sequence, DateTimeOffset OccurredAt, string Actor, string Action, string EntityType, string EntityId,
        JsonElement? Before, JsonElement? After, bool PayloadErased, string PayloadDigest, string PreviousHash, string Hash);

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Scopes.Policy(Scopes.AuditRead));

        audit.MapGet("/", async (BrandHubDb db, string? entityType, string? entityId, string? actor, string? action,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (from > to) errors.Add(new("from", "'from' must not be after 'to'."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<AuditEntry>().AsNoTracking();
            if (!string.IsNullOrEmpty(entityType)) q = q.Where(e => e.EntityType == entityType);
            if (!string.IsNullOrEmpty(entityId)) q = q.Where(e => e.EntityId == entityId);
            if (!string.IsNullOrEmpty(actor)) q = q.Where(e => e.Actor == actor);
            if (!string.IsNullOrEmpty(action)) q = q.Where(e => e.Action.StartsWith(action));
            if (from is { } f) q = q.Where(e => e.OccurredAt >= f);
            if (to is { } t) q = q.Where(e => e.OccurredAt <= t);
            var total = await q.CountAsync(ct);
            var entries = await q.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var sequences = entries.Select(e => e.Sequence).ToList();
            var payloads = await db.Set<AuditPayload>().AsNoTracking().Where(p => sequences.Contains(p.Sequence)).ToDictionaryAsync(p => p.Sequence, ct);
            return Results.Ok(new Page<AuditEntryView>(entries.Select(e => View(e, payloads.GetValueOrDefault(e.Sequence))).ToList(), paging.Page, paging.PageSize, total));
        }).WithSummary("The audit trail, newest first, filterable by entity, actor, action and time")
          .Produces<Page<AuditEntryView>>().ProducesValidationProblem();

        audit.MapGet("/verify", async (BrandHubDb db, CancellationToken ct) => Results.Ok(await VerifyAsync(db, ct)))
            .WithSummary("Recompute the hash chain and report the first broken link").Produces<AuditVerification>();

        audit.MapGet("/export", async (HttpContext http, BrandHubDb db, string? format, CancellationToken ct) =>
        {
            format ??= "json";
            if (format is not ("json" or "csv")) return Problems.Validation("format", "Format must be csv or json.");
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd}.{format}\"";
            http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json";
            await WriteExportAsync(db, http.Response.Body, format, ct);
            return Results.Empty;
        }).WithSummary("Download the whole chain with hashes (csv or json) for offline verification — see docs/AUDIT.md")
          .Produces(200, typeof(Stream), "application/json", "text/csv").ProducesValidationProblem();

        return app;
    }

    public static async Task<AuditVerification> VerifyAsync(BrandHubDb db, CancellationToken ct)
    {
        // Links first, then the head: every committed link was committed together with a head at least as far on,
        // so a link beyond the head we read was not appended by BrandHub.
        var chained = new List<ChainedAuditLink>();
        await foreach (var e in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct)) chained.Add(Chained(e));
        var head = await db.Set<AuditChainHead>().AsNoTracking().FirstOrDefaultAsync(ct);
        var headSequence = head?.LastSequence ?? 0;
        var last = chained.Count > 0 ? chained[^1].Link.Sequence : 0;
        if (last < headSequence) // appended since we read the links (or removed: then they are still missing)
        {
            await foreach (var e in db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > last && e.Sequence <= headSequence)
                               .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct)) chained.Add(Chained(e));
            last = chained.Count > 0 ? chained[^1].Link.Sequence : 0;
        }

        var result = AuditChain.Verify(chained);
        if (!result.Valid) return result;

        // The head pins the end of the chain, so removing the newest links (or forging new ones) is detected too.
        if (last > headSequence)
            return new AuditVerification(false, headSequence, headSequence + 1, $"Sequence {headSequence + 1} is beyond the chain head ({headSequence}): it was not appended by BrandHub.");
        if (last < headSequence)
            return new AuditVerification(false, result.Checked, last + 1, $"The chain ends at sequence {last} but its head records {headSequence}: the newest entries were removed.");
        if (head is not null && last > 0 && !string.Equals(head.LastHash, chained[^1].Hash, StringComparison.Ordinal))
            return new AuditVerification(false, result.Checked - 1, last, $"The hash of sequence {last} differs from the one recorded in the chain head.");

        // The chain covers payload digests; every entry keeps its payload row, and one not erased must match its digest.
        var payloads = new HashSet<long>();
        var bySequence = chained.ToDictionary(c => c.Link.Sequence);
        await foreach (var p in db.Set<AuditPayload>().AsNoTracking().OrderBy(p => p.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            payloads.Add(p.Sequence);
            if (p.ErasedAt is not null) continue;
            var link = bySequence.GetValueOrDefault(p.Sequence);
            if (link is null)
            {
                if (p.Sequence > last) continue; // appended after we read the links
                return new AuditVerification(false, result.Checked, p.Sequence, "A payload has no audit entry.");
            }
            if (AuditChain.PayloadDigest(p.BeforeJson, p.AfterJson) != link.Link.PayloadDigest)
                return new AuditVerification(false, p.Sequence - 1, p.Sequence, "The payload does not match the digest the chain covers.");
        }
        if (chained.FirstOrDefault(c => !payloads.Contains(c.Link.Sequence)) is { } orphan)
            return new AuditVerification(false, orphan.Link.Sequence - 1, orphan.Link.Sequence, "The payload of this entry was removed.");
        return result;
    }

    private static ChainedAuditLink Chained(AuditEntry e) =>
        new(new AuditLink(e.Sequence, e.TenantId, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityId, e.PayloadDigest), e.PreviousHash, e.Hash);

    private static AuditEntryView View(AuditEntry e, AuditPayload? p) => new(e.Sequence, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityId,
        Parse(p?.BeforeJson), Parse(p?.AfterJson), p?.ErasedAt is not null, e.PayloadDigest, e.PreviousHash, e.Hash);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static async Task WriteExportAsync(BrandHubDb db, Stream body, string format, CancellationToken ct)
    {
        await using var w = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        if (format == "csv")
            await w.WriteLineAsync("sequence,tenant_id,occurred_at,actor,action,entity_type,entity_id,payload_digest,previous_hash,hash,before_json,after_json,payload_erased");
        else await w.WriteAsync("[");
        var first = true;
        var entries = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var payloads = await db.Set<AuditPayload>().AsNoTracking().ToDictionaryAsync(p => p.Sequence, ct);
        await foreach (var e in entries.WithCancellation(ct))
        {
            var p = payloads.GetValueOrDefault(e.Sequence);
            // Exactly the string the link hash covers (see AuditChain), so the export verifies offline byte for byte.
            var occurred = e.OccurredAt.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
            var erased = p?.ErasedAt is not null;
            if (format == "csv")
                await w.WriteLineAsync(string.Join(',', e.Sequence, e.TenantId, occurred, Csv(e.Actor), Csv(e.Action), Csv(e.EntityType), Csv(e.EntityId),
                    e.PayloadDigest, e.PreviousHash, e.Hash, Csv(p?.BeforeJson), Csv(p?.AfterJson), erased ? "true" : "false"));
            else
            {
                if (!first) await w.WriteAsync(",");
                await w.WriteAsync(JsonSerializer.Serialize(new
                {
                    sequence = e.Sequence, tenantId = e.TenantId, occurredAt = occurred, actor = e.Actor, action = e.Action, entityType = e.EntityType,
                    entityId = e.EntityId, payloadDigest = e.PayloadDigest, previousHash = e.PreviousHash, hash = e.Hash,
                    beforeJson = p?.BeforeJson, afterJson = p?.AfterJson, payloadErased = erased,
                }));
            }
            first = false;
        }
        if (format == "json") await w.WriteAsync("]");
    }

    private static string Csv(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
