using BrandHub.Core.Tracking;

namespace BrandHub.Core.Tests.Tracking;

/// <summary>How links in messages are tagged: by the tenant's rules, never over the author's own tags, idempotent.</summary>
public class UtmTaggingTests
{
    private static readonly UtmParameters Offer = new("brandhub", "email", "Weekly offer");

    [Theory]
    [InlineData("https://shop.example.com/new", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new?color=red", "https://shop.example.com/new?color=red&utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new?", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer")]
    [InlineData("https://shop.example.com/new#sizes", "https://shop.example.com/new?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer#sizes")]
    [InlineData("http://shop.example.com/a?b=1#c", "http://shop.example.com/a?b=1&utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer#c")]
    public void Links_get_source_medium_and_campaign(string url, string expected) =>
        UtmLinks.Tag(url, Offer, UtmRules.Default).ShouldBe(expected);

    [Theory]
    [InlineData("https://shop.example.com/new?utm_source=partner")]
    [InlineData("https://shop.example.com/new?x=1&UTM_campaign=mine")]
    [InlineData("mailto:care@example.com")]
    [InlineData("tel:+40721000000")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    public void Links_the_author_tagged_and_links_that_are_not_web_pages_are_left_alone(string url) =>
        UtmLinks.Tag(url, Offer, UtmRules.Default).ShouldBe(url);

    [Fact]
    public void Values_follow_the_tenants_separator_and_case() =>
        UtmLinks.Tag("https://a.example/", new UtmParameters("BrandHub", "E Mail", "Black Friday – Early!"), UtmRules.Default with { Separator = '_' })
            .ShouldBe("https://a.example/?utm_source=brandhub&utm_medium=e_mail&utm_campaign=black_friday_early");

    [Theory]
    [InlineData("Weekly offer", "weekly-offer")]
    [InlineData("Black Friday – Early!", "black-friday-early")]
    [InlineData("Ofertă de toamnă", "oferta-de-toamna")]
    [InlineData("  --  ", "")]
    public void Names_become_slugs(string name, string slug) => UtmLinks.Slug(name, UtmRules.Default).ShouldBe(slug);

    [Theory]
    [InlineData("https://shop.example/sale", "https://shop.example/sale?bh_cid=abc")]
    [InlineData("https://shop.example/sale?x=1#top", "https://shop.example/sale?x=1&bh_cid=abc#top")]
    [InlineData("https://shop.example/sale?", "https://shop.example/sale?bh_cid=abc")]
    public void A_click_id_is_appended_before_the_fragment(string url, string expected) =>
        UtmLinks.WithParameter(url, "bh_cid", "abc").ShouldBe(expected);

    [Fact]
    public void Tagging_twice_changes_nothing_more()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var url = $"https://s{random.Next(100)}.example.com/p{random.Next(1000)}" + (random.Next(2) == 0 ? $"?q={random.Next()}" : "") + (random.Next(3) == 0 ? "#f" : "");
            var once = UtmLinks.Tag(url, Offer, UtmRules.Default);
            UtmLinks.Tag(once, Offer, UtmRules.Default).ShouldBe(once);
            Uri.IsWellFormedUriString(once, UriKind.Absolute).ShouldBeTrue(once);
        }
    }
}
