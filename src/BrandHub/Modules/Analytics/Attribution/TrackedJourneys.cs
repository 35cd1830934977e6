using BrandHub.Core.Attribution;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Tracking;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Attribution;

/// <summary>
/// The journeys of a period from the tracked events: each visitor's events (a contact's, whether sent with the contact or
/// with an anonymous id it identified as, else the anonymous id's own) become touches and journeys by the rules of
/// <see cref="Journeys"/>. A conversion is a purchase, lead or signup; one order id counts once (its earliest event).
/// </summary>
public sealed class TrackedJourneys(BrandHubDb db)
{
    /// <summary>What a touch is credited as: its channel, its utm_campaign (or "(none)"), or its source.</summary>
    public static readonly IReadOnlyList<string> GroupBys = ["channel", "campaign", "source"];

    private sealed record Row(Guid? ContactId, Guid? IdentifiedAs, string? AnonymousId, DateTimeOffset OccurredAt, string Type, string Channel, string Source,
        string? Campaign, decimal? Revenue, string? OrderId);

    public async Task<List<Journey>> LoadAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan lookback, CancellationToken ct)
    {
        var start = from - lookback;
        var rows = await (
            from e in db.Set<TrackEvent>().AsNoTracking()
            where e.OccurredAt >= start && e.OccurredAt < to && e.Type != TrackEventTypes.Identify
            join v in db.Set<VisitorIdentity>().AsNoTracking() on e.AnonymousId equals v.AnonymousId into identified
            from v in identified.DefaultIfEmpty()
            select new Row(e.ContactId, v == null ? null : v.ContactId, e.AnonymousId, e.OccurredAt, e.Type, e.Channel, e.Source, e.UtmCampaign, e.Revenue, e.OrderId)
        ).ToListAsync(ct);

        // One order counts once, by its earliest event (the browser's purchase and the ERP's order are the same sale).
        var orderEvent = rows.Where(r => r.OrderId is not null && IsConversion(r.Type)).GroupBy(r => r.OrderId!)
            .ToDictionary(g => g.Key, g => g.MinBy(r => r.OccurredAt)!, StringComparer.Ordinal);
        var journeys = new List<Journey>();
        foreach (var visitor in rows.GroupBy(r => r.ContactId?.ToString() ?? r.IdentifiedAs?.ToString() ?? "a:" + r.AnonymousId))
        {
            var events = new List<VisitorEvent>();
            foreach (var r in visitor.OrderBy(r => r.OccurredAt))
            {
                var conversion = IsConversion(r.Type);
                if (conversion && r.OrderId is { } order && !ReferenceEquals(orderEvent[order], r)) continue;
                events.Add(new VisitorEvent(r.OccurredAt, r.Channel, r.Source, r.Campaign, conversion, conversion ? r.Revenue ?? 0 : 0));
            }
            journeys.AddRange(Journeys.Build(events, from, to, lookback));
        }
        return journeys;
    }

    private static bool IsConversion(string type) => TrackEventTypes.DefaultConversions.Contains(type);

    /// <summary>The journeys as the models take them, each touch named by <paramref name="groupBy"/>, with touch ages for time decay.</summary>
    public static JourneySet ToSet(IEnumerable<Journey> journeys, string groupBy)
    {
        var set = new JourneySet();
        foreach (var j in journeys)
        {
            var path = j.Touches.Select(t => groupBy switch { "campaign" => t.Campaign ?? "(none)", "source" => t.Source, _ => t.Channel }).ToList();
            var ages = j.Touches.Select(t => (j.At - t.At).TotalDays).ToList();
            if (j.Converted) set.Add(path, 1, j.Value, 0, ages);
            else set.Add(path, 0, 0, 1, ages);
        }
        return set;
    }
}
