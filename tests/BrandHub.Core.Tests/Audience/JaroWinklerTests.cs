using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    [InlineData("popescu", "popesku", 0.943)]
    [InlineData("ionescu", "ionescu", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("ana", "", 0.0)]
    public void Known_values_from_the_literature(string a, string b, double expected)
    {
        JaroWinkler.Similarity(a, b).ShouldBe(expected, 0.001);
    }

    [Fact]
    public void Similarity_is_symmetric_bounded_and_one_only_for_equal_strings()
    {
        // Property over random short strings from a small alphabet (so that near-misses are common).
        var random = new Random(1990);
        for (var i = 0; i < 2000; i++)
        {
            var a = RandomWord(random);
            var b = random.Next(4) == 0 ? a : RandomWord(random);

            var ab = JaroWinkler.Similarity(a, b);
            var ba = JaroWinkler.Similarity(b, a);

            ab.ShouldBe(ba, 1e-12, $"{a}/{b}");
            ab.ShouldBeInRange(0.0, 1.0);
            (Math.Abs(ab - 1.0) < 1e-12).ShouldBe(a == b, $"{a}/{b} = {ab}");
        }
    }

    private static string RandomWord(Random random) =>
        new(Enumerable.Range(0, random.Next(1, 9)).Select(_ => "abcde"[random.Next(5)]).ToArray());
}
