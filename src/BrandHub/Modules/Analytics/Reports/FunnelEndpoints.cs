using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>
/// The funnel per channel: of the visitors active in the period, how many reached each step in order (a step counts
/// only after the one before it), by the channel of their first visit in the period.
/// </summary>
public static class FunnelEndpoints
{
    public static readonly IReadOnlyList<string> DefaultSteps = [TrackEventTypes.PageView, TrackEventTypes.AddToCart, TrackEventTypes.BeginCheckout, TrackEventTypes.Purchase];

    /// <param name="Rates">Per step, the share of the step before that reached it (the first is 1).</param>
    /// <param name="Conversion">The share of the first step that reached the last.</param>
    public sealed record FunnelRow(string Channel, IReadOnlyList<long> Counts, IReadOnlyList<decimal?> Rates, decimal? Conversion);
    public sealed record FunnelView(DateOnly From, DateOnly To, IReadOnlyList<string> Steps, FunnelRow Overall, IReadOnlyList<FunnelRow> Channels);

    public static IEndpointRouteBuilder MapFunnel(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/marketing/analytics/funnel", async (DateOnly? from, DateOnly? to, string? steps, VisitorEvents visitors, TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var days = await calendar.DaysAsync(ct);
            var (first, last) = DashboardEndpoints.Days(from, to, days, clock, errors);
            var chosen = steps is null ? DefaultSteps : steps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (chosen.Count is < 2 or > 8) errors.Add(new("steps", "Between 2 and 8 steps, comma-separated."));
            if (chosen.FirstOrDefault(s => !TrackEventTypes.All.Contains(s) || s == TrackEventTypes.Identify) is { } unknown)
                errors.Add(new("steps", $"'{unknown}' is not an event type a funnel can use: {string.Join(", ", TrackEventTypes.All.Where(t => t != TrackEventTypes.Identify))}."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var (start, end) = days.Span(first, last);
            var rows = await visitors.RowsAsync(e => e.OccurredAt >= start && e.OccurredAt < end, ct);
            var reached = new List<(string Channel, int Steps)>();
            foreach (var visitor in rows.GroupBy(r => r.Visitor))
            {
                var ordered = visitor.OrderBy(r => r.OccurredAt).ToList();
                var channel = ordered.FirstOrDefault(r => !r.IsConversion)?.Channel ?? TouchChannels.Direct;
                var step = 0;
                foreach (var e in ordered)
                    if (step < chosen.Count && e.Type == chosen[step]) step++;
                if (step > 0) reached.Add((channel, step));
            }
            FunnelRow Row(string channel, IEnumerable<(string Channel, int Steps)> of)
            {
                var list = of.ToList();
                var counts = Enumerable.Range(1, chosen.Count).Select(s => (long)list.Count(r => r.Steps >= s)).ToList();
                var rates = counts.Select((c, i) => i == 0 ? (c > 0 ? 1m : (decimal?)null) : counts[i - 1] == 0 ? null : decimal.Round((decimal)c / counts[i - 1], 4)).ToList();
                return new FunnelRow(channel, counts, rates, counts[0] == 0 ? null : decimal.Round((decimal)counts[^1] / counts[0], 4));
            }
            var channels = reached.GroupBy(r => r.Channel).Select(g => Row(g.Key, g)).OrderByDescending(r => r.Counts[0]).ThenBy(r => r.Channel, StringComparer.Ordinal).ToList();
            return Results.Ok(new FunnelView(first, last, chosen, Row("all", reached), channels));
        }).WithTags("Analytics").RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Visitors reaching each step in order (default page_view → add_to_cart → begin_checkout → purchase) in the days [from, to], overall and per channel of their first visit")
          .Produces<FunnelView>().ProducesValidationProblem();
        return app;
    }
}
