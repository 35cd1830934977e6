using BrandHub.Core.Attribution;

namespace BrandHub.Core.Tests.Attribution;

public sealed class AttributionModelTests
{
    private static JourneySet Paths(params (string Path, decimal Conversions, decimal Value, long Nulls)[] lines)
    {
        var set = new JourneySet();
        foreach (var (path, c, v, n) in lines) set.Add(path.Split('>', StringSplitOptions.TrimEntries), c, v, n);
        return set;
    }

    private static decimal Conversions(AttributionResult r, string model, string channel) => r.Models[model][channel].Conversions;

    [Fact]
    public void Markov_removal_effects_of_the_hand_checked_example()
    {
        // c1 > c2 > c3 converts once; c1 and c2 > c3 do not. P(conversion) = 1/3; without c1 it is 1/6, without c2 or c3 0.
        var set = Paths(("c1 > c2 > c3", 1, 100, 0), ("c1", 0, 0, 1), ("c2 > c3", 0, 0, 1));
        var r = ChannelAttribution.Run(set, [AttributionModels.Markov]);
        r.RemovalEffects!["c1"].ShouldBe(0.5, 1e-12);
        r.RemovalEffects["c2"].ShouldBe(1, 1e-12);
        r.RemovalEffects["c3"].ShouldBe(1, 1e-12);
        Conversions(r, "markov", "c1").ShouldBe(0.2m);
        Conversions(r, "markov", "c2").ShouldBe(0.4m);
        Conversions(r, "markov", "c3").ShouldBe(0.4m);
        r.Models["markov"].Values.Sum(c => c.Value).ShouldBe(100m);
        r.Models["markov"]["c1"].Value.ShouldBe(20m);
    }

    [Fact]
    public void Markov_counts_repeats_as_self_transitions()
    {
        // a > a converts, b does not: removing b changes nothing, removing a loses everything.
        var r = ChannelAttribution.Run(Paths(("a > a", 1, 10, 0), ("b", 0, 0, 3)), [AttributionModels.Markov]);
        r.RemovalEffects!["a"].ShouldBe(1, 1e-12);
        r.RemovalEffects["b"].ShouldBe(0, 1e-12);
        Conversions(r, "markov", "a").ShouldBe(1m);
    }

    [Theory]
    [InlineData("first_touch", 1.0, 0.0, 0.0)]
    [InlineData("last_touch", 0.0, 0.0, 1.0)]
    [InlineData("linear", 0.5, 0.25, 0.25)]        // a appears twice of four touches
    [InlineData("position_based", 0.5, 0.1, 0.4)]  // first a 40 %, last c 40 %, middle b and a 10 % each
    public void Rule_based_models_split_one_journey(string model, double a, double b, double c)
    {
        var r = ChannelAttribution.Run(Paths(("a > b > a > c", 1, 0, 0)), [model]);
        Conversions(r, model, "a").ShouldBe((decimal)a);
        Conversions(r, model, "b").ShouldBe((decimal)b);
        Conversions(r, model, "c").ShouldBe((decimal)c);
    }

    [Theory]
    [InlineData("a", 1.0, 0.0)]
    [InlineData("a > b", 0.5, 0.5)]  // two touches: first and last share equally
    public void Position_based_with_one_or_two_touches(string path, double first, double second)
    {
        var r = ChannelAttribution.Run(Paths((path, 1, 0, 0)), [AttributionModels.PositionBased]);
        Conversions(r, "position_based", "a").ShouldBe((decimal)first);
        if (path.Contains('b')) Conversions(r, "position_based", "b").ShouldBe((decimal)second);
    }

    [Theory]
    [InlineData("email > direct > direct", "email")]
    [InlineData("direct > direct", "direct")]           // direct only: the last touch keeps it
    [InlineData("direct > paid_search > direct", "paid_search")]
    public void Last_non_direct_skips_direct(string path, string winner)
    {
        var r = ChannelAttribution.Run(Paths((path, 1, 50, 0)), [AttributionModels.LastNonDirect]);
        Conversions(r, "last_non_direct", winner).ShouldBe(1m);
        r.Models["last_non_direct"][winner].Value.ShouldBe(50m);
    }

