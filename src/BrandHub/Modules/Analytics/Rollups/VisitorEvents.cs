using System.Linq.Expressions;
using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Tracking;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>
/// Reads tracked events per visitor for the rollup: a visitor is a contact (its own events and those of every anonymous
/// id it identified as), else one anonymous id. Loads a range's events, plus — for the visitors who convert in it — their
/// touches back one lookback window, and marks which conversion counts for an order (its earliest event) and which is a
/// visitor's first purchase.
/// </summary>
public sealed class VisitorEvents(BrandHubDb db)
{
    /// <summary>How far before a range events are read so a visit that began before midnight is still one visit.</summary>
    public static readonly TimeSpan VisitContext = TimeSpan.FromDays(1);

    /// <param name="IsConversion">Whether the event's name is one of the tenant's conversion events.</param>
    public sealed record Row(Guid Id, Guid? ContactId, Guid? IdentifiedAs, string? AnonymousId, DateTimeOffset OccurredAt, string Type, string Name,
        string Channel, string Source, string? Campaign, decimal? Revenue, string? OrderId, bool IsConversion = false)
    {
        public string Visitor => ContactId?.ToString() ?? IdentifiedAs?.ToString() ?? "a:" + AnonymousId;
    }

    private HashSet<string>? _conversions;

    /// <summary>The tenant's conversion event names (settings; purchase, lead and signup until set).</summary>
    public async Task<HashSet<string>> ConversionsAsync(CancellationToken ct) => _conversions ??=
        (await db.Set<AnalyticsSettings>().AsNoTracking().Select(s => s.ConversionEvents).FirstOrDefaultAsync(ct) is { } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries) : TrackEventTypes.DefaultConversions).ToHashSet(StringComparer.Ordinal);

    public async Task<List<Row>> RowsAsync(Expression<Func<TrackEvent, bool>> filter, CancellationToken ct)
    {
        var conversions = await ConversionsAsync(ct);
        var rows = await (
            from e in db.Set<TrackEvent>().AsNoTracking().Where(filter)
            where e.Type != TrackEventTypes.Identify
            join v in db.Set<VisitorIdentity>().AsNoTracking() on e.AnonymousId equals v.AnonymousId into identified
            from v in identified.DefaultIfEmpty()
            select new Row(e.Id, e.ContactId, v == null ? null : v.ContactId, e.AnonymousId, e.OccurredAt, e.Type, e.Name, e.Channel, e.Source, e.UtmCampaign, e.Revenue, e.OrderId, false)
        ).ToListAsync(ct);
        for (var i = 0; i < rows.Count; i++)
            if (conversions.Contains(rows[i].Name)) rows[i] = rows[i] with { IsConversion = true };
        return rows;
    }

    /// <summary>Events of these visitors in [from, to), of one type when <paramref name="type"/> is given.</summary>
    public async Task<List<Row>> OfVisitorsAsync(IReadOnlyCollection<string> visitors, DateTimeOffset from, DateTimeOffset to, CancellationToken ct,
        string? type = null)
    {
        var contacts = visitors.Where(v => !v.StartsWith("a:")).Select(Guid.Parse).ToList();
        var anonymous = visitors.Where(v => v.StartsWith("a:")).Select(v => v[2..]).ToList();
        var rows = new List<Row>();
        // In slices, so a parameter list stays small whatever the number of visitors.
        foreach (var slice in contacts.Chunk(1000))
        {
            var aliases = await db.Set<VisitorIdentity>().AsNoTracking().Where(v => slice.Contains(v.ContactId)).Select(v => v.AnonymousId).ToListAsync(ct);
            rows.AddRange(await RowsAsync(e => e.OccurredAt >= from && e.OccurredAt < to && (type == null || e.Type == type) && e.ContactId != null && slice.Contains(e.ContactId.Value), ct));
            foreach (var aliasSlice in aliases.Chunk(1000))
                rows.AddRange(await RowsAsync(e => e.OccurredAt >= from && e.OccurredAt < to && (type == null || e.Type == type) && e.ContactId == null && aliasSlice.Contains(e.AnonymousId!), ct));
        }
        foreach (var slice in anonymous.Chunk(1000))
            rows.AddRange(await RowsAsync(e => e.OccurredAt >= from && e.OccurredAt < to && (type == null || e.Type == type) && e.ContactId == null && slice.Contains(e.AnonymousId!), ct));
        return rows.Where(r => visitors.Contains(r.Visitor)).DistinctBy(r => r.Id).ToList();
    }

    /// <summary>One visitor (a contact id, or "a:" and an anonymous id) and its events in time order.</summary>
    public sealed record History(string Visitor, List<VisitorEvent> Events)
    {
        public Guid? ContactId => Guid.TryParse(Visitor, out var id) ? id : null;
    }

    /// <summary>Every visitor's events for computing the days [first, last] — see <see cref="DailyRollup.Compute"/>.</summary>
    public Task<List<History>> ForDaysAsync(DateOnly first, DateOnly last, TimeSpan lookback, ReportDays calendar, CancellationToken ct)
    {
        var (from, to) = calendar.Span(first, last);
        return ForPeriodAsync(from, to, lookback, ct);
    }

    /// <summary>
    /// Each visitor's events in time order for the journeys of [from, to): everything from a day before, and for the
    /// visitors who convert in the period their touches back one lookback window. A conversion with an order id is kept
    /// only as its order's earliest event; a purchase is marked when it is the visitor's first.
    /// </summary>
    public async Task<List<History>> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan lookback, CancellationToken ct)
    {
        var contextFrom = from - VisitContext;
        var rows = await RowsAsync(e => e.OccurredAt >= contextFrom && e.OccurredAt < to, ct);
        var converting = rows.Where(r => r.IsConversion && r.OccurredAt >= from).Select(r => r.Visitor).ToHashSet();
        rows.AddRange(await OfVisitorsAsync(converting, from - lookback - VisitContext, contextFrom, ct));

        var conversions = rows.Where(r => r.IsConversion && r.OccurredAt >= from).ToList();
        var counted = await CountedOrderEventsAsync(conversions, ct);
        var firstPurchase = await FirstPurchasesAsync(converting, to, ct);
        return rows.GroupBy(r => r.Visitor).Select(visitor => new History(visitor.Key, visitor.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
            .Where(r => !r.IsConversion || r.OrderId is null || counted.Contains(r.Id))
            .Select(r => new VisitorEvent(r.OccurredAt, r.Channel, r.Source, r.Campaign, r.IsConversion, r.IsConversion ? r.Revenue ?? 0 : 0,
                r.Type == TrackEventTypes.Purchase && firstPurchase.TryGetValue(r.Visitor, out var firstId) && firstId == r.Id))
            .ToList())).ToList();
    }

    /// <summary>Of the conversions carrying an order id, those that are their order's earliest event, all time.</summary>
    private async Task<HashSet<Guid>> CountedOrderEventsAsync(List<Row> conversions, CancellationToken ct)
    {
        var orders = conversions.Where(r => r.OrderId is not null).Select(r => r.OrderId!).Distinct().ToList();
        var counted = new HashSet<Guid>();
        foreach (var slice in orders.Chunk(1000))
        {
            var events = await db.Set<TrackEvent>().AsNoTracking().Where(e => e.OrderId != null && slice.Contains(e.OrderId))
                .Select(e => new { e.Id, e.OrderId, e.OccurredAt, e.Name }).ToListAsync(ct);
            var names = await ConversionsAsync(ct);
            foreach (var order in events.Where(e => names.Contains(e.Name)).GroupBy(e => e.OrderId))
                counted.Add(order.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).First().Id);
        }
        return counted;
    }

    /// <summary>Per visitor, the id of its first purchase event before <paramref name="to"/>.</summary>
    private async Task<Dictionary<string, Guid>> FirstPurchasesAsync(IReadOnlyCollection<string> visitors, DateTimeOffset to, CancellationToken ct)
    {
        var purchases = await OfVisitorsAsync(visitors, DateTimeOffset.UnixEpoch, to, ct, TrackEventTypes.Purchase);
        return purchases.GroupBy(r => r.Visitor).ToDictionary(g => g.Key, g => g.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).First().Id);
    }
}
