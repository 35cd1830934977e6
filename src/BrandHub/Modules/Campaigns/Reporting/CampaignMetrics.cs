using System.Globalization;
using System.Text;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Reporting;

/// <summary>One step × variant's numbers. Status counts follow the delivery ladder: an opened message was also delivered and sent.</summary>
public sealed record VariantMetrics(Guid StepId, string StepName, string Channel, Guid? VariantId, string Variant, long Audience, long Queued, long Sent,
    long Delivered, long Opened, long Clicked, long Unsubscribed, long Bounced, long Complained, long Failed, long Suppressed,
    IReadOnlyDictionary<string, long> SuppressedByReason, decimal Cost)
{
    public double OpenRate => Delivered == 0 ? 0 : Math.Round((double)Opened / Delivered, 4);
    public double ClickRate => Delivered == 0 ? 0 : Math.Round((double)Clicked / Delivered, 4);
}

public sealed record RunProgress(int Run, Guid StepId, string Status, long Audience, long Queued, DateTimeOffset LaunchedAt, DateTimeOffset? FinishedAt);

/// <summary>Live progress: each run's launch and the deliveries' statuses so far, suppressed broken down by reason.</summary>
public sealed record CampaignProgress(string Status, int CurrentRun, long Audience, long Queued, long Waiting, long Sent, long Failed, long Suppressed,
    IReadOnlyDictionary<string, long> SuppressedByReason, decimal Committed, decimal? Budget, string? PausedReason, IReadOnlyList<RunProgress> Runs);

public sealed record FunnelStage(string Stage, long Count, double OfAudience);

/// <summary>
/// A campaign's results, read from its deliveries in one grouped query (by step, variant, status and reason) plus the
/// unsubscribes its links caused — never delivery by delivery.
/// </summary>
public sealed class CampaignMetrics(BrandHubDb db, CampaignPlanner planner)
{
    private static readonly string[] SentOrBeyond = [DeliveryStatuses.Sent, DeliveryStatuses.Delivered, DeliveryStatuses.Opened, DeliveryStatuses.Clicked,
        DeliveryStatuses.Bounced, DeliveryStatuses.Complained];
    private static readonly string[] DeliveredOrBeyond = [DeliveryStatuses.Delivered, DeliveryStatuses.Opened, DeliveryStatuses.Clicked, DeliveryStatuses.Complained];

    private sealed record Count(Guid? StepId, Guid? VariantId, string Status, string? Reason, long N);

    public async Task<IReadOnlyList<VariantMetrics>> PerVariantAsync(Campaign c, CancellationToken ct)
    {
        var counts = await db.Set<Delivery.Delivery>().AsNoTracking().Where(d => d.CampaignId == c.Id)
            .GroupBy(d => new { d.StepId, d.VariantId, d.Status, d.Reason })
            .Select(g => new Count(g.Key.StepId, g.Key.VariantId, g.Key.Status, g.Key.Reason, g.LongCount())).ToListAsync(ct);
        var unsubscribes = await UnsubscribesAsync(c.Id, ct);
        var costs = CampaignView.CostsOf(c);
        var result = new List<VariantMetrics>();
        foreach (var step in await planner.StepsAsync(c.Id, ct))
        {
            var variants = Steps.StepVariant.ParseAll(step.VariantsJson).Select(v => ((Guid?)v.Id, v.Name)).ToList();
            if (counts.Any(x => x.StepId == step.Id && x.VariantId is null)) variants.Add((null, "holdout"));
            foreach (var (variantId, name) in variants)
            {
                var rows = counts.Where(x => x.StepId == step.Id && x.VariantId == variantId).ToList();
                long Sum(params string[] statuses) => rows.Where(r => statuses.Contains(r.Status)).Sum(r => r.N);
                var suppressed = rows.Where(r => r.Status == DeliveryStatuses.Suppressed).GroupBy(r => r.Reason ?? "unknown").ToDictionary(g => g.Key, g => g.Sum(r => r.N));
                var paid = rows.Where(r => r.Status != DeliveryStatuses.Suppressed).Sum(r => r.N);
                result.Add(new VariantMetrics(step.Id, step.Name, step.Channel, variantId, name, rows.Sum(r => r.N),
                    Sum(DeliveryStatuses.Queued, DeliveryStatuses.Sending), Sum(SentOrBeyond), Sum(DeliveredOrBeyond),
                    Sum(DeliveryStatuses.Opened, DeliveryStatuses.Clicked), Sum(DeliveryStatuses.Clicked),
                    variantId is { } v ? unsubscribes.GetValueOrDefault((step.Id, v)) : 0, Sum(DeliveryStatuses.Bounced), Sum(DeliveryStatuses.Complained),
                    Sum(DeliveryStatuses.Failed, DeliveryStatuses.Dead), suppressed.Values.Sum(), suppressed, paid * costs.GetValueOrDefault(step.Channel)));
            }
        }
        return result;
    }

