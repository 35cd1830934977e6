namespace BrandHub.Core.Attribution;

/// <summary>How the Shapley values were found.</summary>
/// <param name="Exact">True when every coalition was evaluated; false when orderings were sampled.</param>
/// <param name="Samples">Orderings sampled (0 when exact).</param>
/// <param name="ErrorBound">Sampling: the largest 95 % error bound of a channel's share of the credit (0 when exact).</param>
public sealed record ShapleyMethod(bool Exact, int Samples, double ErrorBound);

/// <summary>
/// Shapley value attribution. The worth of a coalition S of channels is the conversion rate of the journeys whose
/// channels all lie in S — conversions over conversions + nulls, 0 when no journey qualifies — so a channel earns credit
/// by how much it raises the conversion rate of the journeys it joins, averaged over every order in which the channels
/// could have been added (the Shapley value). Up to <see cref="AttributionSettings.ShapleyExactLimit"/> channels every
/// coalition is evaluated (2ⁿ, by subset sums); beyond, orderings are sampled (seeded) until the 95 % error bound of
/// every channel's share is within the tolerance. A negative value (journeys convert worse with the channel) earns no
/// credit; the total is split in proportion to the positive values.
/// </summary>
public static class ShapleyAttribution
{
    public static (double[] Values, ShapleyMethod Method) Values(JourneySet set, AttributionSettings settings)
    {
        var n = set.Channels.Count;
        var coalitions = DistinctChannelSets(set);
        return n <= settings.ShapleyExactLimit ? (Exact(n, coalitions), new ShapleyMethod(true, 0, 0)) : Sampled(n, coalitions, settings);
    }

    /// <summary>Journeys grouped by their set of distinct channels: conversions and conversions + nulls per set.</summary>
    private static List<(int[] Channels, double Conversions, double Journeys)> DistinctChannelSets(JourneySet set)
    {
        var groups = new Dictionary<string, (int[] Channels, double Conversions, double Journeys)>(StringComparer.Ordinal);
        for (var j = 0; j < set.Count; j++)
        {
            var weight = set.Conversions[j] + set.Nulls[j];
            if (weight <= 0) continue;
            var channels = set.Paths[j].Distinct().Order().ToArray();
            var key = string.Join(',', channels);
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Channels, g.Conversions + set.Conversions[j], g.Journeys + weight) : (channels, set.Conversions[j], weight);
        }
        return [.. groups.Values];
    }

    private static double[] Exact(int n, List<(int[] Channels, double Conversions, double Journeys)> coalitions)
    {
        var size = 1 << n;
        var conversions = new double[size];
        var journeys = new double[size];
        foreach (var (channels, c, j) in coalitions)
        {
            var mask = 0;
            foreach (var ch in channels) mask |= 1 << ch;
            conversions[mask] += c;
            journeys[mask] += j;
        }
        // Subset sums: journeys whose channels all lie in S.
        for (var bit = 0; bit < n; bit++)
            for (var s = 0; s < size; s++)
                if ((s & (1 << bit)) != 0)
                {
                    conversions[s] += conversions[s ^ (1 << bit)];
                    journeys[s] += journeys[s ^ (1 << bit)];
                }
        var worth = new double[size];
        for (var s = 1; s < size; s++) worth[s] = journeys[s] > 0 ? conversions[s] / journeys[s] : 0;

        // Weight of a coalition of size k not holding the channel: k!(n−k−1)!/n!.
        var weight = new double[n];
        for (var k = 0; k < n; k++) weight[k] = Math.Exp(LogFactorial(k) + LogFactorial(n - k - 1) - LogFactorial(n));
        var values = new double[n];
        for (var s = 0; s < size; s++)
        {
            var k = System.Numerics.BitOperations.PopCount((uint)s);
            for (var i = 0; i < n; i++)
                if ((s & (1 << i)) == 0) values[i] += weight[k] * (worth[s | (1 << i)] - worth[s]);
        }
        return values;
    }

    private static (double[] Values, ShapleyMethod Method) Sampled(int n, List<(int[] Channels, double Conversions, double Journeys)> coalitions,
        AttributionSettings settings)
    {
        var random = new Random(settings.Seed);
        var order = Enumerable.Range(0, n).ToArray();
        var position = new int[n];
        var sum = new double[n];
        var sumSquares = new double[n];
        var conversionsAt = new double[n];
        var journeysAt = new double[n];
        var grand = Worth(coalitions.Sum(c => c.Conversions), coalitions.Sum(c => c.Journeys));
        var samples = 0;
        var bound = double.PositiveInfinity;
        while (samples < settings.ShapleyMaxSamples)
        {
            random.Shuffle(order);
            for (var p = 0; p < n; p++) position[order[p]] = p;
            Array.Clear(conversionsAt);
            Array.Clear(journeysAt);
            // A set of channels joins the coalition when its last channel in this order does.
            foreach (var (channels, c, j) in coalitions)
            {
                var at = 0;
                foreach (var ch in channels) at = Math.Max(at, position[ch]);
                conversionsAt[at] += c;
                journeysAt[at] += j;
            }
            double conversions = 0, journeys = 0, before = 0;
            for (var p = 0; p < n; p++)
            {
                conversions += conversionsAt[p];
                journeys += journeysAt[p];
                var now = Worth(conversions, journeys);
                var gain = now - before;
                sum[order[p]] += gain;
                sumSquares[order[p]] += gain * gain;
                before = now;
            }
            samples++;
            if (samples >= 30 && samples % 10 == 0)
            {
                bound = ErrorBound(sum, sumSquares, samples, grand);
                if (bound <= settings.ShapleyTolerance) break;
            }
        }
        if (samples % 10 != 0 || samples < 30) bound = ErrorBound(sum, sumSquares, samples, grand);
        return ([.. sum.Select(s => s / samples)], new ShapleyMethod(false, samples, bound));
    }

    /// <summary>The largest 95 % half-width of a channel's mean marginal gain, as a share of the grand coalition's worth.</summary>
    private static double ErrorBound(double[] sum, double[] sumSquares, int samples, double grand)
    {
        if (grand <= 0 || samples < 2) return grand <= 0 ? 0 : double.PositiveInfinity;
        var worst = 0.0;
        for (var i = 0; i < sum.Length; i++)
        {
            var mean = sum[i] / samples;
            var variance = Math.Max(0, (sumSquares[i] - samples * mean * mean) / (samples - 1));
            worst = Math.Max(worst, 1.96 * Math.Sqrt(variance / samples) / grand);
        }
        return worst;
    }

    private static double Worth(double conversions, double journeys) => journeys > 0 ? conversions / journeys : 0;

    private static double LogFactorial(int k)
    {
        var r = 0.0;
        for (var i = 2; i <= k; i++) r += Math.Log(i);
        return r;
    }
}
