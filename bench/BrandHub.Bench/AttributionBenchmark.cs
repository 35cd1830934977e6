using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BrandHub.Core.Attribution;

namespace BrandHub.Bench;

/// <summary>
/// <c>attribution</c>: every model over N journeys — the public sample data set (10,000 paths, 12 channels) repeated until
/// N lines, so counts and value scale and the channel structure stays real. Timed: reading the CSV into journeys, then
/// each model, then all models together as the paths endpoint runs them. Baseline, same run: one pass over the same
/// journeys that only counts first touches — the least any model can do.
/// </summary>
public static class AttributionBenchmark
{
    public static string Run(int journeys, int repeats)
    {
        var source = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "attribution-paths.csv"));
        var csv = new StringBuilder(journeys * 60).AppendLine(source[0]);
        for (var i = 0; i < journeys; i++) csv.AppendLine(source[1 + i % (source.Length - 1)]);
        var text = csv.ToString();

        var read = Stopwatch.StartNew();
        var (set, errors) = PathsCsv.Read(new StringReader(text));
        read.Stop();
        if (errors.Count > 0) throw new InvalidOperationException(errors[0].Message);

        var models = AttributionModels.PathsDefault.Concat([AttributionModels.LastNonDirect]).ToList();
        var perModel = models.ToDictionary(m => m, m => Median(repeats, () => ChannelAttribution.Run(set, [m])));
        var all = Median(repeats, () => ChannelAttribution.Run(set, models));
        var baseline = Median(repeats, () => FirstTouchCount(set));
        var result = ChannelAttribution.Run(set, models);

        return JsonSerializer.Serialize(new
        {
            scenario = "attribution", journeys, channels = set.Channels.Count, repeats,
            readSeconds = Math.Round(read.Elapsed.TotalSeconds, 2),
            modelMilliseconds = perModel.ToDictionary(p => p.Key, p => Math.Round(p.Value * 1000, 1)),
            allModelsSeconds = Math.Round(all, 3), readAndAllModelsSeconds = Math.Round(read.Elapsed.TotalSeconds + all, 2),
            baseline = "one pass counting first touches", baselineMilliseconds = Math.Round(baseline * 1000, 1),
            ratioToBaseline = Math.Round(all / baseline, 1),
            shapley = result.Shapley, totalConversions = result.TotalConversions,
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}", date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    private static double FirstTouchCount(JourneySet set)
    {
        var counts = new double[set.Channels.Count];
        var lines = set.Count;
        for (var j = 0; j < lines; j++) counts[set.FirstTouch(j)] += set.ConversionsOf(j);
        return counts.Sum();
    }

    /// <summary>Median wall time in seconds of <paramref name="repeats"/> runs after one warm-up.</summary>
    private static double Median(int repeats, Action run)
    {
        run();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static double Median(int repeats, Func<object> run) => Median(repeats, () => { run(); });
}
