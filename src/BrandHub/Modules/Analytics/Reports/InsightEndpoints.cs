using BrandHub.Core;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Reports;

public static class InsightEndpoints
{
    public sealed record InsightsView(DateOnly From, DateOnly To, IReadOnlyList<Insights.Insight> Items);

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/marketing/analytics/insights", async (DateOnly? from, DateOnly? to, Insights insights, TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var (first, last) = DashboardEndpoints.Days(from, to, await calendar.DaysAsync(ct), clock, errors);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(new InsightsView(first, last, await insights.FindAsync(first, last, ct)));
        }).WithTags("Analytics").RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Anomalies (a KPI outside the band its weekday seasonality and trend predict), revenue declines over 20 % and growth over 50 %, unprofitable spend and failing providers in the days [from, to], each with an estimated impact and an action")
          .Produces<InsightsView>().ProducesValidationProblem();
        return app;
    }
}