    [Fact]
    public void Time_decay_halves_a_touch_one_half_life_older()
    {
        var set = new JourneySet();
        set.Add(["email", "social"], 1, 30, 0, [7, 0]); // email a half-life earlier: weight 1/2 against 1
        var r = ChannelAttribution.Run(set, [AttributionModels.TimeDecay]);
        Conversions(r, "time_decay", "email").ShouldBe(0.3333m);
        Conversions(r, "time_decay", "social").ShouldBe(0.6667m);
        r.Models["time_decay"]["email"].Value.ShouldBe(10m);
        r.Models["time_decay"]["social"].Value.ShouldBe(20m);
    }

    [Fact]
    public void Time_decay_is_refused_for_paths_without_times()
    {
        var errors = ChannelAttribution.Check(Paths(("a > b", 1, 0, 0)), [AttributionModels.TimeDecay]).ToList();
        errors.ShouldHaveSingleItem().Field.ShouldBe("models");
    }

    [Fact]
    public void Shapley_of_two_channels_by_hand()
    {
        // Journeys with channels ⊆ {a}: 1 conversion of 2 → rate 0.5. ⊆ {b}: 0 of 2 → 0. ⊆ {a, b}: 2 of 5 → 0.4.
        // φa = ½(0.5 − 0) + ½(0.4 − 0) = 0.45; φb = ½(0 − 0) + ½(0.4 − 0.5) = −0.05 → no credit.
        var set = Paths(("a", 1, 10, 1), ("b", 0, 0, 2), ("a > b", 1, 10, 0));
        var r = ChannelAttribution.Run(set, [AttributionModels.Shapley]);
        Conversions(r, "shapley", "a").ShouldBe(2m);
        Conversions(r, "shapley", "b").ShouldBe(0m);
        r.Shapley!.Exact.ShouldBeTrue();
    }

    [Fact]
    public void Shapley_exact_equals_the_average_over_every_ordering()
    {
        var random = new Random(3);
        for (var round = 0; round < 20; round++)
        {
            var set = RandomPaths(random, channels: random.Next(2, 7), lines: 30);
            var (values, method) = ShapleyAttribution.Values(set, AttributionSettings.Default);
            method.Exact.ShouldBeTrue();
            var brute = BruteForceShapley(set);
            for (var i = 0; i < values.Length; i++) values[i].ShouldBe(brute[i], 1e-9);
        }
    }

    [Fact]
    public void Shapley_sampled_lands_within_its_error_bound_of_the_exact_value()
    {
        var set = RandomPaths(new Random(11), channels: 12, lines: 400);
        var (exact, _) = ShapleyAttribution.Values(set, AttributionSettings.Default);
        var (sampled, method) = ShapleyAttribution.Values(set, AttributionSettings.Default with { ShapleyExactLimit = 5, ShapleyMaxSamples = 20_000, ShapleyTolerance = 0.01 });
        method.Exact.ShouldBeFalse();
        method.ErrorBound.ShouldBeLessThanOrEqualTo(0.01);
        var grand = exact.Sum();
        for (var i = 0; i < exact.Length; i++) Math.Abs(sampled[i] - exact[i]).ShouldBeLessThanOrEqualTo(2 * method.ErrorBound * grand);
        // Seeded: the same data gives the same answer.
        ShapleyAttribution.Values(set, AttributionSettings.Default with { ShapleyExactLimit = 5, ShapleyMaxSamples = 20_000, ShapleyTolerance = 0.01 }).Values.ShouldBe(sampled);
    }

