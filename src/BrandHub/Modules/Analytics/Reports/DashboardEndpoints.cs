using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>The dashboard and the ROI of one channel: KPIs for a period of days with the change against the period before.</summary>
public static class DashboardEndpoints
{
    public const int MaxDays = 366, DefaultDays = 30;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/analytics").WithTags("Analytics");
        var read = Scopes.Policy(Scopes.AnalyticsRead);

        group.MapGet("/dashboard", async (DateOnly? from, DateOnly? to, Dashboard dashboard, TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var (first, last) = Days(from, to, await calendar.DaysAsync(ct), clock, errors);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(await dashboard.BuildAsync(first, last, null, ct));
        }).RequireAuthorization(read)
          .WithSummary("KPIs for the days [from, to] (default: the last 30 days), overall, per channel, top campaigns and per day, each with the change against the period before")
          .WithDescription("Revenue and conversions are credited by the tenant's reporting model (settings); cost is imported spend plus campaign message costs. " +
              "ROAS = revenue ÷ cost, ROI = (revenue − cost) ÷ cost, CPA = cost ÷ conversions, CAC = cost ÷ new customers, conversion rate = conversions ÷ sessions; null when the denominator is 0.")
          .Produces<Dashboard.DashboardView>().ProducesValidationProblem();

        group.MapGet("/roi/{channel}", async (string channel, DateOnly? from, DateOnly? to, Dashboard dashboard, TenantCalendar calendar, TimeProvider clock,
            CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var (first, last) = Days(from, to, await calendar.DaysAsync(ct), clock, errors);
            if (!TouchChannels.All.Contains(channel)) errors.Add(new("channel", $"One of {string.Join(", ", TouchChannels.All)}."));
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(await dashboard.BuildAsync(first, last, channel, ct));
        }).RequireAuthorization(read)
          .WithSummary("One channel's revenue, cost, ROI, ROAS, CPA and CAC for the days [from, to], its campaigns and its days, with the change against the period before")
          .Produces<Dashboard.DashboardView>().ProducesValidationProblem();
        return app;
    }

    /// <summary>A period of whole days of the tenant's calendar, both ends included; the last 30 days (today included) by default.</summary>
    public static (DateOnly From, DateOnly To) Days(DateOnly? from, DateOnly? to, ReportDays calendar, TimeProvider clock, List<FieldError> errors)
    {
        var last = to ?? calendar.DayOf(clock.GetUtcNow());
        var first = from ?? last.AddDays(-(DefaultDays - 1));
        if (first > last) errors.Add(new("from", "The period starts on or before its last day."));
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) errors.Add(new("from", $"At most {MaxDays} days at a time."));
        return (first, last);
    }
}
