using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Suppressions;

public static class SuppressionEndpoints
{
    public sealed record SuppressionView(Guid Id, string Channel, string Address, string Reason, string? Note, string CreatedBy, DateTimeOffset CreatedAt);
    /// <param name="Channel">email, sms, whatsapp or push.</param>
    /// <param name="Address">The email address, phone number or device id.</param>
    /// <param name="Reason">hard_bounce, complaint, invalid, manual or unsubscribed.</param>
    /// <param name="Note">Why, for the team (up to 500 characters).</param>
    public sealed record NewSuppression(string? Channel, string? Address, string? Reason, string? Note = null);

    private static readonly string[] Channels = ["email", "sms", "whatsapp", "push"];

    public static IEndpointRouteBuilder MapSuppressions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/suppressions").WithTags("Suppressions");

        group.MapGet("/", async (BrandHubDb db, string? channel, string? reason, string? search, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<Suppression>().AsNoTracking();
            if (!string.IsNullOrEmpty(channel)) q = q.Where(s => s.Channel == channel);
            if (!string.IsNullOrEmpty(reason)) q = q.Where(s => s.Reason == reason);
            if (!string.IsNullOrWhiteSpace(search)) { var s = search.Trim().ToLowerInvariant(); q = q.Where(x => x.Address.ToLower().Contains(s)); }
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(s => s.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<SuppressionView>(items.Select(View).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.ContactsRead)).WithSummary("Addresses never sent to, with why")
          .Produces<Page<SuppressionView>>().ProducesValidationProblem();

        group.MapPost("/", async (NewSuppression body, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.Channel is null || !Channels.Contains(body.Channel)) errors.Add(new("channel", $"Channel must be one of: {string.Join(", ", Channels)}."));
            if (body.Reason is null || !SuppressionReasons.All.Contains(body.Reason)) errors.Add(new("reason", $"Reason must be one of: {string.Join(", ", SuppressionReasons.All)}."));
            if (body.Note is { Length: > 500 }) errors.Add(new("note", "At most 500 characters."));
            string? address = null;
            if (body.Channel == "email")
            {
                if (EmailAddress.TryNormalize(body.Address, out var e, out var err)) address = e; else errors.Add(new("address", err));
            }
            else if (body.Channel is "sms" or "whatsapp")
            {
                var country = await db.Set<Tenant>().Where(t => t.Id == db.Scope.RequiredTenantId).Select(t => t.DefaultCountry).FirstAsync(ct);
                if (PhoneNumber.TryNormalize(body.Address, country, out var p, out var err)) address = p; else errors.Add(new("address", err));
            }
            else if (body.Channel == "push")
            {
                if (string.IsNullOrWhiteSpace(body.Address) || body.Address.Length > 500) errors.Add(new("address", "A device or subscription id of 1–500 characters."));
                else address = body.Address.Trim();
            }
            if (errors.Count > 0) return Problems.Validation(errors);
            var existing = await db.Set<Suppression>().FirstOrDefaultAsync(s => s.Channel == body.Channel && s.Address == address, ct);
            if (existing is not null) return Results.Ok(View(existing)); // already suppressed: idempotent
            var s = new Suppression
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Channel = body.Channel!, Address = address!, Reason = body.Reason!,
                Note = body.Note, CreatedBy = actor.Id, CreatedAt = clock.Now(),
            };
            db.Add(s);
            audit.Record("suppression.created", "suppression", s.Id.ToString(), null, new { s.Channel, s.Address, s.Reason, s.Note });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/suppressions/{s.Id}", View(s));
        }).RequireAuthorization(Scopes.Policy(Scopes.ConsentsWrite)).WithSummary("Block an address on a channel (idempotent: an address already blocked is answered 200 as it is)")
          .Produces<SuppressionView>(201).Produces<SuppressionView>(200).ProducesValidationProblem();

        group.MapDelete("/{id:guid}", async (Guid id, BrandHubDb db, AuditTrail audit, CancellationToken ct) =>
        {
            var s = await db.Set<Suppression>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (s is null) return Problems.NotFound("Suppression");
            db.Remove(s);
            audit.Record("suppression.deleted", "suppression", s.Id.ToString(), new { s.Channel, s.Address, s.Reason }, null);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.ConsentsWrite)).WithSummary("Lift a suppression").Produces(204).ProducesProblem(404);

        return app;
    }

    private static SuppressionView View(Suppression s) => new(s.Id, s.Channel, s.Address, s.Reason, s.Note, s.CreatedBy, s.CreatedAt);
}
