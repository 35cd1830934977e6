namespace BrandHub.Core.Attribution;

/// <summary>
/// Turns a model's raw, fractional credit per channel into amounts at a fixed number of decimals that add up exactly to
/// the total — the largest-remainder method: every channel gets its share rounded down, and the units left over go one
/// each to the largest remainders (ties to the channel whose name sorts first, ordinal). Deterministic, and no channel
/// ever moves by more than one unit from its exact share.
/// </summary>
public static class CreditAllocation
{
    public static decimal[] Allocate(decimal total, IReadOnlyList<double> weights, IReadOnlyList<string> names, int decimals)
    {
        var result = new decimal[weights.Count];
        var sum = weights.Where(w => w > 0).Sum();
        if (total <= 0 || sum <= 0) return result;
        var scale = Pow10(decimals);
        var units = decimal.Round(total * scale, 0, MidpointRounding.AwayFromZero);
        var floors = new decimal[weights.Count];
        var remainders = new double[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] <= 0) continue;
            var exact = (double)units * (weights[i] / sum);
            var floor = Math.Floor(exact);
            floors[i] = (decimal)floor;
            remainders[i] = exact - floor;
            given += floors[i];
        }
        var left = (long)(units - given);
        foreach (var i in Enumerable.Range(0, weights.Count).Where(i => weights[i] > 0)
                     .OrderByDescending(i => remainders[i]).ThenBy(i => names[i], StringComparer.Ordinal))
        {
            if (left <= 0) break;
            floors[i] += 1;
            left--;
        }
        // Floating-point shares can round a hair above an integer: then the smallest remainders give a unit back.
        foreach (var i in Enumerable.Range(0, weights.Count).Where(i => floors[i] > 0)
                     .OrderBy(i => remainders[i]).ThenByDescending(i => names[i], StringComparer.Ordinal))
        {
            if (left >= 0) break;
            floors[i] -= 1;
            left++;
        }
        for (var i = 0; i < weights.Count; i++) result[i] = floors[i] / scale;
        return result;
    }

    /// <summary>The total as it is split: rounded to the model's decimals, half away from zero.</summary>
    public static decimal Round(decimal total, int decimals) => decimal.Round(total, decimals, MidpointRounding.AwayFromZero);

    private static decimal Pow10(int decimals)
    {
        var p = 1m;
        for (var i = 0; i < decimals; i++) p *= 10;
        return p;
    }
}
