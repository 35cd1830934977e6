using System.Text.Json;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>The tenant's write keys: create one per site or app, list them, revoke one. The key is public (it sits in the page), so it is shown in full.</summary>
public static class WriteKeyEndpoints
{
    public const int MaxOrigins = 20;

    public sealed record WriteKeyRequest(string? Name, IReadOnlyList<string>? AllowedOrigins);
    public sealed record WriteKeyView(Guid Id, string Name, string Key, IReadOnlyList<string> AllowedOrigins, DateTimeOffset CreatedAt, string CreatedBy,
        DateTimeOffset? RevokedAt, string Snippet);

    public static IEndpointRouteBuilder MapWriteKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tracking/write-keys").WithTags("Tracking");
        var manage = Scopes.Policy(Scopes.AnalyticsManage);

        group.MapGet("", async (bool? includeRevoked, HttpRequest request, BrandHubDb db, CancellationToken ct) =>
        {
            var keys = await db.Set<WriteKey>().AsNoTracking().Where(k => includeRevoked == true || k.RevokedAt == null)
                .OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
            return Results.Ok(keys.Select(k => View(k, request)).ToList());
        }).RequireAuthorization(manage).WithSummary("The tenant's write keys (revoked ones with includeRevoked=true), newest first").Produces<List<WriteKeyView>>();

        group.MapPost("", async (WriteKeyRequest body, HttpRequest request, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var name = body.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100) errors.Add(new("name", "A name of 1–100 characters, e.g. the site it is for."));
            var origins = new List<string>();
            if (body.AllowedOrigins is { Count: > MaxOrigins }) errors.Add(new("allowedOrigins", $"At most {MaxOrigins} origins."));
            foreach (var (origin, i) in (body.AllowedOrigins ?? []).Select((o, i) => (o, i)))
            {
                if (Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && u.PathAndQuery == "/" && u.UserInfo.Length == 0)
                    origins.Add(u.GetLeftPart(UriPartial.Authority).ToLowerInvariant());
                else errors.Add(new($"allowedOrigins[{i}]", "An origin: scheme and host (and port), e.g. https://shop.example.ro — no path."));
            }
            if (errors.Count > 0) return Problems.Validation(errors);

            var key = new WriteKey
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Name = name!, Key = WriteKeys.NewKey(),
                AllowedOriginsJson = JsonSerializer.Serialize(origins.Distinct().ToList()), CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id,
            };
            db.Add(key);
            audit.Record("write_key.created", "write_key", key.Id.ToString(), null, new { key.Name, AllowedOrigins = origins });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/tracking/write-keys/{key.Id}", View(key, request));
        }).RequireAuthorization(manage).WithSummary("Create a write key for a site or app; browsers may use it only from the allowed origins (none: any)")
          .Produces<WriteKeyView>(201).ProducesValidationProblem();

        group.MapDelete("/{id:guid}", async (Guid id, BrandHubDb db, WriteKeys keys, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var key = await db.Set<WriteKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
            if (key is null) return Problems.NotFound("Write key");
            if (key.RevokedAt is null)
            {
                key.RevokedAt = clock.GetUtcNow();
                audit.Record("write_key.revoked", "write_key", key.Id.ToString(), new { key.Name }, null);
                await db.SaveChangesAsync(ct);
                keys.Forget(key.Key);
            }
            return Results.NoContent();
        }).RequireAuthorization(manage).WithSummary("Revoke a write key: events sent with it are refused from now on (other nodes within 30 s)")
          .Produces(204).ProducesProblem(404);
        return app;
    }

    private static WriteKeyView View(WriteKey k, HttpRequest request) =>
        new(k.Id, k.Name, k.Key, WriteKeys.Origins(k), k.CreatedAt, k.CreatedBy, k.RevokedAt, TrackEndpoints.Snippet(request, k.Key));
}
