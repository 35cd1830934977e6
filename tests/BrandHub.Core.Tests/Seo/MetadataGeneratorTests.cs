using BrandHub.Core.Seo;

namespace BrandHub.Core.Tests.Seo;

public sealed class MetadataGeneratorTests
{
    private static readonly ProductData Boots = new("https://shop.test/p/123", "Ghete de iarnă bărbați", "Nordic", "Încălțăminte > Ghete", 349m, "ron", "in_stock",
        [("https://shop.test/img/1.jpg", null), ("https://shop.test/img/2.jpg", "Side view")], new Dictionary<string, string> { ["material"] = "piele", ["color"] = "maro" }, "SKU-1", "Demo Shop");

    [Fact]
    public void A_product_gets_metadata_within_the_rules()
    {
        var m = MetadataGenerator.Generate(Boots);
        m.Title.Length.ShouldBeInRange(50, 60, m.Title);
        m.Title.ShouldStartWith("Ghete de iarnă bărbați Nordic");
        m.Description.Length.ShouldBeInRange(140, 160, m.Description);
        m.Description.ShouldContain("349.00 RON, in stock.");
        m.Slug.ShouldBe("ghete-iarna-barbati-nordic");
        m.Canonical.ShouldBe("https://shop.test/p/123");
        m.AltTexts.Select(a => a.Alt).ShouldBe(["Ghete de iarnă bărbați Nordic, maro, piele", "Side view"]);
        m.OpenGraph["og:image"].ShouldBe("https://shop.test/img/1.jpg");
        var again = MetadataGenerator.Generate(Boots); // the same data gives the same proposal
        (again.Title, again.Description, again.Slug, again.JsonLd).ShouldBe((m.Title, m.Description, m.Slug, m.JsonLd));
        again.OpenGraph.ShouldBe(m.OpenGraph);
    }

    [Fact]
    public void The_generated_head_passes_the_audit_rules_it_is_for()
    {
        var m = MetadataGenerator.Generate(Boots);
        var bare = "<!doctype html><html lang=\"ro\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>x</title></head><body><h1>Ghete</h1><img src=\"/img/1.jpg\"></body></html>";
        var page = MetadataOverlay.Apply(bare, Boots.Url, m);
        var result = PageAudit.Audit(new PageSnapshot("https://shop.test/p/ghete-iarna-barbati-nordic", 200, new Dictionary<string, string>(), page));
        result.Findings.ShouldBeEmpty(string.Join("; ", result.Findings.Select(f => f.RuleId + ": " + f.Message)));
        result.Facts.Title.ShouldBe(m.Title);
        result.Facts.Canonicals.ShouldBe([Boots.Url]);
    }

    [Fact]
    public void Titles_and_descriptions_stay_in_range_for_random_products()
    {
        var random = new Random(11);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)random.Next('a', 'z' + 1)).ToArray())));
        for (var i = 0; i < 500; i++)
        {
            var product = new ProductData($"https://s.test/p/{i}", Words(random.Next(1, 9)), random.Next(3) == 0 ? null : Words(1), random.Next(2) == 0 ? null : $"{Words(1)} > {Words(2)}",
                random.Next(4) == 0 ? null : random.Next(1, 5000), "EUR", "in_stock",
                Attributes: Enumerable.Range(0, random.Next(0, 4)).ToDictionary(k => $"a{k}", _ => Words(random.Next(1, 3))));
            var m = MetadataGenerator.Generate(product);
            m.Title.Length.ShouldBeLessThanOrEqualTo(60, m.Title);
            m.Description.Length.ShouldBeLessThanOrEqualTo(160, m.Description);
            m.Description.Length.ShouldBeGreaterThanOrEqualTo(140, m.Description);
            if (product.Name!.Length <= 45) m.Title.Length.ShouldBeGreaterThanOrEqualTo(50, m.Title); // the fillers always reach 50 from a short name
            m.Slug.ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
            m.Slug.Length.ShouldBeLessThanOrEqualTo(75);
        }
    }

    [Theory]
    [InlineData("Ghete de iarnă, bărbați!", "ghete-iarna-barbati")]
    [InlineData("Straße & Co.", "strase-co")]
    [InlineData("The Best of the Boots", "best-boots")]
    [InlineData("!!!", "page")]
    public void Slugs(string text, string slug) => MetadataGenerator.Slug(text).ShouldBe(slug);
}
