using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>A host whose provider circuit opens on the first provider-wide failure and stays open for two seconds.</summary>
public sealed class TrippingCircuitHost : DeliveryHost
{
    public TrippingCircuitHost()
    {
        Settings["BrandHub:Delivery:CircuitFailureThreshold"] = "1";
        Settings["BrandHub:Delivery:CircuitOpenSeconds"] = "2";
    }
}

/// <summary>A failing provider is left alone while its circuit is open; waiting for it costs no attempts.</summary>
public sealed class ProviderCircuitTests(TrippingCircuitHost host) : IClassFixture<TrippingCircuitHost>
{
    [Fact]
    public async Task While_the_circuit_is_open_deliveries_wait_without_using_attempts_and_go_out_after_a_trial()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("outage");
        host.Transport.Script(email, attempt => attempt < 3 ? SendOutcome.Transient : SendOutcome.Sent);

        var detail = await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId(), "sent");

        detail.GetProperty("history").EnumerateArray().ShouldContain(h => (h.Str("detail") ?? "").Contains("circuit is open"));
        // Every counted attempt is a real hand-over to the provider: deferrals gave theirs back.
        detail.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(host.Transport.CallsTo(email));
        host.Transport.CallsTo(email).ShouldBe(3);
    }
}
