using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>One tenant never sees, re-drives or addresses another tenant's deliveries or contacts.</summary>
public sealed class DeliveryIsolationTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task Another_tenants_deliveries_are_invisible()
    {
        var owner = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var contact = await owner.Client.OptedInContactAsync(UniqueEmail("private"));
        var id = (await owner.Client.SendOneAsync("transactional", new { contactId = contact })).DeliveryId();

        (await other.Client.GetJsonAsync("/api/v1/deliveries")).Total().ShouldBe(0);
        await (await other.Client.GetAsync($"/api/v1/deliveries/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.Client.PostAsync($"/api/v1/deliveries/{id}/redrive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Sending to another tenant's contact id is an unknown contact, not a leak.
        await (await other.Client.PostJsonAsync("/api/v1/messages", new { channel = "email", category = "transactional", recipients = new[] { new { contactId = contact } }, content = Email(), data = new { order = 1 } }))
            .ShouldBeValidationProblemAsync("recipients[0].contactId");
        // The same idempotency key in two tenants makes two deliveries.
        var mine = await owner.Client.SendOneAsync("transactional", new { email = UniqueEmail() }, key: "shared-key");
        var theirs = await other.Client.SendOneAsync("transactional", new { email = UniqueEmail() }, key: "shared-key");
        mine.DeliveryId().ShouldNotBe(theirs.DeliveryId());
    }

    [Fact]
    public async Task Reading_needs_the_deliveries_scope_and_sending_the_messages_scope()
    {
        using var anonymous = host.Anonymous();
        (await anonymous.GetAsync("/api/v1/deliveries")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("/api/v1/messages", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
