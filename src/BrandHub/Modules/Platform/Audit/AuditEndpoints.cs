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
        }).WithSummary("The audit trail, newest first, filterable by entity, actor, action and time");

        audit.MapGet("/verify", async (BrandHubDb db, CancellationToken ct) => Results.Ok(await VerifyAsync(db, ct)))
            .WithSummary("Recompute the hash chain and report the first broken link");

        audit.MapGet("/export", async (HttpContext http, BrandHubDb db, string? format, CancellationToken ct) =>
        {
            format ??= "json";
            if (format is not ("json" or "csv")) return Problems.Validation("format", "Format must be csv or json.");
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd}.{format}\"";
            http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json";
            await WriteExportAsync(db, http.Response.Body, format, ct);
            return Results.Empty;
        }).WithSummary("Download the whole chain with hashes (csv or json) for offline verification — see docs/AUDIT.md");

        return app;
    }

    public static async Task<AuditVerification> VerifyAsync(BrandHubDb db, CancellationToken ct)
    {
        var links = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var chained = new List<ChainedAuditLink>();
        await foreach (var e in links.WithCancellation(ct)) chained.Add(Chained(e));
        var result = AuditChain.Verify(chained);
        if (!result.Valid) return result;

        // The chain covers payload digests; a payload still present must match its digest.
        var bySequence = chained.ToDictionary(c => c.Link.Sequence);
        await foreach (var p in db.Set<AuditPayload>().AsNoTracking().Where(p => p.ErasedAt == null).OrderBy(p => p.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var link = bySequence.GetValueOrDefault(p.Sequence);
            if (link is null) return new AuditVerification(false, result.Checked, p.Sequence, "A payload has no audit entry.");
            if (AuditChain.PayloadDigest(p.BeforeJson, p.AfterJson) != link.Link.PayloadDigest)
                return new AuditVerification(false, result.Checked, p.Sequence, "The payload does not match the digest the chain covers.");
        }
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
            await w.WriteLineAsync("sequence,tenant_id,occurred_at,actor,action,entity_type,entity_id,payload_digest,previous_hash,hash,before_json,after_json");
        else await w.WriteAsync("[");
        var first = true;
        var entries = db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var payloads = await db.Set<AuditPayload>().AsNoTracking().ToDictionaryAsync(p => p.Sequence, ct);
        await foreach (var e in entries.WithCancellation(ct))
        {
            var p = payloads.GetValueOrDefault(e.Sequence);
            var occurred = e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
            if (format == "csv")
                await w.WriteLineAsync(string.Join(',', e.Sequence, e.TenantId, occurred, Csv(e.Actor), Csv(e.Action), Csv(e.EntityType), Csv(e.EntityId),
                    e.PayloadDigest, e.PreviousHash, e.Hash, Csv(p?.BeforeJson), Csv(p?.AfterJson)));
            else
            {
                if (!first) await w.WriteAsync(",");
                await w.WriteAsync(JsonSerializer.Serialize(new
                {
                    sequence = e.Sequence, tenantId = e.TenantId, occurredAt = occurred, actor = e.Actor, action = e.Action, entityType = e.EntityType,
                    entityId = e.EntityId, payloadDigest = e.PayloadDigest, previousHash = e.PreviousHash, hash = e.Hash,
                    beforeJson = p?.BeforeJson, afterJson = p?.AfterJson,
                }));
            }
            first = false;
        }
        if (format == "json") await w.WriteAsync("]");
    }

    private static string Csv(string? s) => s is null ? "" : s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
