using System.Text.Json;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Identity;

public static class IdentityEndpoints
{
    public sealed record ReviewView(Guid Id, double Score, IReadOnlyList<string> Reasons, string Status, DateTimeOffset CreatedAt,
        ContactView? Contact, ContactView? Candidate);
    public sealed record AcceptResult(Guid MergeId, Guid SurvivorId);
    public sealed record MergeView(Guid Id, Guid SurvivorId, Guid? MergedId, string Reason, DateTimeOffset MergedAt, string MergedBy, DateTimeOffset? UndoneAt);

    private static readonly string[] Statuses = ["pending", "accepted", "rejected"];

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("/api/v1/identity").WithTags("Identity");

        identity.MapGet("/review", async (BrandHubDb db, string? status, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            status ??= "pending";
            if (!Statuses.Contains(status)) errors.Add(new("status", "Status must be pending, accepted or rejected."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<IdentityReview>().AsNoTracking().Where(r => r.Status == status);
            var total = await q.CountAsync(ct);
            var reviews = await q.OrderByDescending(r => r.Score).ThenBy(r => r.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var ids = reviews.SelectMany(r => new[] { r.ContactId, r.CandidateId }).Distinct().ToList();
            var contacts = await ContactMerger.WithChildren(db).AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var items = reviews.Select(r => new ReviewView(r.Id, r.Score, JsonSerializer.Deserialize<List<string>>(r.ReasonsJson) ?? [], r.Status, r.CreatedAt,
                contacts.TryGetValue(r.ContactId, out var a) ? ContactView.Of(a) : null,
                contacts.TryGetValue(r.CandidateId, out var b) ? ContactView.Of(b) : null)).ToList();
            return Results.Ok(new Page<ReviewView>(items, paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.ContactsRead)).WithSummary("Possible duplicates waiting for a decision, best matches first")
          .Produces<Page<ReviewView>>().ProducesValidationProblem();

        identity.MapPost("/review/{id:guid}/accept", async (Guid id, BrandHubDb db, ContactMerger merger, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var review = await db.Set<IdentityReview>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (review is null) return Problems.NotFound("Review");
            if (review.Status != "pending") return Problems.Conflict($"This review was already {review.Status}.");
            var pair = await ContactMerger.WithChildren(db).Where(c => (c.Id == review.ContactId || c.Id == review.CandidateId)
                && c.DeletedAt == null && c.MergedIntoId == null).ToListAsync(ct);
            if (pair.Count != 2) return Problems.Conflict("One of the two contacts was deleted or merged since; the review no longer applies.");
            var ordered = pair.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList(); // the older record survives
            var merge = merger.Merge(ordered[0], ordered[1], $"identity review (score {review.Score:0.00})");
            review.Status = "accepted"; review.DecidedAt = clock.Now(); review.DecidedBy = actor.Id;
            await db.SaveChangesAsync(ct);
            return Results.Ok(new AcceptResult(merge.Id, ordered[0].Id));
        }).RequireAuthorization(Scopes.Policy(Scopes.IdentityWrite)).WithSummary("They are the same person: merge into the older record")
          .Produces<AcceptResult>().ProducesProblem(404).ProducesProblem(409);

        identity.MapPost("/review/{id:guid}/reject", async (Guid id, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var review = await db.Set<IdentityReview>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (review is null) return Problems.NotFound("Review");
            if (review.Status != "pending") return Problems.Conflict($"This review was already {review.Status}.");
            review.Status = "rejected"; review.DecidedAt = clock.Now(); review.DecidedBy = actor.Id;
            audit.Record("identity.review_rejected", "identity_review", review.Id.ToString(), null, new { review.ContactId, review.CandidateId, review.Score });
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.IdentityWrite)).WithSummary("They are different people: keep both and stop suggesting it")
          .Produces(204).ProducesProblem(404).ProducesProblem(409);

        identity.MapGet("/merges", async (BrandHubDb db, Guid? contactId, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<ContactMerge>().AsNoTracking();
            if (contactId is { } cid) q = q.Where(m => m.SurvivorId == cid || m.MergedId == cid);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(m => m.MergedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<MergeView>(items.Select(m => new MergeView(m.Id, m.SurvivorId, m.MergedId == Guid.Empty ? null : m.MergedId,
                m.Reason, m.MergedAt, m.MergedBy, m.UndoneAt)).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.ContactsRead)).WithSummary("Merges, newest first (mergedId is null when an incoming record matched)")
          .Produces<Page<MergeView>>().ProducesValidationProblem();

        identity.MapPost("/merges/{id:guid}/undo", async (Guid id, BrandHubDb db, ContactMerger merger, CancellationToken ct) =>
        {
            var merge = await db.Set<ContactMerge>().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (merge is null) return Problems.NotFound("Merge");
            if (await merger.UndoAsync(merge, ct) is { } refusal) return Problems.Conflict(refusal);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.IdentityWrite)).WithSummary("Undo a merge: both records as they were before it")
          .Produces(204).ProducesProblem(404).ProducesProblem(409);

        return app;
    }
}
