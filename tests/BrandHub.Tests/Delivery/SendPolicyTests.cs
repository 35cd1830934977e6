using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>A blocked message never reaches the provider and says why, at once and in the deliveries API.</summary>
public sealed class SendPolicyTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task A_contact_without_email_consent_is_suppressed_for_no_consent()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("noconsent");
        var contact = await tenant.Client.CreateContactIdAsync(new { email });
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("marketing", new { contactId = contact }), "no_consent");
    }

    [Fact]
    public async Task An_address_on_the_suppression_list_is_suppressed_even_for_transactional_mail()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("blocked");
        await tenant.Client.OptedInContactAsync(email);
        (await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = email, reason = "hard_bounce" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("marketing", new { email }), "suppressed");
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("transactional", new { email }), "suppressed");
    }

    [Fact]
    public async Task A_globally_unsubscribed_contact_gets_no_marketing_but_still_gets_transactional_mail()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("unsub");
        var contact = await tenant.Client.OptedInContactAsync(email);
        (await tenant.Client.PostJsonAsync($"/api/v1/contacts/{contact}/global-unsubscribe", new { source = "preference_centre" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("marketing", new { contactId = contact }), "unsubscribed");
        var receipt = await tenant.Client.SendOneAsync("transactional", new { contactId = contact });
        await tenant.Client.WaitForStatusAsync(receipt.DeliveryId(), "sent");
        host.Transport.CallsTo(email).ShouldBe(1);
    }

    [Fact]
    public async Task A_contact_who_opted_out_of_email_is_suppressed_as_unsubscribed()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("optout");
        var contact = await tenant.Client.OptedInContactAsync(email);
        await tenant.Client.PutConsentAsync(contact, new { channel = "email", status = "opted_out", source = "unsubscribe_link" });
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("marketing", new { contactId = contact }), "unsubscribed");
    }

    [Fact]
    public async Task Marketing_over_the_tenants_frequency_cap_is_suppressed_and_transactional_is_exempt()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { frequencyCap = new { maxMessages = 2, windowHours = 24 } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var email = UniqueEmail("capped");
        var contact = await tenant.Client.OptedInContactAsync(email);

        for (var i = 0; i < 2; i++)
            await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("marketing", new { contactId = contact })).DeliveryId(), "sent");
        await ShouldBeSuppressedAsync(tenant, email, await tenant.Client.SendOneAsync("marketing", new { contactId = contact }), "frequency_cap", sentBefore: 2);
        await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("transactional", new { contactId = contact })).DeliveryId(), "sent");
    }

    [Fact]
    public async Task A_message_can_bring_its_own_frequency_cap()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("override");
        var contact = await tenant.Client.OptedInContactAsync(email);
        object Request() => new { channel = "email", category = "marketing", recipients = new[] { new { contactId = contact } }, content = Email(), data = new { order = 1 }, frequencyCap = new { maxMessages = 1, windowHours = 1 } };
        await tenant.Client.WaitForStatusAsync((await tenant.Client.SendAsync(Request())).Single().DeliveryId(), "sent");
        (await tenant.Client.SendAsync(Request())).Single().Str("reason").ShouldBe("frequency_cap");
    }

    [Fact]
    public async Task The_cap_counts_the_messages_before_it_in_the_same_batch()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { frequencyCap = new { maxMessages = 2, windowHours = 24 } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var email = UniqueEmail("samebatch");
        var contact = await tenant.Client.OptedInContactAsync(email);
        var messages = await tenant.Client.SendAsync(new { channel = "email", category = "marketing", recipients = Enumerable.Repeat(new { contactId = contact }, 3), content = Email(), data = new { order = 1 } });
        messages.Select(m => m.Str("status")).ShouldBe(["queued", "queued", "suppressed"]);
        messages[2].Str("reason").ShouldBe("frequency_cap");
        foreach (var m in messages.Take(2)) await tenant.Client.WaitForStatusAsync(m.DeliveryId(), "sent");
        host.Transport.CallsTo(email).ShouldBe(2);
    }

    [Fact]
    public async Task Policy_settings_are_validated_and_read_back()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { quietHours = new { start = "25:00", end = "08:00" } })).ShouldBeValidationProblemAsync("quietHours.start");
        await (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { frequencyCap = new { maxMessages = 3 } })).ShouldBeValidationProblemAsync("frequencyCap.windowHours");
        (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { frequencyCap = new { maxMessages = 3, windowHours = 168 }, quietHours = new { start = "21:00", end = "08:00" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await tenant.Client.GetJsonAsync("/api/v1/deliveries/policies");
        read.GetProperty("frequencyCap").GetProperty("maxMessages").GetInt32().ShouldBe(3);
        read.GetProperty("frequencyCap").GetProperty("windowHours").GetDouble().ShouldBe(168);
        (read.GetProperty("quietHours").Str("start"), read.GetProperty("quietHours").Str("end")).ShouldBe(("21:00", "08:00"));
    }

    private async Task ShouldBeSuppressedAsync(TenantSession tenant, string email, System.Text.Json.JsonElement message, string reason, int sentBefore = 0)
    {
        (message.Str("status"), message.Str("reason")).ShouldBe(("suppressed", reason));
        var detail = await tenant.Client.DeliveryAsync(message.DeliveryId());
        (detail.Status(), detail.GetProperty("delivery").Str("reason")).ShouldBe(("suppressed", reason));
        detail.History().ShouldBe([(null, "suppressed")]);
        await Task.Delay(200);
        host.Transport.CallsTo(email).ShouldBe(sentBefore);
    }
}
