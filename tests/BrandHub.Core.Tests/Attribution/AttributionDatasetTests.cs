using System.Globalization;
using BrandHub.Core.Attribution;

namespace BrandHub.Core.Tests.Attribution;

/// <summary>The public ChannelAttribution sample (10,000 paths, 12 channels) against direct counts and the invariants.</summary>
public sealed class AttributionDatasetTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "data", "attribution-paths.csv");

    private static (JourneySet Set, List<(string[] Path, decimal Conversions, decimal Value, long Nulls)> Lines) Load()
    {
        using var reader = new StreamReader(File);
        var (set, errors) = PathsCsv.Read(reader);
        errors.ShouldBeEmpty();
        var lines = System.IO.File.ReadLines(File).Skip(1).Select(l => l.Split(';')).Select(p => (
            p[0].Split('>', StringSplitOptions.TrimEntries), decimal.Parse(p[1], CultureInfo.InvariantCulture),
            decimal.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture))).ToList();
        return (set, lines);
    }

    [Fact]
    public void The_data_set_reads_whole()
    {
        var (set, _) = Load();
        set.Count.ShouldBe(10_000);
        set.Channels.Count.ShouldBe(12);
        set.TotalConversions.ShouldBe(19_785m);
        set.TotalNulls.ShouldBe(68_602L);
    }

    [Fact]
    public void First_last_and_linear_equal_a_direct_count()
    {
        var (set, lines) = Load();
        var r = ChannelAttribution.Run(set, [AttributionModels.FirstTouch, AttributionModels.LastTouch, AttributionModels.Linear]);
        foreach (var channel in set.Channels)
        {
            r.Models["first_touch"][channel].Conversions.ShouldBe(lines.Where(l => l.Path[0] == channel).Sum(l => l.Conversions));
            r.Models["last_touch"][channel].Conversions.ShouldBe(lines.Where(l => l.Path[^1] == channel).Sum(l => l.Conversions));
            r.Models["first_touch"][channel].Value.ShouldBe(lines.Where(l => l.Path[0] == channel).Sum(l => l.Value), 0.011m);
            var linear = lines.Sum(l => l.Conversions * l.Path.Count(c => c == channel) / l.Path.Length);
            r.Models["linear"][channel].Conversions.ShouldBe(linear, 0.0002m);
        }
    }

    [Fact]
    public void Every_model_reconciles_and_markov_and_shapley_are_deterministic()
    {
        var (set, _) = Load();
        var first = ChannelAttribution.Run(set, AttributionModels.PathsDefault);
        var second = ChannelAttribution.Run(Load().Set, AttributionModels.PathsDefault);
        foreach (var (model, credits) in first.Models)
        {
            credits.Values.Sum(c => c.Conversions).ShouldBe(19_785m, model);
            credits.Values.Sum(c => c.Value).ShouldBe(first.TotalValue, model);
            credits.ShouldBe(second.Models[model], model);
        }
        first.RemovalEffects.ShouldBe(second.RemovalEffects);
        first.RemovalEffects!.Values.ShouldAllBe(e => e > 0 && e <= 1);
        first.Shapley!.Exact.ShouldBeTrue();
    }
}
