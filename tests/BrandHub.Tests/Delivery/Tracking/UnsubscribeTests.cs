using System.Text.Json;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Delivery.Tracking;

/// <summary>RFC 8058 one-click unsubscribe and the preference centre behind the same signed link.</summary>
public sealed class UnsubscribeTests(EmailHost host) : IClassFixture<EmailHost>
{
    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private async Task<(TenantSession Tenant, Guid Contact, Guid Delivery, string Token)> SubscribedContactAsync(string? email = null)
    {
        var tenant = await host.NewTenantAsync("Shop & Co");
        var contact = await tenant.Client.CreateContactIdAsync(new { email = email ?? $"ana.{Guid.NewGuid():N}@example.com" });
        await tenant.Client.PutConsentAsync(contact, AudienceApi.OptIn("email"));
        var delivery = Guid.CreateVersion7();
        return (tenant, contact, delivery, host.Links.UnsubscribeToken(tenant.TenantId, contact, delivery, "email"));
    }

    private static JsonElement Channel(JsonElement consents, string channel) =>
        consents.GetProperty("channels").EnumerateArray().Single(c => c.Str("channel") == channel);

    [Fact]
    public async Task One_click_withdraws_email_consent_with_the_delivery_as_proof()
    {
        var (tenant, contact, delivery, token) = await SubscribedContactAsync();
        var mailClient = host.Anonymous();
        mailClient.DefaultRequestHeaders.UserAgent.ParseAdd("GoogleOneClickUnsubscribe/1.0");

        var response = await mailClient.PostAsync($"/u/{token}", OneClick());

        var body = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        (body.GetProperty("unsubscribed").GetBoolean(), body.Str("channel")).ShouldBe((true, "email"));
        var consents = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents");
        var email = Channel(consents, "email");
        (email.Str("status"), email.Str("source")).ShouldBe(("opted_out", "unsubscribe_link"));
        var proof = email.GetProperty("proof");
        (proof.Str("reference"), proof.Str("userAgent")).ShouldBe((delivery.ToString(), "GoogleOneClickUnsubscribe/1.0"));
        proof.Str("ip").ShouldNotBeNullOrEmpty();
        var latest = consents.GetProperty("history").EnumerateArray().First();
        (latest.Str("status"), latest.Str("source"), latest.Str("actor")).ShouldBe(("opted_out", "unsubscribe_link", $"contact:{contact}"));
        var timeline = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/timeline");
        timeline.Items().ShouldContain(e => e.Str("kind") == "consent.changed" && e.Str("summary") == "email: opted_out");
    }

