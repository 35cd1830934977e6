namespace BrandHub.Core.Attribution;

/// <summary>
/// The rule-based models: each gives every touch of a journey a share of it (shares sum to 1), and a channel's credit is
/// the sum over journeys of its touches' shares times the journey's conversions (and value). A channel that appears twice
/// gets both touches' shares.
/// </summary>
internal static class HeuristicModels
{
    /// <summary>Fills <paramref name="shares"/> (one per touch) for one journey.</summary>
    public static void Shares(string model, int[] path, double[]? ages, AttributionSettings settings, int direct, Span<double> shares)
    {
        shares.Clear();
        var n = path.Length;
        switch (model)
        {
            case AttributionModels.FirstTouch:
                shares[0] = 1;
                break;
            case AttributionModels.LastTouch:
                shares[n - 1] = 1;
                break;
            case AttributionModels.LastNonDirect:
                // The last touch that is not direct; a journey of direct touches only stays with its last one.
                var k = n - 1;
                while (k > 0 && path[k] == direct) k--;
                shares[path[k] == direct ? n - 1 : k] = 1;
                break;
            case AttributionModels.Linear:
                shares.Fill(1.0 / n);
                break;
            case AttributionModels.TimeDecay:
                double sum = 0;
                for (var i = 0; i < n; i++) sum += shares[i] = Math.Pow(2, -Math.Max(0, ages![i]) / settings.HalfLifeDays);
                for (var i = 0; i < n; i++) shares[i] /= sum;
                break;
            case AttributionModels.PositionBased:
                if (n == 1) shares[0] = 1;
                else if (n == 2)
                {
                    var ends = settings.PositionFirst + settings.PositionLast;
                    shares[0] = ends > 0 ? settings.PositionFirst / ends : 0.5;
                    shares[1] = 1 - shares[0];
                }
                else
                {
                    shares[0] = settings.PositionFirst;
                    shares[n - 1] = settings.PositionLast;
                    var middle = (1 - settings.PositionFirst - settings.PositionLast) / (n - 2);
                    for (var i = 1; i < n - 1; i++) shares[i] = middle;
                }
                break;
            default:
                throw new ArgumentException($"'{model}' is not a rule-based model.", nameof(model));
        }
    }

    public static bool Handles(string model) => model is AttributionModels.FirstTouch or AttributionModels.LastTouch or AttributionModels.LastNonDirect
        or AttributionModels.Linear or AttributionModels.TimeDecay or AttributionModels.PositionBased;

    /// <summary>Raw credit per channel: conversions and value.</summary>
    public static (double[] Conversions, double[] Value) Credit(string model, JourneySet set, AttributionSettings settings)
    {
        var channels = set.Channels.Count;
        var conversions = new double[channels];
        var value = new double[channels];
        var direct = set.ChannelId(settings.DirectChannel);
        var buffer = new double[16];
        for (var j = 0; j < set.Count; j++)
        {
            var path = set.Paths[j];
            var (c, v) = (set.Conversions[j], set.Values[j]);
            if (c == 0 && v == 0) continue;
            if (buffer.Length < path.Length) buffer = new double[path.Length * 2];
            var shares = buffer.AsSpan(0, path.Length);
            Shares(model, path, set.AgesInDays[j], settings, direct, shares);
            for (var i = 0; i < path.Length; i++)
            {
                conversions[path[i]] += c * shares[i];
                value[path[i]] += v * shares[i];
            }
        }
        return (conversions, value);
    }
}
