using BrandHub.Core.Analytics;
using BrandHub.Data;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>
/// What deserves the Brand Manager's attention in a period, each with an estimated impact and an action:
/// <list type="bullet">
/// <item><b>anomalies</b> — a day whose revenue, visits or conversions (overall, or a channel's revenue) fell outside the
/// band its own history predicts (<see cref="AnomalyDetector"/>: trend + weekday seasonality, robust spread);</item>
/// <item><b>decline</b> — a channel's revenue down more than 20 % on the previous period; <b>growth</b> — up more than 50 %;</item>
/// <item><b>unprofitable spend</b> — a channel with spend whose ROAS is under 1;</item>
/// <item>under-spent budgets, fatigued segments and failing providers (<see cref="ExecutionInsights"/>).</item>
/// </list>
/// Ordered by severity, then by the size of the impact.
/// </summary>
public sealed class Insights(Dashboard dashboard, ExecutionInsights execution, TenantCalendar calendar, BrandHubDb db, TimeProvider clock)
{
    public const decimal DeclineThreshold = -0.20m, GrowthThreshold = 0.50m;

    /// <param name="Impact">Estimated effect in the reporting currency (negative: money lost or at risk; for a budget, the amount left in the
    /// campaign's currency), or a count: failed messages, opens lost.</param>
    /// <param name="Link">The page of the app where to act (a campaign, a segment), when there is one.</param>
    public sealed record Insight([property: OpenApiValues(typeof(Insights), nameof(Kinds))] string Kind,
        [property: OpenApiValues(typeof(Insights), nameof(Severities))] string Severity, string Title, string Detail, string? Channel, string Metric, DateOnly? Day,
        decimal Impact, string Action, string? Link = null)
    {
        /// <summary>Names this insight across periods and reads (kind, channel, metric, day, link): what a dismissal is kept under.</summary>
        public string Key => $"{Kind}:{Channel ?? "-"}:{Metric}:{Day?.ToString("yyyy-MM-dd") ?? "-"}:{Link ?? "-"}";

        /// <summary>open, or what a person made of it (dismissed, done) while that holds.</summary>
        [OpenApiValues(typeof(InsightState), nameof(InsightState.All))]
        public string State { get; init; } = InsightState.Open;
    }

    public static readonly IReadOnlyList<string> Kinds =
        ["anomaly", "decline", "growth", "unprofitable_spend", "under_spent_budget", "fatigued_segment", "failing_provider"];
    public static readonly IReadOnlyList<string> Severities = ["critical", "warning", "info"];

    /// <param name="all">Also the ones dismissed or done (with their state); otherwise only the open ones.</param>
    public async Task<List<Insight>> FindAsync(DateOnly from, DateOnly to, bool all, CancellationToken ct)
    {
        var insights = new List<Insight>();
        var view = await dashboard.BuildAsync(from, to, null, ct);
        var currency = view.Currency;

        // Anomalies: each day of the period against the AnomalyDetector.HistoryDays before it.
        var cells = await dashboard.CellsAsync(from.AddDays(-AnomalyDetector.HistoryDays), to, ct);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1 + AnomalyDetector.HistoryDays).Select(i => from.AddDays(i - AnomalyDetector.HistoryDays)).ToList();
        List<(DateOnly, double)> Series(Func<Dashboard.Cell, bool> which, Func<KpiInputs, decimal> metric) =>
            days.Select(d => (d, (double)cells.Where(c => c.Day == d && which(c)).Sum(c => metric(c.Inputs)))).ToList();
        void Check(string metric, string? channel, List<(DateOnly, double)> series, bool money)
        {
            foreach (var a in AnomalyDetector.Find(series, from))
            {
                var drop = a.Score < 0;
                var what = $"{(channel is null ? "" : channel + " ")}{metric}";
                insights.Add(new Insight("anomaly", drop ? "warning" : "info",
                    $"{Capital(what)} {(drop ? "dropped" : "spiked")} on {a.Day:d MMM}",
                    $"{Format(a.Value, money, currency)} against {Format(a.Expected, money, currency)} expected for that weekday and trend (normal range {Format(Math.Max(0, a.Low), money, currency)}–{Format(a.High, money, currency)}).",
                    channel, metric, a.Day, decimal.Round((decimal)(a.Value - a.Expected), 2),
                    drop ? $"Check what changed on {a.Day:d MMM}: tracking on the site, the {(channel ?? "channels")}' sends and campaigns, prices and stock."
                         : "Find what drove it (a campaign, a mention, a promotion) and whether it can be repeated."));
            }
        }
        Check("revenue", null, Series(_ => true, i => i.Revenue), money: true);
        Check("sessions", null, Series(_ => true, i => i.Sessions), money: false);
        Check("conversions", null, Series(_ => true, i => i.Conversions), money: false);
        foreach (var channel in view.Channels.Where(c => c.Kpis.Revenue > 0).Select(c => c.Channel))
            Check("revenue", channel, Series(c => c.Channel == channel, i => i.Revenue), money: true);

