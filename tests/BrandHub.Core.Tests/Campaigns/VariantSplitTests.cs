using BrandHub.Core.Campaigns;

namespace BrandHub.Core.Tests.Campaigns;

public sealed class VariantSplitTests
{
    private static readonly Guid Step = Guid.Parse("0191f0aa-0000-7000-8000-000000000001");
    private static readonly Guid A = Guid.Parse("0191f0aa-0000-7000-8000-00000000000a"), B = Guid.Parse("0191f0aa-0000-7000-8000-00000000000b"),
        C = Guid.Parse("0191f0aa-0000-7000-8000-00000000000c");

    [Fact]
    public void Assignment_is_stable_for_a_contact_and_independent_of_instance()
    {
        var contacts = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();
        var first = new VariantSplit([(A, 50), (B, 50)], 10);
        var second = new VariantSplit([(A, 50), (B, 50)], 10);
        foreach (var c in contacts) second.Assign(Step, c).ShouldBe(first.Assign(Step, c));
    }

    [Theory]
    [InlineData(50, 50, 0, 0)]
    [InlineData(70, 20, 10, 0)]
    [InlineData(1, 1, 2, 10)]
    [InlineData(90, 5, 5, 20)]
    public void Shares_follow_the_weights_within_statistical_tolerance(int wa, int wb, int wc, int holdout)
    {
        const int n = 40_000;
        var split = new VariantSplit([(A, wa), (B, wb), (C, wc == 0 ? 1 : wc)], holdout);
        var weights = new Dictionary<Guid?, double> { [A] = wa, [B] = wb, [C] = wc == 0 ? 1 : wc };
        var total = weights.Values.Sum();
        var expected = weights.ToDictionary(kv => kv.Key, kv => (1 - holdout / 100.0) * kv.Value / total);
        expected[Guid.Empty] = holdout / 100.0;

        var counts = new Dictionary<Guid, int>();
        var random = new Random(42);
        for (var i = 0; i < n; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var v = split.Assign(Step, new Guid(bytes)) ?? Guid.Empty;
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        foreach (var (variant, p) in expected)
        {
            // Five standard deviations of a binomial share: a false alarm is a one-in-a-million event.
            var tolerance = 5 * Math.Sqrt(p * (1 - p) / n) + 0.0005;
            var observed = counts.GetValueOrDefault(variant!.Value) / (double)n;
            Math.Abs(observed - p).ShouldBeLessThan(tolerance, $"variant {variant}: expected {p:P2}, observed {observed:P2}");
        }
    }

    [Fact]
    public void Different_steps_split_the_same_contacts_independently()
    {
        var other = Guid.Parse("0191f0aa-0000-7000-8000-000000000002");
        var split = new VariantSplit([(A, 1), (B, 1)]);
        var contacts = Enumerable.Range(0, 2000).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        var agree = contacts.Count(c => split.Assign(Step, c) == split.Assign(other, c));
        agree.ShouldBeInRange(850, 1150); // about half, as for two independent coins
    }

    [Fact]
    public void Buckets_are_in_range_and_bad_splits_are_refused()
    {
        for (var i = 0; i < 500; i++) VariantSplit.Bucket(Guid.NewGuid(), Guid.NewGuid()).ShouldBeInRange(0, VariantSplit.Buckets - 1);
        Should.Throw<ArgumentException>(() => new VariantSplit([]));
        Should.Throw<ArgumentException>(() => new VariantSplit([(A, 0)]));
        Should.Throw<ArgumentOutOfRangeException>(() => new VariantSplit([(A, 1)], 60));
    }
}
