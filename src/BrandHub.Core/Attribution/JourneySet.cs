namespace BrandHub.Core.Attribution;

/// <summary>
/// Journeys to split credit over: each a path of touches (channels, in order, repeats kept), the conversions and value it
/// led to, and how many times the same path ended without one (nulls). A tracked journey is one contact's path before one
/// conversion (1 conversion, 0 nulls, touch ages known); an aggregated path line carries counts. Channels are interned, so
/// a million journeys cost integer arrays, not strings.
/// </summary>
public sealed class JourneySet
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _channels = [];
    internal readonly List<int[]> Paths = [];
    internal readonly List<double[]?> AgesInDays = [];
    internal readonly List<double> Conversions = [], Values = [];
    internal readonly List<long> Nulls = [];

    public IReadOnlyList<string> Channels => _channels;
    public int Count => Paths.Count;
    public decimal TotalConversions { get; private set; }
    public decimal TotalValue { get; private set; }
    public long TotalNulls { get; private set; }

    /// <summary>True when every journey has the age of each touch (time decay needs them).</summary>
    public bool HasTouchTimes => AgesInDays.All(a => a is not null);

    /// <param name="path">Channels in order, at least one.</param>
    /// <param name="ageInDays">Per touch, how long before the conversion it happened; null when unknown.</param>
    public void Add(IReadOnlyList<string> path, decimal conversions, decimal value, long nulls = 0, IReadOnlyList<double>? ageInDays = null)
    {
        if (path.Count == 0) throw new ArgumentException("A journey has at least one touch.", nameof(path));
        if (conversions < 0 || value < 0 || nulls < 0) throw new ArgumentOutOfRangeException(nameof(conversions), "Counts and value are never negative.");
        if (conversions == 0 && value != 0) throw new ArgumentException("Value comes with conversions: a journey without one has none.", nameof(value));
        if (ageInDays is not null && ageInDays.Count != path.Count) throw new ArgumentException("One age per touch.", nameof(ageInDays));
        var touches = new int[path.Count];
        for (var i = 0; i < path.Count; i++)
        {
            if (!_index.TryGetValue(path[i], out var id))
            {
                _index[path[i]] = id = _channels.Count;
                _channels.Add(path[i]);
            }
            touches[i] = id;
        }
        Paths.Add(touches);
        AgesInDays.Add(ageInDays?.ToArray());
        Conversions.Add((double)conversions);
        Values.Add((double)value);
        Nulls.Add(nulls);
        TotalConversions += conversions;
        TotalValue += value;
        TotalNulls += nulls;
    }

    /// <summary>The channel index of journey <paramref name="journey"/>'s first touch.</summary>
    public int FirstTouch(int journey) => Paths[journey][0];

    /// <summary>Journey <paramref name="journey"/>'s conversions.</summary>
    public double ConversionsOf(int journey) => Conversions[journey];

    internal int ChannelId(string name) => _index.TryGetValue(name, out var id) ? id : -1;
}