        foreach (var c in view.Channels)
        {
            var previousRevenue = c.Previous.Revenue;
            if (c.Change["revenue"] is { } down && down <= DeclineThreshold)
                insights.Add(new Insight("decline", "warning", $"{Capital(c.Channel)} revenue down {-down:P0}",
                    $"{c.Kpis.Revenue:N2} {currency} against {previousRevenue:N2} {currency} in the previous period.", c.Channel, "revenue", null,
                    decimal.Round(c.Kpis.Revenue - previousRevenue, 2), $"Review {c.Channel}'s campaigns, budget and audiences against the previous period."));
            if (c.Change["revenue"] is { } up && up >= GrowthThreshold)
                insights.Add(new Insight("growth", "info", $"{Capital(c.Channel)} revenue up {up:P0}",
                    $"{c.Kpis.Revenue:N2} {currency} against {previousRevenue:N2} {currency} in the previous period.", c.Channel, "revenue", null,
                    decimal.Round(c.Kpis.Revenue - previousRevenue, 2),
                    c.Kpis.Roas is { } roas && roas > 1 ? $"With ROAS {roas:0.##}, consider moving budget to {c.Channel}." : $"Find what works in {c.Channel} and do more of it."));
            if (c.Kpis.Cost > 0 && c.Kpis.Roas is { } r && r < 1)
                insights.Add(new Insight("unprofitable_spend", "warning", $"{Capital(c.Channel)} spends more than it brings",
                    $"ROAS {r:0.##}: {c.Kpis.Cost:N2} {currency} spent for {c.Kpis.Revenue:N2} {currency} of credited revenue.", c.Channel, "roas", null,
                    c.Kpis.Profit, $"Cut or rework {c.Channel}'s weakest campaigns, or check its conversions are tracked."));
        }

        var calendarDays = await calendar.DaysAsync(ct);
        var (start, end) = calendarDays.Span(from, to);
        insights.AddRange(await execution.UnderSpentBudgetsAsync(start, end, clock.GetUtcNow(), ct));
        insights.AddRange(await execution.FatiguedSegmentsAsync(calendarDays.Start(view.PreviousFrom), start, end, ct));
        insights.AddRange(await execution.FailingProvidersAsync(start, end, ct));

        var now = clock.GetUtcNow();
        var states = await db.Set<InsightState>().AsNoTracking().Where(s => s.Until > now).ToDictionaryAsync(s => s.Key, s => s.State, ct);
        return insights.Select(i => states.TryGetValue(i.Key, out var state) ? i with { State = state } : i)
            .Where(i => all || i.State == InsightState.Open)
            .OrderBy(i => i.Severity switch { "critical" => 0, "warning" => 1, _ => 2 }).ThenByDescending(i => Math.Abs(i.Impact)).ToList();
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].Replace('_', ' ');

    private static string Format(double value, bool money, string currency) => money ? $"{value:N2} {currency}" : $"{value:N0}";
}
