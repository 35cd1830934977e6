using BrandHub.Core;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery;

public static class DeliveryEndpoints
{
    public sealed record DeliveryView(Guid Id, string Channel, string Category, Guid? ContactId, string Address, Guid? TemplateId, int? TemplateVersion,
        string Status, string? Reason, int Attempts, DateTimeOffset NextAttemptAt, string? Provider, string? ProviderMessageId, string? LastError,
        string IdempotencyKey, Guid? CampaignId, Guid? StepId, Guid? VariantId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset UpdatedAt);
    public sealed record TransitionView(string? From, string To, DateTimeOffset At, string? Detail);
    public sealed record DeliveryDetail(DeliveryView Delivery, System.Text.Json.JsonElement Data, IReadOnlyList<TransitionView> History);
    /// <param name="Status">Only dead deliveries are re-driven in bulk; give <c>dead</c> or leave it out.</param>
    public sealed record BulkRedriveRequest(string? Status = null, string? Channel = null, string? Category = null, Guid? ContactId = null,
        Guid? CampaignId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
    public sealed record BulkRedriveResult(int Redriven);

    public static IEndpointRouteBuilder MapDeliveries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliveries").WithTags("Deliveries");
        var read = Scopes.Policy(Scopes.DeliveriesRead);
        var manage = Scopes.Policy(Scopes.DeliveriesManage);

        group.MapGet("/", async (BrandHubDb db, string? status, string? channel, string? category, Guid? contactId, Guid? campaignId,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            var filter = new BulkRedriveRequest(status, channel, category, contactId, campaignId, from, to);
            CheckFilter(filter, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = Filter(db.Set<Delivery>().AsNoTracking(), filter);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<DeliveryView>(items.Select(View).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("Deliveries, newest first, filtered by status, channel, category, contact, campaign and creation time")
          .Produces<Page<DeliveryView>>().ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
        {
            var d = await db.Set<Delivery>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null) return Problems.NotFound("Delivery");
            var history = DeliveryHistory.InOrder(await db.Set<DeliveryTransition>().AsNoTracking().Where(t => t.DeliveryId == id).ToListAsync(ct));
            using var data = System.Text.Json.JsonDocument.Parse(d.DataJson);
            return Results.Ok(new DeliveryDetail(View(d), data.RootElement.Clone(), history.Select(t => new TransitionView(t.FromStatus, t.ToStatus, t.At, t.Detail)).ToList()));
        }).RequireAuthorization(read).WithSummary("One delivery with its data and full history").Produces<DeliveryDetail>().ProducesProblem(404);

        group.MapPost("/{id:guid}/redrive", async (Guid id, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var d = await db.Set<Delivery>().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null) return Problems.NotFound("Delivery");
            if (!DeliveryStatuses.TryParse(d.Status, out var status) || !DeliveryLifecycle.CanRedrive(status))
                return Problems.Conflict($"Only dead or failed deliveries can be re-driven; this one is {d.Status}.");
            var now = clock.GetUtcNow();
            db.Add(DeliveryHistory.Entry(d, d.Status, DeliveryStatuses.Queued, now, $"Re-driven by {actor.Id}"));
            audit.Record("delivery.redriven", "delivery", d.Id.ToString(), new { d.Status, d.Attempts, d.LastError }, new { Status = DeliveryStatuses.Queued });
            d.Status = DeliveryStatuses.Queued;
            d.Attempts = 0;
            d.RunAt = d.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(d));
        }).RequireAuthorization(manage).WithSummary("Put a dead or failed delivery back in the queue with fresh attempts")
          .Produces<DeliveryView>().ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/redrive", async (BulkRedriveRequest? body, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var filter = body ?? new BulkRedriveRequest();
            var errors = new List<FieldError>();
            if (filter.Status is not (null or DeliveryStatuses.Dead)) errors.Add(new("status", "Only dead deliveries are re-driven in bulk."));
            CheckFilter(filter, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var count = await DeliveryRedrive.DeadAsync(db, filter with { Status = DeliveryStatuses.Dead }, actor.Id, clock.GetUtcNow(), ct);
            audit.Record("delivery.bulk_redriven", "delivery", "*", null, new { filter, count });
            await db.SaveChangesAsync(ct);
            return Results.Ok(new BulkRedriveResult(count));
        }).RequireAuthorization(manage).WithSummary("Put every dead delivery matching the filter back in the queue; answers how many")
          .Produces<BulkRedriveResult>().ProducesValidationProblem();

        return app;
    }

    internal static IQueryable<Delivery> Filter(IQueryable<Delivery> q, BulkRedriveRequest f)
    {
        if (f.Status is { } s) q = q.Where(d => d.Status == s);
        if (f.Channel is { } ch) q = q.Where(d => d.Channel == ch);
        if (f.Category is { } c) q = q.Where(d => d.Category == c);
        if (f.ContactId is { } contact) q = q.Where(d => d.ContactId == contact);
        if (f.CampaignId is { } campaign) q = q.Where(d => d.CampaignId == campaign);
        if (f.From is { } from) q = q.Where(d => d.CreatedAt >= from);
        if (f.To is { } to) q = q.Where(d => d.CreatedAt < to);
        return q;
    }

    private static void CheckFilter(BulkRedriveRequest f, List<FieldError> errors)
    {
        if (f.Status is not null && !DeliveryStatuses.TryParse(f.Status, out _)) errors.Add(new("status", $"Status must be one of: {string.Join(", ", DeliveryStatuses.All)}."));
        if (f.Channel is not (null or "email")) errors.Add(new("channel", "Channel must be email."));
        if (f.Category is not null && !MessageCategories.TryParse(f.Category, out _)) errors.Add(new("category", "Category must be transactional or marketing."));
        if (f.From is { } from && f.To is { } to && to <= from) errors.Add(new("to", "Must be after from."));
    }

    internal static DeliveryView View(Delivery d) => new(d.Id, d.Channel, d.Category, d.ContactId, d.Address, d.TemplateId, d.TemplateVersion,
        d.Status, d.Reason, d.Attempts, d.RunAt, d.Provider, d.ProviderMessageId, d.LastError, d.IdempotencyKey, d.CampaignId, d.StepId, d.VariantId,
        d.CreatedAt, d.SentAt, d.UpdatedAt);
}
