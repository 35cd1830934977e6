namespace BrandHub.Core.Analytics;

/// <summary>A day whose value fell outside what its history predicts.</summary>
/// <param name="Expected">The trend-and-weekday prediction.</param>
/// <param name="Low">The band's lower edge.</param>
/// <param name="High">The band's upper edge.</param>
/// <param name="Score">How many robust standard deviations away (signed: negative is a drop).</param>
public sealed record Anomaly(DateOnly Day, double Value, double Expected, double Low, double High, double Score);

/// <summary>
/// Finds unusual days in a daily KPI series, seasonality-aware. The method (docs/ANALYTICS.md):
/// <list type="number">
/// <item>fit a straight-line trend (least squares) and a weekday effect (the median residual of each weekday) to the
/// history — the <see cref="HistoryDays"/> days before the day checked — together, alternating a few rounds;</item>
/// <item>the spread is the median absolute deviation of the weekday-adjusted residuals, × 1.4826 (a robust standard
/// deviation), and at least <see cref="MinimumSpread"/> of the expected value;</item>
/// <item>a day is an anomaly when it lies more than <see cref="Threshold"/> spreads from trend + weekday effect.</item>
/// </list>
/// Robust statistics, so a past spike does not widen the band for ever; a history shorter than two weeks, or with no
/// spread at all, flags nothing.
/// </summary>
public static class AnomalyDetector
{
    public const int HistoryDays = 56, MinimumHistory = 14;
    public const double Threshold = 3.0;
    /// <summary>The spread is at least this share of the expected value: a 5 % daily wobble is never worth an alert.</summary>
    public const double MinimumSpread = 0.05;

    /// <param name="series">One value per consecutive day, oldest first.</param>
    /// <param name="checkFrom">Only days from here on are checked (each against the days before it).</param>
    public static List<Anomaly> Find(IReadOnlyList<(DateOnly Day, double Value)> series, DateOnly checkFrom)
    {
        var found = new List<Anomaly>();
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].Day < checkFrom) continue;
            var start = Math.Max(0, i - HistoryDays);
            if (i - start < MinimumHistory) continue;
            if (Predict(series, start, i) is not var (expected, spread) || spread <= 0) continue;
            var score = (series[i].Value - expected) / spread;
            if (Math.Abs(score) > Threshold)
                found.Add(new Anomaly(series[i].Day, series[i].Value, expected, expected - Threshold * spread, expected + Threshold * spread, score));
        }
        return found;
    }

    /// <summary>Trend + weekday prediction for day <paramref name="at"/> from days [start, at), and the robust spread.</summary>
    public static (double Expected, double Spread)? Predict(IReadOnlyList<(DateOnly Day, double Value)> series, int start, int at)
    {
        var n = at - start;
        if (n < 2) return null;
        // Trend and weekday effect are fitted together, alternating: a line fitted to raw values would lean towards
        // whichever end of the window the weekends fall on, and that lean grows when extrapolated to the day checked.
        var weekday = new double[7];
        double meanX = 0, meanY = 0, slope = 0;
        for (var round = 0; round < 4; round++)
        {
            meanX = 0; meanY = 0;
            for (var k = start; k < at; k++) { meanX += k; meanY += series[k].Value - weekday[(int)series[k].Day.DayOfWeek]; }
            meanX /= n; meanY /= n;
            double sxy = 0, sxx = 0;
            for (var k = start; k < at; k++)
            {
                var y = series[k].Value - weekday[(int)series[k].Day.DayOfWeek];
                sxy += (k - meanX) * (y - meanY); sxx += (k - meanX) * (k - meanX);
            }
            slope = sxx == 0 ? 0 : sxy / sxx;
            for (var w = 0; w < 7; w++)
            {
                var residuals = Enumerable.Range(start, n).Where(k => (int)series[k].Day.DayOfWeek == w)
                    .Select(k => series[k].Value - (meanY + slope * (k - meanX))).ToList();
                weekday[w] = residuals.Count == 0 ? 0 : Median(residuals);
            }
        }
        double Trend(int k) => meanY + slope * (k - meanX);

        var adjusted = Enumerable.Range(start, n).Select(k => series[k].Value - Trend(k) - weekday[(int)series[k].Day.DayOfWeek]).ToList();
        var center = Median(adjusted);
        var expected = Trend(at) + weekday[(int)series[at].Day.DayOfWeek] + center;
        var spread = Math.Max(1.4826 * Median(adjusted.Select(r => Math.Abs(r - center)).ToList()), MinimumSpread * Math.Abs(expected));
        return (expected, spread);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var m = values.Count / 2;
        return values.Count % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }
}
