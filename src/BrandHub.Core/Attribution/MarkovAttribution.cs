namespace BrandHub.Core.Attribution;

/// <summary>
/// First-order Markov chain attribution, solved exactly. States: a start, one per channel, and two absorbing ends
/// (conversion, null). Each journey adds its conversions + nulls to every transition from the start through its touches
/// (repeats included, so a channel can lead to itself), its conversions to last touch → conversion and its nulls to last
/// touch → null. The probability of reaching conversion from the start is the solution of the absorbing chain's linear
/// system (I − Q)·x = r, by Gaussian elimination — no simulation. A channel's removal effect is the relative drop in that
/// probability when its state leads to null; credit = total × effect / sum of effects, for conversions and value alike.
/// </summary>
public static class MarkovAttribution
{
    /// <summary>Removal effect per channel (index as in <see cref="JourneySet.Channels"/>), each in [0, 1].</summary>
    public static double[] RemovalEffects(JourneySet set)
    {
        var n = set.Channels.Count + 1; // state 0 is the start
        var counts = new double[n, n];
        var toConversion = new double[n];
        var toNull = new double[n];
        for (var j = 0; j < set.Count; j++)
        {
            var path = set.Paths[j];
            var conversions = set.Conversions[j];
            var weight = conversions + set.Nulls[j];
            if (weight <= 0) continue;
            var from = 0;
            foreach (var touch in path)
            {
                counts[from, touch + 1] += weight;
                from = touch + 1;
            }
            toConversion[from] += conversions;
            toNull[from] += set.Nulls[j];
        }

        var full = ConversionProbability(counts, toConversion, toNull, removed: -1);
        var effects = new double[n - 1];
        if (full <= 0) return effects;
        for (var c = 0; c < n - 1; c++)
            effects[c] = Math.Clamp((full - ConversionProbability(counts, toConversion, toNull, removed: c + 1)) / full, 0, 1);
        return effects;
    }

    /// <summary>P(conversion | start) with state <paramref name="removed"/> (or none: −1) sending everything to null.</summary>
    internal static double ConversionProbability(double[,] counts, double[] toConversion, double[] toNull, int removed)
    {
        var n = toConversion.Length;
        // (I − Q) x = r, one row per transient state.
        var a = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            a[i, i] = 1;
            if (i == removed) continue;
            var outflow = toConversion[i] + toNull[i];
            for (var k = 0; k < n; k++) outflow += counts[i, k];
            if (outflow <= 0) continue; // never entered: x = 0
            for (var k = 0; k < n; k++) a[i, k] -= counts[i, k] / outflow;
            a[i, n] = toConversion[i] / outflow;
        }
        return Solve(a, n)[0];
    }

    /// <summary>Gaussian elimination with partial pivoting on an n × (n+1) augmented matrix.</summary>
    private static double[] Solve(double[,] a, int n)
    {
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (Math.Abs(a[pivot, col]) < 1e-300) continue; // a state that cannot reach anything: stays 0
            if (pivot != col)
                for (var k = col; k <= n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            for (var r = 0; r < n; r++)
            {
                if (r == col || a[r, col] == 0) continue;
                var f = a[r, col] / a[col, col];
                for (var k = col; k <= n; k++) a[r, k] -= f * a[col, k];
            }
        }
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = Math.Abs(a[i, i]) < 1e-300 ? 0 : a[i, n] / a[i, i];
        return x;
    }
}
