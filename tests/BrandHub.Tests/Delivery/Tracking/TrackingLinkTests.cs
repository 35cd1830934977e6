using System.Text;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Delivery.Tracking;

/// <summary>The open pixel and click redirects: the token is the only authority, machines are not readers, no open redirect.</summary>
public sealed class TrackingLinkTests(EmailHost host) : IClassFixture<EmailHost>
{
    private const string Browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private HttpClient Reader(string? userAgent = Browser)
    {
        var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        if (userAgent is not null) c.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return c;
    }

    [Fact]
    public async Task An_open_is_recorded_and_answered_with_an_uncached_transparent_gif()
    {
        var tenant = Guid.NewGuid();
        var delivery = Guid.CreateVersion7();
        var pixel = host.Links.OpenPixel(tenant, delivery);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await Reader().GetAsync(PathOf(pixel));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/gif");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(BrandHub.Modules.Delivery.Tracking.TrackingEndpoints.TransparentGif);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var recorded = host.Events.ForDelivery(delivery).Single();
        (recorded.TenantId, recorded.Event.Status, recorded.Event.Detail).ShouldBe((tenant, "opened", Browser));
    }

    [Fact]
    public async Task A_forged_pixel_still_gets_the_gif_but_records_nothing()
    {
        var delivery = Guid.CreateVersion7();
        var real = host.Links.OpenPixel(Guid.NewGuid(), delivery);
        var forged = real[..^3] + (real.EndsWith("AAA") ? "BBB" : "AAA");
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        foreach (var path in new[] { PathOf(forged), "/t/o/not-a-token", "/t/o/" + Convert.ToBase64String(Encoding.UTF8.GetBytes("x|y")) })
        {
            var response = await Reader().GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/gif");
        }
        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Mozilla/5.0")] // Apple Mail Privacy Protection's proxy
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Barracuda Sentinel (EE)")]
    [InlineData(null)]
    public async Task Machine_fetches_of_the_pixel_are_not_opens(string? userAgent)
    {
        var delivery = Guid.CreateVersion7();
        var pixel = host.Links.OpenPixel(Guid.NewGuid(), delivery);
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        (await Reader(userAgent).GetAsync(PathOf(pixel))).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_open_within_a_second_of_sending_is_a_scanner_not_a_reader()
    {
        var delivery = Guid.CreateVersion7();
        var pixel = host.Links.OpenPixel(Guid.NewGuid(), delivery);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Reader().GetAsync(PathOf(pixel));
        host.Events.For(delivery).ShouldBeEmpty();

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await Reader().GetAsync(PathOf(pixel));
        host.Events.For(delivery).Single().Status.ShouldBe("opened");
    }

    [Fact]
    public async Task A_click_redirects_to_the_signed_target_with_the_click_id_and_is_recorded()
    {
        var tenant = Guid.NewGuid();
        var delivery = Guid.CreateVersion7();
        const string target = "https://shop.example/sale?utm_source=brandhub&x=%C3%A9";

        var response = await Reader().GetAsync(PathOf(host.Links.Click(tenant, delivery, target)));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The target as signed, plus BrandHub's click id: the landing page's tracked visit is this delivery's.
        response.Headers.Location!.OriginalString.ShouldBe($"{target}&bh_cid={delivery:N}");
        response.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        var recorded = host.Events.ForDelivery(delivery).Single();
        (recorded.TenantId, recorded.Event.Status, recorded.Event.Detail).ShouldBe((tenant, "clicked", target));
    }

    [Fact]
    public async Task A_click_token_with_another_target_is_a_404_never_a_redirect()
    {
        var tenant = Guid.NewGuid();
        var delivery = Guid.CreateVersion7();
        var token = PathOf(host.Links.Click(tenant, delivery, "https://shop.example/sale"))["/t/c/".Length..];
        var mac = token[(token.IndexOf('.') + 1)..];
        var evilPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenant:N}|{delivery:N}|https://evil.example/phish"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        foreach (var path in new[] { $"/t/c/{evilPayload}.{mac}", $"/t/c/{token}x", "/t/c/https%3A%2F%2Fevil.example", $"/t/c/{evilPayload}" })
        {
            var response = await Reader().GetAsync(path);
            response.Headers.Location.ShouldBeNull(path);
            await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_only_works_for_its_own_purpose()
    {
        var tenant = Guid.NewGuid();
        var delivery = Guid.CreateVersion7();
        var click = PathOf(host.Links.Click(tenant, delivery, "https://shop.example"))["/t/c/".Length..];
        var open = PathOf(host.Links.OpenPixel(tenant, delivery))["/t/o/".Length..];
        var form = () => new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);

        await (await Reader().PostAsync($"/u/{click}", form())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Reader().GetAsync($"/api/v1/preferences/{click}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Reader().GetAsync($"/t/c/{open}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await Reader().GetAsync($"/t/o/{click}");
        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_tenant_comes_from_the_token_not_from_the_callers_sign_in()
    {
        var signedIn = await host.NewTenantAsync();
        var tokenTenant = Guid.NewGuid();
        var delivery = Guid.CreateVersion7();

        var reader = Reader();
        reader.DefaultRequestHeaders.Authorization = signedIn.Client.DefaultRequestHeaders.Authorization;

        var response = await reader.GetAsync(PathOf(host.Links.Click(tokenTenant, delivery, "https://shop.example")));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        host.Events.ForDelivery(delivery).Single().TenantId.ShouldBe(tokenTenant);
    }
}
