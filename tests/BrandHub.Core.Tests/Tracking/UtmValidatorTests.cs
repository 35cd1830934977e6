using BrandHub.Core.Tracking;

namespace BrandHub.Core.Tests.Tracking;

public sealed class UtmValidatorTests
{
    private static readonly UtmRules Rules = UtmRules.Default with
    {
        AllowedSources = ["newsletter", "google", "facebook"],
        CampaignPattern = @"^\d{4}-\d{2}-[a-z0-9-]+$", CampaignPatternHint = "yyyy-mm-name",
    };

    private static IReadOnlyList<UtmViolation> Check(string? source, string? medium, string? campaign) =>
        UtmValidator.Validate(new UtmParameters(source, medium, campaign), Rules);

    [Fact]
    public void A_compliant_link_has_no_violation() => Check("newsletter", "email", "2026-11-black-friday").ShouldBeEmpty();

    [Theory]
    [InlineData("Newsletter", "source", "lower_case", "newsletter")]
    [InlineData("newsleter", "source", "allowed_source", "newsletter")]   // a typo: the nearest allowed value
    [InlineData("bing", "source", "allowed_source", null)]               // nothing near: no guess
    [InlineData("news letter", "source", "separator", "news-letter")]
    public void Source_violations_come_with_a_suggestion(string source, string field, string rule, string? suggestion)
    {
        var v = Check(source, "email", "2026-11-sale").First(x => x.Rule == rule);
        v.Field.ShouldBe(field);
        v.Suggestion.ShouldBe(suggestion);
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var violations = Check(null, "E-Mail", "Black Friday");
        violations.Select(v => (v.Field, v.Rule)).ShouldBe([
            ("source", "required"), ("medium", "lower_case"), ("medium", "allowed_medium"),
            ("campaign", "lower_case"), ("campaign", "separator"), ("campaign", "campaign_pattern")], ignoreOrder: true);
        violations.Single(v => v.Rule == "allowed_medium").Suggestion.ShouldBe("email");
        violations.Single(v => v.Field == "campaign" && v.Rule == "separator").Suggestion.ShouldBe("black-friday");
        violations.Single(v => v.Rule == "campaign_pattern").Message.ShouldContain("yyyy-mm-name");
    }

    [Theory]
    [InlineData("  Black  Friday – Early ", '-', "black-friday-–-early")]
    [InlineData("spring_sale.2026", '_', "spring_sale_2026")]
    [InlineData("--a--b--", '-', "a-b")]
    public void Normalize_joins_words_with_the_separator(string value, char separator, string expected) =>
        UtmValidator.Normalize(value, UtmRules.Default with { Separator = separator }).ShouldBe(expected);

    [Fact]
    public void A_normalized_value_never_breaks_case_or_separator_rules_property()
    {
        var random = new Random(4);
        const string alphabet = "abcXYZ019 -_./|+é";
        for (var i = 0; i < 3000; i++)
        {
            var value = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var rules = UtmRules.Default with { Separator = "-_."[random.Next(3)], AllowedMediums = [] };
            var normal = UtmValidator.Normalize(value, rules);
            if (normal.Length == 0) continue;
            UtmValidator.Validate(new UtmParameters("s", "m", normal), rules).ShouldBeEmpty($"'{value}' → '{normal}'");
        }
    }

    [Fact]
    public void Rules_themselves_are_checked()
    {
        (UtmRules.Default with { Separator = ' ', Required = ["source", "color"], CampaignPattern = "([a-z" }).Validate()
            .Select(e => e.Field).ShouldBe(["separator", "required", "campaignPattern"], ignoreOrder: true);
        (UtmRules.Default with { AllowedSources = ["Google"] }).Validate().ShouldHaveSingleItem().Field.ShouldBe("allowedSources");
    }

    [Theory]
    [InlineData("https://shop.test/offers", "https://shop.test/offers?utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-sale")]
    [InlineData("https://shop.test/p?id=7&utm_source=old#top", "https://shop.test/p?id=7&utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-sale#top")]
    public void Links_keep_their_query_and_fragment_and_replace_old_utm(string url, string expected) =>
        UtmLinks.Build(url, new UtmParameters("newsletter", "email", "2026-11-sale")).ShouldBe(expected);

    [Theory]
    [InlineData(null, false)]
    [InlineData("ftp://x.test/", false)]
    [InlineData("/relative", false)]
    [InlineData("https://shop.test/", true)]
    public void Link_urls_are_absolute_http(string? url, bool ok) => (UtmLinks.CheckUrl(url) is null).ShouldBe(ok);
}
