using BrandHub.Core.Attribution;
using BrandHub.Modules.Analytics.Rollups;

namespace BrandHub.Modules.Analytics.Attribution;

/// <summary>
/// The journeys of a period from the tracked events: each visitor's events (a contact's, whether sent with the contact or
/// with an anonymous id it identified as, else the anonymous id's own) become touches and journeys by the rules of
/// <see cref="Journeys"/>, read by <see cref="VisitorEvents"/>. A conversion is a purchase, lead or signup; one order id
/// counts once (its earliest event).
/// </summary>
public sealed class TrackedJourneys(VisitorEvents visitors)
{
    /// <summary>What a touch is credited as: its channel, its utm_campaign (or "(none)"), or its source.</summary>
    public static readonly IReadOnlyList<string> GroupBys = ["channel", "campaign", "source"];

    public async Task<List<Journey>> LoadAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan lookback, CancellationToken ct) =>
        (await visitors.ForPeriodAsync(from, to, lookback, ct)).SelectMany(h => Journeys.Build(h.Events, from, to, lookback)).ToList();

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
