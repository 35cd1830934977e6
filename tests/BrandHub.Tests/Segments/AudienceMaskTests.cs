using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Segments;

/// <summary>
/// Reach and consent criteria read the contact's masks, which database triggers keep: every way the facts change —
/// consent, suppression added or removed, global unsubscribe, a new address — shows at once in the preview.
/// </summary>
public sealed class AudienceMaskTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Reach_and_consent_follow_every_change_that_decides_them()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;
        var email = $"mask-{Guid.NewGuid():N}@masks.test";
        var id = (await (await client.PostJsonAsync("/api/v1/contacts", new { email, phone = "+40721000111" })).JsonAsync()).Id();
        var only = new { field = "email", op = "eq", value = email };

        async Task<(long Size, long Email, long Sms, long Consented)> Preview()
        {
            var all = await (await client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { criteria = only })).JsonAsync();
            var consented = await (await client.PostJsonAsync("/api/v1/marketing/audiences/preview",
                new { criteria = new { all = new object[] { only, new { consent = "email" } } } })).JsonAsync();
            var reach = all.GetProperty("reach");
            return (all.GetProperty("size").GetInt64(), reach.GetProperty("email").GetInt64(), reach.GetProperty("sms").GetInt64(),
                consented.GetProperty("size").GetInt64());
        }

        (await Preview()).ShouldBe((1L, 0L, 0L, 0L));
        await client.PutConsentAsync(id, AudienceApi.OptIn("email"));
        await client.PutConsentAsync(id, AudienceApi.OptIn("sms"));
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        var suppression = await (await client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = email, reason = "manual" })).JsonAsync();
        (await Preview()).ShouldBe((1L, 0L, 1L, 1L), "a suppressed address is not reachable, though consent stays");
        (await client.DeleteAsync($"/api/v1/suppressions/{suppression.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        (await client.PostJsonAsync($"/api/v1/contacts/{id}/global-unsubscribe", new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await Preview()).ShouldBe((1L, 0L, 0L, 1L), "globally unsubscribed: reachable nowhere");
        (await client.DeleteAsync($"/api/v1/contacts/{id}/global-unsubscribe")).IsSuccessStatusCode.ShouldBeTrue();
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        await client.PutConsentAsync(id, new { channel = "email", status = "opted_out", source = "api" });
        (await Preview()).ShouldBe((1L, 0L, 1L, 0L));

        // A new phone number that is already suppressed for SMS: the contact's own change recomputes its reach.
        await client.PostJsonAsync("/api/v1/suppressions", new { channel = "sms", address = "+40721000222", reason = "manual" });
        var patched = await client.PatchJsonAsync($"/api/v1/contacts/{id}", new { phone = "+40721000222" });
        patched.IsSuccessStatusCode.ShouldBeTrue(await patched.Content.ReadAsStringAsync());
        (await Preview()).ShouldBe((1L, 0L, 0L, 0L));
    }
}
