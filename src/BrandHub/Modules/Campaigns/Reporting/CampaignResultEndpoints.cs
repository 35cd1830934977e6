using BrandHub.Modules.Audience;
using BrandHub.Core;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;
using static BrandHub.Modules.Delivery.DeliveryEndpoints;

namespace BrandHub.Modules.Campaigns.Reporting;

public sealed record CampaignReport(Guid CampaignId, string Name, string Status, string? Currency, IReadOnlyList<VariantMetrics> Metrics,
    IReadOnlyList<FunnelStage> Funnel, DateTimeOffset GeneratedAt);

public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Actor, string Action);

/// <summary>What a campaign did: live progress, metrics per step and variant, funnel, report, its deliveries, alerts and history.</summary>
public static class CampaignResultEndpoints
{
    public static IEndpointRouteBuilder MapCampaignResults(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/marketing/campaigns").WithTags("Campaigns").RequireAuthorization(Scopes.Policy(Scopes.CampaignsRead));

        campaigns.MapGet("/{id:guid}/progress", async (Guid id, CampaignPlanner planner, CampaignMetrics metrics, CancellationToken ct) =>
            await planner.FindAsync(id, ct) is { } c ? Results.Ok(await metrics.ProgressAsync(c, ct)) : Problems.NotFound("Campaign"))
            .WithSummary("Live progress: audience, queued, waiting, sent, failed, suppressed by reason, money committed").Produces<CampaignProgress>().ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/metrics", async (Guid id, CampaignPlanner planner, CampaignMetrics metrics, CancellationToken ct) =>
            await planner.FindAsync(id, ct) is { } c ? Results.Ok(await metrics.PerVariantAsync(c, ct)) : Problems.NotFound("Campaign"))
            .WithSummary("Per step and variant (and holdout): audience, sent, delivered, opened, clicked, unsubscribed, bounced, cost")
            .Produces<IReadOnlyList<VariantMetrics>>().ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/funnel", async (Guid id, CampaignPlanner planner, CampaignMetrics metrics, CancellationToken ct) =>
            await planner.FindAsync(id, ct) is { } c ? Results.Ok(CampaignMetrics.Funnel(await metrics.PerVariantAsync(c, ct))) : Problems.NotFound("Campaign"))
            .WithSummary("Audience → reachable → sent → delivered → opened → clicked").Produces<IReadOnlyList<FunnelStage>>().ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/report", async (Guid id, string? format, CampaignPlanner planner, CampaignMetrics metrics, TimeProvider clock, CancellationToken ct) =>
        {
            if (format is not (null or "json" or "csv")) return Problems.Validation("format", "Format must be csv or json.");
            var c = await planner.FindAsync(id, ct);
            if (c is null) return Problems.NotFound("Campaign");
            var rows = await metrics.PerVariantAsync(c, ct);
            if (format == "csv")
                return Results.File(System.Text.Encoding.UTF8.GetBytes(CampaignMetrics.Csv(c, rows)), "text/csv; charset=utf-8", $"campaign-{c.Id:N}.csv");
            return Results.Ok(new CampaignReport(c.Id, c.Name, c.Status, c.Currency, rows, CampaignMetrics.Funnel(rows), clock.GetUtcNow()));
        }).WithSummary("The campaign's results as JSON or CSV (one row per step and variant)").Produces<CampaignReport>().Produces(200, contentType: "text/csv")
          .ProducesValidationProblem().ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, Guid? stepId, Guid? variantId, int? page, int? pageSize, CampaignPlanner planner,
            BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (status is not null && !DeliveryStatuses.TryParse(status, out _)) errors.Add(new("status", $"Status must be one of: {string.Join(", ", DeliveryStatuses.All)}."));
            if (errors.Count > 0) return Problems.Validation(errors);
            if (await planner.FindAsync(id, ct) is null) return Problems.NotFound("Campaign");
            var q = db.Set<Delivery.Delivery>().AsNoTracking().Where(d => d.CampaignId == id);
            if (status is not null) q = q.Where(d => d.Status == status);
            if (stepId is not null) q = q.Where(d => d.StepId == stepId);
            if (variantId is not null) q = q.Where(d => d.VariantId == variantId);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<DeliveryView>(items.Select(View).ToList(), paging.Page, paging.PageSize, total));
        }).WithSummary("The campaign's deliveries, newest first, filtered by status, step and variant").Produces<Page<DeliveryView>>().ProducesValidationProblem().ProducesProblem(404);

        campaigns.MapGet("/{id:guid}/alerts", async (Guid id, BrandHubDb db, CancellationToken ct) =>
            Results.Ok(await db.Set<CampaignAlert>().AsNoTracking().Where(a => a.CampaignId == id).OrderByDescending(a => a.CreatedAt).Take(100)
                .Select(a => new AlertView(a.Id, a.Kind, a.Message, a.CreatedAt)).ToListAsync(ct)))
            .WithSummary("The latest 100 alerts (budget guard, refused scheduled launches)").Produces<List<AlertView>>();

        campaigns.MapGet("/{id:guid}/history", async (Guid id, BrandHubDb db, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var key = id.ToString();
            var q = db.Set<AuditEntry>().AsNoTracking().Where(e => e.EntityType == "campaign" && e.EntityId == key);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(e => e.Sequence).Skip(paging.Skip).Take(paging.PageSize)
                .Select(e => new HistoryEntry(e.Sequence, e.OccurredAt, e.Actor, e.Action)).ToListAsync(ct);
            return Results.Ok(new Page<HistoryEntry>(items, paging.Page, paging.PageSize, total));
        }).WithSummary("Every change and lifecycle move from the audit trail, newest first, with its actor").Produces<Page<HistoryEntry>>().ProducesValidationProblem();

        return app;
    }
}
