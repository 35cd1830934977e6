namespace BrandHub.Core.Attribution;

/// <summary>One event of a visitor, as far as journeys care: when, how the visit arrived, and whether it converted.</summary>
/// <param name="Channel">The classified channel of the visit (direct when nothing says otherwise).</param>
/// <param name="Conversion">Whether the event is a conversion; conversions never start a touch (the ERP's order has no visit).</param>
/// <param name="NewCustomer">A conversion that is the visitor's first purchase ever (what CAC divides by).</param>
public sealed record VisitorEvent(DateTimeOffset At, string Channel, string Source, string? Campaign, bool Conversion = false, decimal Value = 0,
    bool NewCustomer = false);

/// <summary>A touch: the start of a visit, with how it arrived.</summary>
public sealed record Touch(DateTimeOffset At, string Channel, string Source, string? Campaign);

/// <summary>The touches before one conversion (or, for a journey that has not converted, the visitor's latest touches).</summary>
public sealed record Journey(IReadOnlyList<Touch> Touches, bool Converted, decimal Value, DateTimeOffset At, bool NewCustomer = false);

/// <summary>
/// Turns one visitor's events into touches and journeys. The rules (docs/ANALYTICS.md):
/// <list type="bullet">
/// <item>a <b>touch</b> starts with an event (not a conversion) that comes more than 30 minutes after the visitor's previous
/// event, or that arrives from a source other than the current touch's (a new campaign click mid-visit); events with
/// nothing to say how they arrived (internal navigation) continue the current touch;</item>
/// <item>a <b>conversion's journey</b> is every touch in the lookback window before it, the window's start included;
/// a conversion with no touch in its window is credited to <c>direct</c>;</item>
/// <item>a visitor's touches after the last conversion of the period (or all of them, when none) make one
/// <b>non-converting journey</b> — the nulls the data-driven models need — dated by its last touch.</item>
/// </list>
/// </summary>
public static class Journeys
{
    public static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromDays(30);

    /// <param name="events">The visitor's events in time order.</param>
    public static List<Touch> Touches(IReadOnlyList<VisitorEvent> events, string directChannel = "direct")
    {
        var touches = new List<Touch>();
        DateTimeOffset? previous = null;
        foreach (var e in events)
        {
            var gap = previous is null || e.At - previous.Value > SessionTimeout;
            previous = e.At;
            if (e.Conversion) continue;
            var current = touches.Count > 0 ? touches[^1] : null;
            var arrived = e.Channel != directChannel;
            if (gap || (arrived && (current is null || current.Channel != e.Channel || current.Source != e.Source || current.Campaign != e.Campaign)))
                touches.Add(new Touch(e.At, e.Channel, e.Source, e.Campaign));
        }
        return touches;
    }

    /// <summary>The journeys of conversions in [from, to), and the visitor's open journey of touches in that period after them.</summary>
    /// <param name="events">The visitor's events in time order, from at least <paramref name="from"/> − lookback.</param>
    public static List<Journey> Build(IReadOnlyList<VisitorEvent> events, DateTimeOffset from, DateTimeOffset to, TimeSpan lookback,
        string directChannel = "direct")
    {
        var touches = Touches(events, directChannel);
        var journeys = new List<Journey>();
        DateTimeOffset? lastConversion = null;
        foreach (var e in events)
        {
            if (!e.Conversion || e.At < from || e.At >= to) continue;
            var path = touches.Where(t => t.At >= e.At - lookback && t.At <= e.At).ToList();
            if (path.Count == 0) path.Add(new Touch(e.At, directChannel, "(direct)", null));
            journeys.Add(new Journey(path, true, e.Value, e.At, e.NewCustomer));
            lastConversion = e.At;
        }
        var open = touches.Where(t => t.At >= from && t.At < to && (lastConversion is null || t.At > lastConversion)).ToList();
        if (open.Count > 0) journeys.Add(new Journey(open, false, 0, open[^1].At));
        return journeys;
    }
}
