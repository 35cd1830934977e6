namespace BrandHub.Core.Attribution;

/// <summary>One day × channel × campaign of the analytics rollup.</summary>
/// <param name="Campaign">utm_campaign, or "" for none.</param>
/// <param name="Sessions">Touches (visits) that started that day.</param>
/// <param name="Conversions">Credit for that day's conversions under the rollup's model (4 decimals).</param>
/// <param name="Revenue">Credit for their revenue (to the cent).</param>
/// <param name="NewCustomers">Credit for the conversions that were a visitor's first purchase.</param>
public sealed record DailyRow(DateOnly Day, string Channel, string Campaign, long Sessions, decimal Conversions, decimal Revenue, decimal NewCustomers);

/// <summary>
/// The daily rollup the dashboard reads: per day of the tenant's calendar (<see cref="ReportDays"/>), channel and campaign, the visits that started and the credit for the
/// conversions of that day under one rule-based model. Each day's credits add up exactly to that day's conversions and
/// revenue (largest remainder, per day), so any range of days reconciles too. A day's rows depend only on events up to
/// the day's end and back one lookback window, which is what lets the rollup recompute just the days new events touch.
/// </summary>
public static class DailyRollup
{
    /// <summary>The models a rollup can keep: those that credit each conversion on its own (Markov and Shapley need a whole period).</summary>
    public static readonly IReadOnlyList<string> Models =
        [AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.LastNonDirect, AttributionModels.Linear,
         AttributionModels.TimeDecay, AttributionModels.PositionBased];

    private const char Separator = '\u001f';

    /// <param name="visitors">Each visitor's events in time order, from at least one lookback window (and a visit timeout) before <paramref name="first"/>.</param>
    /// <param name="calendar">Which day an instant falls on (UTC when not given).</param>
    public static List<DailyRow> Compute(IEnumerable<IReadOnlyList<VisitorEvent>> visitors, DateOnly first, DateOnly last, TimeSpan lookback,
        string model, AttributionSettings? settings = null, ReportDays? calendar = null)
    {
        if (!Models.Contains(model)) throw new ArgumentException($"A rollup keeps one of {string.Join(", ", Models)}.", nameof(model));
        settings ??= AttributionSettings.Default;
        calendar ??= ReportDays.Utc;
        var (from, to) = calendar.Span(first, last);
        var sessions = new Dictionary<(DateOnly, string, string), long>();
        var byDay = new Dictionary<DateOnly, List<Journey>>();
        foreach (var events in visitors)
        {
            foreach (var touch in Journeys.Touches(events, settings.DirectChannel))
                if (touch.At >= from && touch.At < to)
                {
                    var key = (calendar.DayOf(touch.At), touch.Channel, CampaignOf(touch, settings));
                    sessions[key] = sessions.GetValueOrDefault(key) + 1;
                }
            foreach (var journey in Journeys.Build(events, from, to, lookback, settings.DirectChannel))
                if (journey.Converted)
                {
                    var day = calendar.DayOf(journey.At);
                    if (!byDay.TryGetValue(day, out var list)) byDay[day] = list = [];
                    list.Add(journey);
                }
        }

        var rows = new Dictionary<(DateOnly, string, string), (long Sessions, decimal Conversions, decimal Revenue, decimal New)>();
        foreach (var (key, count) in sessions) rows[key] = (count, 0, 0, 0);
        foreach (var (day, journeys) in byDay)
        {
            var credit = Credit(journeys, model, settings, newCustomersOnly: false);
            var newCustomers = journeys.Any(j => j.NewCustomer) ? Credit(journeys.Where(j => j.NewCustomer).ToList(), model, settings, true)
                : new Dictionary<string, ChannelCredit>();
            foreach (var name in credit.Keys.Union(newCustomers.Keys))
            {
                var (channel, campaign) = Split(name);
                var key = (day, channel, campaign);
                var row = rows.GetValueOrDefault(key);
                var c = credit.GetValueOrDefault(name);
                rows[key] = (row.Sessions, c?.Conversions ?? 0, c?.Value ?? 0, newCustomers.GetValueOrDefault(name)?.Conversions ?? 0);
            }
        }
        return rows.Select(r => new DailyRow(r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Value.Sessions, r.Value.Conversions, r.Value.Revenue, r.Value.New))
            .OrderBy(r => r.Day).ThenBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Campaign, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each touch is credited as channel + campaign; direct keeps its bare name (it has no campaign), so last-non-direct still knows it.</summary>
    private static IReadOnlyDictionary<string, ChannelCredit> Credit(List<Journey> journeys, string model, AttributionSettings settings, bool newCustomersOnly)
    {
        var set = new JourneySet();
        foreach (var j in journeys)
            set.Add(j.Touches.Select(t => t.Channel == settings.DirectChannel || t.Campaign is null ? t.Channel : t.Channel + Separator + t.Campaign).ToList(),
                1, newCustomersOnly ? 0 : j.Value, 0, j.Touches.Select(t => (j.At - t.At).TotalDays).ToList());
        return ChannelAttribution.Run(set, [model], settings).Models[model];
    }

    private static string CampaignOf(Touch t, AttributionSettings settings) => t.Channel == settings.DirectChannel ? "" : t.Campaign ?? "";

    private static (string Channel, string Campaign) Split(string name)
    {
        var at = name.IndexOf(Separator);
        return at < 0 ? (name, "") : (name[..at], name[(at + 1)..]);
    }
}
