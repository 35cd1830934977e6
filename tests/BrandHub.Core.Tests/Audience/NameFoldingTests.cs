using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Ștefan", "stefan")]
    [InlineData("Ştefan", "stefan")] // cedilla variant still common in Romanian data
    [InlineData("ȚĂRANU", "taranu")]
    [InlineData("Ionuț-Alexandru", "ionut-alexandru")]
    [InlineData("  Ana   Maria  ", "ana maria")]
    [InlineData("Ana\tMaria\nPopescu", "ana maria popescu")]
    [InlineData("Müller", "muller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Łukasz Żółć", "lukasz zolc")]
    [InlineData("Søren Ærø", "soren aero")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("François", "francois")]
    [InlineData("Zoë", "zoe")]
    [InlineData("Yılmaz", "yilmaz")]
    [InlineData("Ðorđe", "dorde")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Names_fold_to_lower_case_without_diacritics(string? name, string expected)
    {
        NameFolding.Fold(name).ShouldBe(expected);
    }

    [Fact]
    public void Folding_is_idempotent()
    {
        var random = new Random(2025);
        const string alphabet = "aăâîșțşţbcdeéèfgȘȚĂÂÎ  \tMÜüßłØ";
        for (var i = 0; i < 500; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var once = NameFolding.Fold(name);
            NameFolding.Fold(once).ShouldBe(once, name);
            once.ShouldNotContain("  ");
            once.ShouldBe(once.Trim());
        }
    }
}
