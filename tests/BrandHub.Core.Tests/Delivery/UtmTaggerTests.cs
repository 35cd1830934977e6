using BrandHub.Core.Delivery;

namespace BrandHub.Core.Tests.Delivery;

public class UtmTaggerTests
{
    [Theory]
    [InlineData("https://shop.example.com/new", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new?color=red", "https://shop.example.com/new?color=red&utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new?", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new#sizes", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer#sizes")]
    [InlineData("http://shop.example.com/a?b=1#c", "http://shop.example.com/a?b=1&utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer#c")]
    public void Links_get_source_medium_and_campaign(string url, string expected) =>
        UtmTagger.Tag(url, "brandhub", "email", "weekly-offer").ShouldBe(expected);

    [Theory]
    [InlineData("https://shop.example.com/new?utm_source=partner")]
    [InlineData("https://shop.example.com/new?x=1&UTM_campaign=mine")]
    [InlineData("mailto:care@example.com")]
    [InlineData("tel:+40721000000")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    public void Links_the_author_tagged_and_links_that_are_not_web_pages_are_left_alone(string url) =>
        UtmTagger.Tag(url, "brandhub", "email", "weekly-offer").ShouldBe(url);

    [Fact]
    public void Values_are_lower_case_and_encoded_and_the_campaign_is_optional() =>
        UtmTagger.Tag("https://a.example/", "BrandHub", "E Mail", null).ShouldBe("https://a.example/?utm_source=brandhub&utm_medium=e%20mail");

    [Theory]
    [InlineData("Weekly offer", "weekly-offer")]
    [InlineData("Black Friday – Early!", "black-friday-early")]
    [InlineData("Ofertă de toamnă", "oferta-de-toamna")]
    [InlineData("  --  ", "")]
    public void Names_become_slugs(string name, string slug) => UtmTagger.Slug(name).ShouldBe(slug);

    [Fact]
    public void Tagging_twice_changes_nothing_more()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var url = $"https://s{random.Next(100)}.example.com/p{random.Next(1000)}" + (random.Next(2) == 0 ? $"?q={random.Next()}" : "") + (random.Next(3) == 0 ? "#f" : "");
            var once = UtmTagger.Tag(url, "brandhub", "email", "c");
            UtmTagger.Tag(once, "brandhub", "email", "c").ShouldBe(once);
            Uri.IsWellFormedUriString(once, UriKind.Absolute).ShouldBeTrue(once);
        }
    }
}