    public async Task<CampaignProgress> ProgressAsync(Campaign c, CancellationToken ct)
    {
        var metrics = await PerVariantAsync(c, ct);
        var runs = await db.Set<CampaignRun>().AsNoTracking().Where(r => r.CampaignId == c.Id).OrderBy(r => r.Run).ToListAsync(ct);
        var current = runs.Where(r => r.Run == c.CurrentRun).ToList();
        var reasons = metrics.SelectMany(m => m.SuppressedByReason).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new CampaignProgress(c.Status, c.CurrentRun, current.Sum(r => r.Audience), current.Sum(r => r.Queued), metrics.Sum(m => m.Queued),
            metrics.Sum(m => m.Sent), metrics.Sum(m => m.Failed + m.Bounced), metrics.Sum(m => m.Suppressed), reasons, metrics.Sum(m => m.Cost), c.Budget,
            c.PausedReason, runs.Select(r => new RunProgress(r.Run, r.StepId, r.Status, r.Audience, r.Queued, r.LaunchedAt, r.FinishedAt)).ToList());
    }

    public static IReadOnlyList<FunnelStage> Funnel(IReadOnlyList<VariantMetrics> metrics)
    {
        var audience = metrics.Sum(m => m.Audience);
        FunnelStage Stage(string name, long n) => new(name, n, audience == 0 ? 0 : Math.Round((double)n / audience, 4));
        return
        [
            Stage("audience", audience), Stage("reachable", audience - metrics.Sum(m => m.Suppressed)), Stage("sent", metrics.Sum(m => m.Sent)),
            Stage("delivered", metrics.Sum(m => m.Delivered)), Stage("opened", metrics.Sum(m => m.Opened)), Stage("clicked", metrics.Sum(m => m.Clicked)),
        ];
    }

    public static string Csv(Campaign c, IReadOnlyList<VariantMetrics> metrics)
    {
        var sb = new StringBuilder("campaign,step,channel,variant,audience,queued,sent,delivered,opened,clicked,unsubscribed,bounced,complained,failed,suppressed,cost,currency,open_rate,click_rate\r\n");
        foreach (var m in metrics)
            sb.Append(string.Join(',', Field(c.Name), Field(m.StepName), m.Channel, Field(m.Variant), m.Audience, m.Queued, m.Sent, m.Delivered, m.Opened, m.Clicked,
                m.Unsubscribed, m.Bounced, m.Complained, m.Failed, m.Suppressed, m.Cost.ToString("0.####", CultureInfo.InvariantCulture), c.Currency ?? "",
                m.OpenRate.ToString(CultureInfo.InvariantCulture), m.ClickRate.ToString(CultureInfo.InvariantCulture))).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>Opt-outs through a campaign message's links: consent events whose proof names one of its deliveries.</summary>
    private async Task<Dictionary<(Guid Step, Guid Variant), long>> UnsubscribesAsync(Guid campaignId, CancellationToken ct)
    {
        var idText = db.IsPostgres ? "d.id::text" : "lower(d.id)";
        var sql = $"""
            SELECT d.step_id, d.variant_id, COUNT(DISTINCT d.id) FROM deliveries d
            JOIN consent_events ce ON ce.tenant_id = d.tenant_id AND ce.contact_id = d.contact_id AND ce.proof_reference = {idText}
            WHERE d.tenant_id = @t AND d.campaign_id = @c AND ce.status = 'opted_out' AND d.variant_id IS NOT NULL
            GROUP BY d.step_id, d.variant_id
            """;
        var rows = await db.QueryAsync(sql, [("@t", db.Id(db.Scope.RequiredTenantId)), ("@c", db.Id(campaignId))],
            r => (Step: r.GetId(0), Variant: r.GetId(1), N: Convert.ToInt64(r.GetValue(2))), ct);
        return rows.ToDictionary(x => (x.Step, x.Variant), x => x.N);
    }
}
