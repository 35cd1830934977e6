using BrandHub.Core.Delivery;

namespace BrandHub.Core.Tests.Delivery;

public class MachineOpensTests
{
    private static readonly DateTimeOffset Sent = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Sent.AddMinutes(5);

    [Theory]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")]
    [InlineData("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)")]
    public void A_person_opening_in_a_mail_client_counts(string userAgent) =>
        Assert.False(MachineOpens.IsMachineOpen(userAgent, Sent, Later));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mozilla/5.0")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Barracuda Sentinel (EE)")]
    [InlineData("Mimecast-URL-Protect")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("curl/8.5.0")]
    public void Prefetchers_scanners_and_libraries_do_not_count(string? userAgent) =>
        Assert.True(MachineOpens.IsMachineOpen(userAgent, Sent, Later));

    [Fact]
    public void An_open_a_second_after_sending_is_a_scanner_not_a_reader()
    {
        const string browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
        Assert.True(MachineOpens.IsMachineOpen(browser, Sent, Sent.AddSeconds(1)));
        Assert.False(MachineOpens.IsMachineOpen(browser, Sent, Sent.AddSeconds(3)));
        Assert.False(MachineOpens.IsMachineOpen(browser, null, Sent.AddSeconds(1)));
    }
}
