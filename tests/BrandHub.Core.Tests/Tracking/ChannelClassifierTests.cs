using BrandHub.Core.Tracking;

namespace BrandHub.Core.Tests.Tracking;

public sealed class ChannelClassifierTests
{
    [Theory]
    // A BrandHub tracked link wins over everything else on the visit.
    [InlineData("email", null, null, null, null, null, "https://www.google.com/", "email")]
    [InlineData("sms", "google", "cpc", "g1", null, null, null, "sms")]
    // Ad click ids.
    [InlineData(null, null, null, "Cj0KCQ", null, null, null, "paid_search")]
    [InlineData(null, null, null, null, "ms-1", null, null, "paid_search")]
    [InlineData(null, null, null, null, null, "tt-1", null, "paid_social")]
    [InlineData(null, "facebook", "cpc", null, null, null, null, "paid_social")]
    [InlineData(null, "newsletter-partner", "cpc", null, null, null, null, "display")]
    [InlineData(null, "google", "CPC", null, null, null, null, "paid_search")]
    [InlineData(null, null, "cpc", null, null, null, null, "paid_search")]
    // Mediums.
    [InlineData(null, "brandhub", "email", null, null, null, null, "email")]
    [InlineData(null, "brandhub", "Newsletter", null, null, null, null, "email")]
    [InlineData(null, "brandhub", "sms", null, null, null, null, "sms")]
    [InlineData(null, "brandhub", "whatsapp", null, null, null, null, "whatsapp")]
    [InlineData(null, "criteo", "display", null, null, null, null, "display")]
    [InlineData(null, "awin", "affiliate", null, null, null, null, "affiliate")]
    [InlineData(null, "linkedin", "social", null, null, null, null, "organic_social")]
    [InlineData(null, "meta", "paid_social", null, null, null, null, "paid_social")]
    [InlineData(null, "partner-blog", "referral", null, null, null, null, "referral")]
    // Source without (or with an unknown) medium.
    [InlineData(null, "google", null, null, null, null, null, "organic_search")]
    [InlineData(null, "instagram", null, null, null, null, null, "organic_social")]
    [InlineData(null, "flyer", "qr", null, null, null, null, "referral")]
    [InlineData(null, "bing", "(none)", null, null, null, null, "organic_search")]
    // Nothing at all.
    [InlineData(null, null, null, null, null, null, null, "direct")]
    // Referrers.
    [InlineData(null, null, null, null, null, null, "https://www.google.ro/search?q=x", "organic_search")]
    [InlineData(null, null, null, null, null, null, "https://duckduckgo.com/", "organic_search")]
    [InlineData(null, null, null, null, null, null, "https://l.facebook.com/l.php?u=x", "organic_social")]
    [InlineData(null, null, null, null, null, null, "https://t.co/abc", "organic_social")]
    [InlineData(null, null, null, null, null, null, "https://mail.google.com/mail/u/0/", "email")]
    [InlineData(null, null, null, null, null, null, "https://blog.example.org/post", "referral")]
    [InlineData(null, null, null, null, null, null, "https://notgoogle.com/", "referral")]
    [InlineData(null, null, null, null, null, null, "https://shop.brand.test/cart", "direct")]     // the site itself
    [InlineData(null, null, null, null, null, null, "android-app://com.google.android.gm", "direct")] // not a web referrer
    [InlineData(null, null, null, null, null, null, "not a url", "direct")]
    public void Classifies_by_the_documented_rules(string? message, string? source, string? medium, string? gclid, string? msclkid, string? ttclid,
        string? referrer, string expected) =>
        ChannelClassifier.Classify(new TouchSource(source, medium, referrer, gclid, msclkid, null, ttclid, message, ["www.shop.brand.test"])).ShouldBe(expected);

    [Theory]
    [InlineData(null, "organic_social")]
    [InlineData("cpc", "paid_social")]
    [InlineData("paid", "paid_social")]
    public void Fbclid_is_paid_only_with_a_paid_medium(string? medium, string expected) =>
        ChannelClassifier.Classify(new TouchSource(UtmMedium: medium, Fbclid: "fb-1")).ShouldBe(expected);

    [Fact]
    public void A_tenant_can_add_its_own_medium()
    {
        var rules = ChannelRules.Default with
        {
            Mediums = new Dictionary<string, string>(ChannelRules.Default.Mediums) { ["podcast"] = TouchChannels.Display },
        };
        ChannelClassifier.Classify(new TouchSource("spotify", "podcast"), rules).ShouldBe("display");
        ChannelClassifier.Classify(new TouchSource("spotify", "podcast")).ShouldBe("referral");
    }

    [Fact]
    public void Every_answer_is_a_known_channel_property()
    {
        var random = new Random(9);
        string? Pick(params string?[] options) => options[random.Next(options.Length)];
        for (var i = 0; i < 5000; i++)
        {
            var touch = new TouchSource(Pick(null, "google", "facebook", "x", "", "  Newsletter "), Pick(null, "cpc", "email", "weird", "(none)", "SOCIAL"),
                Pick(null, "https://www.bing.com/", "https://a.b/", "ftp://x", "https://shop.brand.test/", ""), Pick(null, "g"), Pick(null, "m"),
                Pick(null, "f"), Pick(null, "t"), Pick(null, "email", "carrier-pigeon"), ["shop.brand.test"]);
            TouchChannels.All.ShouldContain(ChannelClassifier.Classify(touch));
        }
    }
}