    [Fact]
    public void Every_model_splits_exactly_the_totals_property()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var set = new JourneySet();
            var channels = random.Next(1, 9);
            for (var j = 0; j < random.Next(1, 40); j++)
            {
                var path = Enumerable.Range(0, random.Next(1, 7)).Select(_ => "ch" + random.Next(channels)).ToList();
                var ages = path.Select(_ => random.NextDouble() * 40).OrderDescending().ToList();
                var conversions = random.Next(0, 4);
                set.Add(path, conversions, conversions == 0 ? 0 : random.Next(0, 100_000) / 1000m, random.Next(0, 5), ages);
            }
            var r = ChannelAttribution.Run(set, AttributionModels.All);
            foreach (var (model, credits) in r.Models)
            {
                credits.Values.Sum(c => c.Conversions).ShouldBe(r.TotalConversions, $"{model} conversions, round {round}");
                credits.Values.Sum(c => c.Value).ShouldBe(r.TotalValue, $"{model} value, round {round}");
                credits.Values.ShouldAllBe(c => c.Conversions >= 0 && c.Value >= 0);
            }
            r.TotalValue.ShouldBe(decimal.Round(set.TotalValue, 2, MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public void Assisted_conversions_count_channels_before_the_last_touch_once_per_journey()
    {
        var r = ChannelAttribution.Run(Paths(("a > b > a > c", 2, 0, 0), ("c > a", 1, 0, 0), ("b", 5, 0, 0)), [AttributionModels.LastTouch]);
        r.AssistedConversions["a"].ShouldBe(2m);
        r.AssistedConversions["b"].ShouldBe(2m);
        r.AssistedConversions["c"].ShouldBe(1m);
    }

    [Fact]
    public void Allocation_breaks_ties_by_channel_name()
    {
        // 1 conversion over three equal weights: 0.3333 each and the last unit to the first name.
        var split = CreditAllocation.Allocate(1m, [1, 1, 1], ["b", "a", "c"], 4);
        split.ShouldBe([0.3333m, 0.3334m, 0.3333m]);
        split.Sum().ShouldBe(1m);
    }

    [Fact]
    public void Models_parse_with_a_clear_error_for_unknown_names()
    {
        AttributionModels.Parse(null, AttributionModels.PathsDefault).Models.ShouldBe(AttributionModels.PathsDefault);
        AttributionModels.Parse("Markov, linear", AttributionModels.PathsDefault).Models.ShouldBe(["markov", "linear"]);
        AttributionModels.Parse("markov,magic", AttributionModels.PathsDefault).Error!.Message.ShouldContain("magic");
    }

    internal static JourneySet RandomPaths(Random random, int channels, int lines)
    {
        var set = new JourneySet();
        for (var j = 0; j < lines; j++)
        {
            var path = Enumerable.Range(0, random.Next(1, 5)).Select(_ => "ch" + random.Next(channels).ToString("00")).ToList();
            var conversions = random.Next(0, 3);
            set.Add(path, conversions, conversions == 0 ? 0 : random.Next(0, 5000) / 100m, random.Next(0, 6));
        }
        return set;
    }

    /// <summary>The definition: the average marginal gain over every ordering of the channels.</summary>
    private static double[] BruteForceShapley(JourneySet set)
    {
        var n = set.Channels.Count;
        var journeys = Enumerable.Range(0, set.Count).Select(j => (Set: set.Paths[j].ToHashSet(), C: set.Conversions[j], W: set.Conversions[j] + set.Nulls[j])).ToList();
        double Worth(HashSet<int> s)
        {
            double c = 0, w = 0;
            foreach (var j in journeys.Where(j => j.W > 0 && j.Set.IsSubsetOf(s))) { c += j.C; w += j.W; }
            return w > 0 ? c / w : 0;
        }
        var values = new double[n];
        var count = 0;
        foreach (var order in Permutations(Enumerable.Range(0, n).ToArray()))
        {
            var s = new HashSet<int>();
            var before = 0.0;
            foreach (var i in order)
            {
                s.Add(i);
                var now = Worth(s);
                values[i] += now - before;
                before = now;
            }
            count++;
        }
        return [.. values.Select(v => v / count)];
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1) { yield return items; yield break; }
        for (var i = 0; i < items.Length; i++)
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
                yield return [items[i], .. rest];
    }
}