    [Fact]
    public async Task Clicking_twice_changes_nothing_the_second_time()
    {
        var (tenant, contact, _, token) = await SubscribedContactAsync();

        (await host.Anonymous().PostAsync($"/u/{token}", OneClick())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Anonymous().PostAsync($"/u/{token}", OneClick())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents")).GetProperty("history").EnumerateArray().ToList();
        history.Select(h => h.Str("status")).ShouldBe(["opted_out", "opted_in"]);
    }

    [Fact]
    public async Task Without_the_one_click_body_or_with_a_forged_token_nothing_changes()
    {
        var (tenant, contact, _, token) = await SubscribedContactAsync();

        await (await host.Anonymous().PostAsync($"/u/{token}", new FormUrlEncodedContent([new("List-Unsubscribe", "Maybe")])))
            .ShouldBeValidationProblemAsync("List-Unsubscribe");
        await (await host.Anonymous().PostAsync($"/u/{token}", new StringContent(""))).ShouldBeValidationProblemAsync("List-Unsubscribe");
        await (await host.Anonymous().PostAsync($"/u/{token[..^2]}xx", OneClick())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var otherContact = host.Links.UnsubscribeToken(tenant.TenantId, Guid.NewGuid(), null, "email");
        await (await host.Anonymous().PostAsync($"/u/{otherContact}", OneClick())).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Channel(await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents"), "email").Str("status").ShouldBe("opted_in");
    }

    [Fact]
    public async Task Opening_the_link_shows_the_page_and_never_unsubscribes()
    {
        var (tenant, contact, _, token) = await SubscribedContactAsync();

        var page = await host.Anonymous().GetAsync($"/u/{token}"); // what link scanners and browsers do

        page.StatusCode.ShouldNotBe(HttpStatusCode.MethodNotAllowed);
        Channel(await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents"), "email").Str("status").ShouldBe("opted_in");
    }

    [Fact]
    public async Task The_token_decides_the_tenant_whoever_is_signed_in()
    {
        var (tenant, contact, _, token) = await SubscribedContactAsync();
        var someoneElse = await host.NewTenantAsync();

        var response = await someoneElse.Client.PostAsync($"/u/{token}", OneClick());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Channel(await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents"), "email").Str("status").ShouldBe("opted_out");
    }

    [Fact]
    public async Task The_preference_centre_shows_the_masked_address_and_each_channel()
    {
        var (_, _, _, token) = await SubscribedContactAsync("anastasia@example.com");

        var view = await host.Anonymous().GetJsonAsync($"/api/v1/preferences/{token}");

        (view.Str("tenant"), view.Str("email"), view.Str("channel")).ShouldBe(("Shop & Co", "an***@example.com", "email"));
        view.GetProperty("unsubscribedFromAll").GetBoolean().ShouldBeFalse();
        var channels = view.GetProperty("channels").EnumerateArray().ToList();
        channels.Select(c => c.Str("channel")).ShouldBe(["email", "sms", "whatsapp", "push"]);
        (channels[0].Str("status"), channels[0].GetProperty("subscribed").GetBoolean()).ShouldBe(("opted_in", true));
        (channels[1].Str("status"), channels[1].GetProperty("subscribed").GetBoolean()).ShouldBe(("unknown", false));
    }

    [Fact]
    public async Task Preferences_changed_in_the_centre_are_recorded_in_the_consent_ledger()
    {
        var (tenant, contact, delivery, token) = await SubscribedContactAsync();

        var response = await host.Anonymous().PutJsonAsync($"/api/v1/preferences/{token}", new { email = false, sms = true });

        var view = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, view.ToString());
        view.GetProperty("channels").EnumerateArray().Select(c => (c.Str("channel"), c.Str("status"))).Take(2).ShouldBe([("email", "opted_out"), ("sms", "opted_in")]);
        var consents = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents");
        var sms = Channel(consents, "sms");
        (sms.Str("status"), sms.Str("source"), sms.Str("legalBasis")).ShouldBe(("opted_in", "preference_centre", "consent"));
        sms.GetProperty("proof").Str("reference").ShouldBe(delivery.ToString());
        Channel(consents, "email").Str("source").ShouldBe("preference_centre");

        var all = await (await host.Anonymous().PutJsonAsync($"/api/v1/preferences/{token}", new { unsubscribeAll = true })).JsonAsync();
        all.GetProperty("unsubscribedFromAll").GetBoolean().ShouldBeTrue();
        all.GetProperty("channels").EnumerateArray().ShouldAllBe(c => !c.GetProperty("subscribed").GetBoolean());
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents")).GetProperty("globalUnsubscribe").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_preference_changes_are_field_errors_and_change_nothing()
    {
        var (tenant, contact, _, token) = await SubscribedContactAsync();

        await (await host.Anonymous().PutJsonAsync($"/api/v1/preferences/{token}", new { email = "no", fax = true, sms = false }))
            .ShouldBeValidationProblemAsync("email", "fax");
        await (await host.Anonymous().PutJsonAsync("/api/v1/preferences/forged.token", new { email = false })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var consents = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents");
        (Channel(consents, "email").Str("status"), Channel(consents, "sms").Str("status")).ShouldBe(("opted_in", "unknown"));
    }
}
