using BrandHub.Core.Analytics;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>Retention and revenue by first-purchase month, from tracked purchases (one per order id).</summary>
public static class CohortEndpoints
{
    public sealed record CohortsView(int Months, string Currency, IReadOnlyList<Cohort> Cohorts);

    public static IEndpointRouteBuilder MapCohorts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/marketing/analytics/cohorts", async (int? months, VisitorEvents visitors, AnalyticsRollup rollup, TenantCalendar calendar, TimeProvider clock,
            CancellationToken ct) =>
        {
            var count = months ?? 12;
            if (count is < 1 or > 24) return Problems.Validation("months", "Between 1 and 24 months.");
            var now = clock.GetUtcNow();
            var days = await calendar.DaysAsync(ct);
            var today = days.DayOf(now);
            var purchases = await visitors.RowsAsync(e => e.Type == TrackEventTypes.Purchase && e.OccurredAt < now, ct);
            var once = purchases.GroupBy(p => p.OrderId ?? p.Id.ToString()).Select(g => g.OrderBy(p => p.OccurredAt).First());
            var cohorts = Cohorts.Build(once.Select(p => (p.Visitor, p.OccurredAt, p.Revenue ?? 0)), new DateOnly(today.Year, today.Month, 1), count, days);
            return Results.Ok(new CohortsView(count, (await rollup.SettingsAsync(ct)).Currency, cohorts));
        }).WithTags("Analytics").RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Customers by first-purchase month (in the tenant's time zone) with the share who bought again and what they spent in each month after; the last `months` cohorts")
          .Produces<CohortsView>().ProducesValidationProblem();
        return app;
    }
}
