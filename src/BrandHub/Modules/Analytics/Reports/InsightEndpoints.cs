using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

public static class InsightEndpoints
{
    public sealed record InsightsView(DateOnly From, DateOnly To, IReadOnlyList<Insights.Insight> Items);
    public sealed record InsightStateRequest(string? Key, [property: OpenApiValues(typeof(InsightState), nameof(InsightState.All))] string? State);

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/analytics/insights").WithTags("Analytics");

        group.MapGet("", async (DateOnly? from, DateOnly? to, bool? all, Insights insights, TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var (first, last) = DashboardEndpoints.Days(from, to, await calendar.DaysAsync(ct), clock, errors);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(new InsightsView(first, last, await insights.FindAsync(first, last, all ?? false, ct)));
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Anomalies (a KPI outside the band its weekday seasonality and trend predict), revenue declines over 20 % and growth over 50 %, unprofitable spend, under-spent budgets, fatigued segments and failing providers in the days [from, to], each with an estimated impact and an action")
          .WithDescription("Only open insights unless all=true, which adds the dismissed and done ones with their state.")
          .Produces<InsightsView>().ProducesValidationProblem();

        group.MapPut("/state", async (InsightStateRequest body, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var key = body.Key?.Trim();
            if (string.IsNullOrEmpty(key) || key.Length > 500) errors.Add(new("key", "The insight's key, as GET /insights gives it."));
            if (body.State is null || !InsightState.All.Contains(body.State)) errors.Add(new("state", $"One of {string.Join(", ", InsightState.All)}."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var now = clock.GetUtcNow();
            var row = await db.Set<InsightState>().FirstOrDefaultAsync(s => s.Key == key, ct);
            var before = row is null || row.Until <= now ? InsightState.Open : row.State;
            if (body.State == InsightState.Open) { if (row is not null) db.Remove(row); }
            else
            {
                row ??= db.Add(new InsightState { TenantId = db.Scope.RequiredTenantId, Key = key! }).Entity;
                (row.State, row.Until, row.UpdatedBy, row.UpdatedAt) = (body.State!, now + InsightState.HoldsFor, actor.Id, now);
            }
            if (before != body.State) audit.Record($"insight.{body.State}", "insight", key!, new { state = before }, new { state = body.State });
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsManage))
          .WithSummary("Dismiss an insight or mark it done (it leaves the feed for 30 days, even while it recurs), or open it again")
          .Produces(204).ProducesValidationProblem();
        return app;
    }
}
