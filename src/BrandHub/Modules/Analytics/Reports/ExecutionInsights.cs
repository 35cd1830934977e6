using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Campaigns;
using BrandHub.Modules.Campaigns.Launch;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>
/// The insights about how campaigns run rather than what they earn (PRODUCT.md §11):
/// <list type="bullet">
/// <item><b>under-spent budget</b> — a campaign with a budget, live in the period, that has committed under half of it:
/// finished with money left, or running for two weeks at a pace that will not spend it;</item>
/// <item><b>fatigued segment</b> — a segment whose members got at least as many emails per head as in the previous period
/// while their open rate fell by a quarter or more (at least 50 emails in each period);</item>
/// <item><b>failing provider</b> — more than 5 % of a channel's messages in the period failed or went dead.</item>
/// </list>
/// </summary>
public sealed class ExecutionInsights(BrandHubDb db, CampaignDeliveries deliveries)
{
    public const decimal UnderSpentShare = 0.5m, FatigueDrop = 0.25m, FailureThreshold = 0.05m;
    public const int UnderSpentAfterDays = 14, FatigueMinimumSends = 50, FailureMinimumMessages = 20;

    private const string SentStatuses = Segments.SegmentPerformance.SentStatuses, OpenedStatuses = Segments.SegmentPerformance.OpenedStatuses;

    public async Task<List<Insights.Insight>> UnderSpentBudgetsAsync(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken ct)
    {
        var insights = new List<Insights.Insight>();
        var campaigns = await db.Set<Campaign>().AsNoTracking()
            .Where(c => c.Budget > 0 && !c.IsTemplate && c.DeletedAt == null && c.LaunchedAt != null && c.LaunchedAt < end && (c.CompletedAt == null || c.CompletedAt >= start))
            .ToListAsync(ct);
        foreach (var c in campaigns.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var budget = c.Budget!.Value;
            var spent = await deliveries.CommittedAsync(c, ct);
            var finished = c.Status is Core.Campaigns.CampaignStatuses.Completed or Core.Campaigns.CampaignStatuses.Cancelled;
            var running = (now - c.LaunchedAt!.Value).TotalDays;
            if (spent >= budget * UnderSpentShare || (!finished && running < UnderSpentAfterDays)) continue;
            var left = decimal.Round(budget - spent, 2);
            insights.Add(new Insights.Insight("under_spent_budget", "info", $"{c.Name} has {1 - spent / budget:P0} of its budget unspent",
                $"{spent:N2} of {budget:N2} {c.Currency} committed{(finished ? " and the campaign is over" : $" after {(int)running} days")}.",
                null, "budget", null, left,
                finished ? $"Move the {left:N2} {c.Currency} left to the channels with the best ROAS, or release it."
                         : "Widen the audience or add a channel step: at this pace the budget will not be spent.", $"/campaigns/{c.Id}"));
        }
        return insights;
    }

    public async Task<List<Insights.Insight>> FatiguedSegmentsAsync(DateTimeOffset previousStart, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var p = new List<(string Name, object? Value)>
        {
            ("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@before", db.Instant(previousStart)), ("@from", db.Instant(start)), ("@to", db.Instant(end)),
        };
        var rows = await db.QueryAsync($@"SELECT s.id, s.name,
                SUM(CASE WHEN d.created_at >= @from THEN 1 ELSE 0 END),
                SUM(CASE WHEN d.created_at >= @from AND d.status IN ({OpenedStatuses}) THEN 1 ELSE 0 END),
                COUNT(DISTINCT CASE WHEN d.created_at >= @from THEN d.contact_id END),
                SUM(CASE WHEN d.created_at < @from THEN 1 ELSE 0 END),
                SUM(CASE WHEN d.created_at < @from AND d.status IN ({OpenedStatuses}) THEN 1 ELSE 0 END),
                COUNT(DISTINCT CASE WHEN d.created_at < @from THEN d.contact_id END)
            FROM deliveries d
            JOIN segment_members sm ON sm.tenant_id = d.tenant_id AND sm.contact_id = d.contact_id
            JOIN segments s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id AND s.deleted_at IS NULL
            WHERE d.tenant_id = @tenant AND d.channel = 'email' AND d.created_at >= @before AND d.created_at < @to AND d.status IN ({SentStatuses})
            GROUP BY s.id, s.name",
            p, r => (Id: db.IsPostgres ? r.GetGuid(0) : Guid.Parse(r.GetString(0)), Name: r.GetString(1), Now: Period(r, 2), Before: Period(r, 5)), ct);
        var insights = new List<Insights.Insight>();
        foreach (var (id, name, now, before) in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (now.Sent < FatigueMinimumSends || before.Sent < FatigueMinimumSends || now.PerHead < before.PerHead) continue;
            if (now.OpenRate > before.OpenRate * (1 - FatigueDrop)) continue;
            insights.Add(new Insights.Insight("fatigued_segment", "warning", $"{name} is tiring of email",
                $"Open rate {now.OpenRate:P1} against {before.OpenRate:P1} in the previous period, with {now.PerHead:0.#} emails per member against {before.PerHead:0.#}.",
                "email", "open_rate", null, -decimal.Round((before.OpenRate - now.OpenRate) * now.Sent, 0),
                $"Send {name} less (a frequency cap on its campaigns), rest it for a week, or refresh the offers and creative.", $"/segments/{id}"));
        }
        return insights;
    }

    public async Task<List<Insights.Insight>> FailingProvidersAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var counts = await db.Set<Delivery.Delivery>().AsNoTracking().Where(d => d.CreatedAt >= start && d.CreatedAt < end && d.Status != DeliveryStatuses.Suppressed)
            .GroupBy(d => d.Channel).Select(g => new { Channel = g.Key, Total = g.Count(), Failed = g.Count(d => d.Status == DeliveryStatuses.Failed || d.Status == DeliveryStatuses.Dead) })
            .ToListAsync(ct);
        return counts.Where(d => d.Total >= FailureMinimumMessages && (decimal)d.Failed / d.Total > FailureThreshold).Select(d =>
            new Insights.Insight("failing_provider", "critical", $"{(decimal)d.Failed / d.Total:P0} of {d.Channel} messages failed",
                $"{d.Failed:N0} of {d.Total:N0} {d.Channel} messages in the period failed or went dead.", d.Channel, "failed", null, -d.Failed,
                $"Check the {d.Channel} provider settings and its status, then re-drive the dead deliveries.")).ToList();
    }

    private sealed record SendPeriod(long Sent, long Opened, long Reached)
    {
        public decimal OpenRate => Sent == 0 ? 0 : (decimal)Opened / Sent;
        public decimal PerHead => Reached == 0 ? 0 : (decimal)Sent / Reached;
    }

    private static SendPeriod Period(System.Data.Common.DbDataReader r, int at) =>
        new(Convert.ToInt64(r.GetValue(at)), Convert.ToInt64(r.GetValue(at + 1)), Convert.ToInt64(r.GetValue(at + 2)));
}
