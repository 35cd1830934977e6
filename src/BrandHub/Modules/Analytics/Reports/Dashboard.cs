using BrandHub.Core.Analytics;
using BrandHub.Core.Attribution;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Costs;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>
/// The Brand Manager's numbers for a period and the period before it, from the daily rollup (visits, credited conversions
/// and revenue under the tenant's reporting model), imported spend, and message costs (deliveries of campaigns times the
/// campaign's cost per message on that channel). Days are the tenant's (<see cref="TenantCalendar"/>). Channels, campaigns
/// and days all add up to the totals.
/// </summary>
public sealed class Dashboard(BrandHubDb db, AnalyticsRollup rollup, TenantCalendar calendar)
{
    /// <param name="Previous">The same KPIs for the period before.</param>
    public sealed record KpiView(Kpis Kpis, Kpis Previous, IReadOnlyDictionary<string, decimal?> Change);
    public sealed record ChannelView(string Channel, Kpis Kpis, Kpis Previous, IReadOnlyDictionary<string, decimal?> Change);
    public sealed record CampaignRow(string Campaign, Kpis Kpis);
    public sealed record DayView(DateOnly Date, Kpis Kpis);
    /// <summary>Conversions of a segment's contacts: a contact in several segments counts in each, so these do not add up to the totals.</summary>
    public sealed record SegmentRow(Guid SegmentId, string Name, decimal Conversions, decimal Revenue);
    public sealed record DashboardView(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string Currency, string Model, int LookbackDays,
        DateTimeOffset? RolledUpAt, KpiView Totals, IReadOnlyList<ChannelView> Channels, IReadOnlyList<CampaignRow> TopCampaigns, IReadOnlyList<DayView> Daily,
        IReadOnlyList<SegmentRow> Segments);

    /// <summary>One input row: a day, channel and campaign with what happened and what it cost.</summary>
    public sealed record Cell(DateOnly Day, string Channel, string Campaign, KpiInputs Inputs);

    /// <param name="channel">Only this channel (the ROI view of one channel), or all.</param>
    public async Task<DashboardView> BuildAsync(DateOnly from, DateOnly to, string? channel, CancellationToken ct)
    {
        var settings = await rollup.SettingsAsync(ct);
        var length = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-length);
        var cells = (await CellsAsync(previousFrom, to, ct)).Where(c => channel is null || c.Channel == channel).ToList();
        var current = cells.Where(c => c.Day >= from).ToList();
        var previous = cells.Where(c => c.Day < from).ToList();

        var totals = Kpis.Of(Sum(current));
        var previousTotals = Kpis.Of(Sum(previous));
        var channels = current.Select(c => c.Channel).Union(previous.Select(c => c.Channel)).Order(StringComparer.Ordinal).Select(name =>
        {
            var now = Kpis.Of(Sum(current.Where(c => c.Channel == name)));
            var before = Kpis.Of(Sum(previous.Where(c => c.Channel == name)));
            return new ChannelView(name, now, before, now.ChangeFrom(before));
        }).OrderByDescending(c => c.Kpis.Revenue).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList();
        var campaigns = current.Where(c => c.Campaign.Length > 0).GroupBy(c => c.Campaign)
            .Select(g => new CampaignRow(g.Key, Kpis.Of(Sum(g)))).OrderByDescending(c => c.Kpis.Revenue).ThenBy(c => c.Campaign, StringComparer.Ordinal).Take(10).ToList();
        var daily = Enumerable.Range(0, length).Select(i => from.AddDays(i))
            .Select(day => new DayView(day, Kpis.Of(Sum(current.Where(c => c.Day == day))))).ToList();
        return new DashboardView(from, to, previousFrom, from.AddDays(-1), settings.Currency, settings.Model, settings.LookbackDays, settings.RolledUpAt,
            new KpiView(totals, previousTotals, totals.ChangeFrom(previousTotals)), channels, campaigns, daily,
            channel is null ? await SegmentsAsync(from, to, ct) : []);
    }

    /// <summary>The ten segments whose contacts brought the most revenue in the period.</summary>
    private async Task<List<SegmentRow>> SegmentsAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        DateTimeOffset from = ReportDays.Key(first), to = ReportDays.Key(last.AddDays(1));
        var rows = (await db.Set<AnalyticsSegmentDaily>().AsNoTracking().Where(r => r.Day >= from && r.Day < to).ToListAsync(ct))
            .GroupBy(r => r.SegmentId).Select(g => (Segment: g.Key, Conversions: g.Sum(r => r.Conversions), Revenue: g.Sum(r => r.Revenue)))
            .OrderByDescending(r => r.Revenue).ThenByDescending(r => r.Conversions).Take(10).ToList();
        var ids = rows.Select(r => r.Segment).ToList();
        var names = await db.Set<Segments.Segment>().AsNoTracking().Where(s => ids.Contains(s.Id) && s.DeletedAt == null).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Where(r => names.ContainsKey(r.Segment)).Select(r => new SegmentRow(r.Segment, names[r.Segment], r.Conversions, r.Revenue)).ToList();
    }

    private static KpiInputs Sum(IEnumerable<Cell> cells) => cells.Aggregate(KpiInputs.Zero, (sum, c) => sum.Plus(c.Inputs));

    /// <summary>Every day × channel × campaign input of [first, last]: rollup rows, spend and message costs, unsummed.</summary>
    public async Task<List<Cell>> CellsAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        DateTimeOffset from = ReportDays.Key(first), to = ReportDays.Key(last.AddDays(1));
        var cells = new List<Cell>();
        foreach (var r in await db.Set<AnalyticsDaily>().AsNoTracking().Where(r => r.Day >= from && r.Day < to).ToListAsync(ct))
            cells.Add(new Cell(ReportDays.FromKey(r.Day), r.Channel, r.Campaign, new KpiInputs(r.Revenue, 0, r.Conversions, r.Sessions, r.NewCustomers)));
        foreach (var c in await db.Set<MarketingCost>().AsNoTracking().Where(c => c.Day >= from && c.Day < to).ToListAsync(ct))
            cells.Add(new Cell(ReportDays.FromKey(c.Day), c.Channel, c.Campaign, KpiInputs.Zero with { Cost = c.Amount }));
        cells.AddRange(await MessageCostsAsync(first, last, ct));
        return cells;
    }

    /// <summary>What campaign messages cost: deliveries queued that day (suppressed ones are never sent, so free) × the campaign's price on that channel.</summary>
    private async Task<IEnumerable<Cell>> MessageCostsAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var days = await calendar.DaysAsync(ct);
        var (from, to) = days.Span(first, last);
        var sent = await db.Set<Delivery.Delivery>().AsNoTracking()
            .Where(d => d.CampaignId != null && d.CreatedAt >= from && d.CreatedAt < to && d.Status != DeliveryStatuses.Suppressed)
            .Select(d => new { d.CampaignId, d.Channel, d.CreatedAt }).ToListAsync(ct);
        if (sent.Count == 0) return [];
        var ids = sent.Select(d => d.CampaignId!.Value).Distinct().ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return sent.GroupBy(d => (Day: days.DayOf(d.CreatedAt), d.Channel, Campaign: d.CampaignId!.Value))
            .Select(g => (g.Key, Price: campaigns.TryGetValue(g.Key.Campaign, out var c) ? Campaigns.CampaignView.CostsOf(c).GetValueOrDefault(g.Key.Channel) : 0, Count: g.Count()))
            .Where(x => x.Price > 0)
            .Select(x => new Cell(x.Key.Day, x.Key.Channel, "", KpiInputs.Zero with { Cost = x.Price * x.Count }));
    }
}
