using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>Transient errors retry with backoff, permanent ones fail at once, exhausted retries are dead and can be re-driven.</summary>
public sealed class DispatchFaultTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task A_transient_failure_is_retried_and_the_message_is_sent_once()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("flaky");
        host.Transport.Script(email, attempt => attempt < 3 ? SendOutcome.Transient : SendOutcome.Sent);

        var detail = await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId(), "sent");

        detail.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(3);
        detail.History().Select(h => h.To).ShouldBe(["queued", "sending", "queued", "sending", "queued", "sending", "sent"]);
        detail.GetProperty("history")[2].Str("detail")!.ShouldContain("451 4.3.0");
        host.Transport.To(email).Count(m => m.Subject == "Order A-1").ShouldBe(3); // two refused hand-overs, one accepted
        host.Transport.CallsTo(email).ShouldBe(3);
    }

    [Fact]
    public async Task A_permanent_failure_fails_at_once_without_a_retry()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("gone");
        host.Transport.Script(email, _ => SendOutcome.Permanent);

        var detail = await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId(), "failed");

        detail.GetProperty("delivery").Str("lastError").ShouldBe("550 5.1.1 No such user");
        detail.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(1);
        await Task.Delay(500);
        host.Transport.CallsTo(email).ShouldBe(1);
    }

    [Fact]
    public async Task Exhausted_retries_make_a_dead_delivery_that_a_redrive_sends()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("down");
        var serverUp = false;
        host.Transport.Script(email, _ => Volatile.Read(ref serverUp) ? SendOutcome.Sent : SendOutcome.Transient);

        var id = (await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId();
        var dead = await tenant.Client.WaitForStatusAsync(id, "dead");
        dead.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(3);
        host.Transport.CallsTo(email).ShouldBe(3);

        Volatile.Write(ref serverUp, true);
        var redriven = await tenant.Client.PostAsync($"/api/v1/deliveries/{id}/redrive", null);
        redriven.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await redriven.JsonAsync()).GetProperty("attempts").GetInt32().ShouldBe(0);
        var sent = await tenant.Client.WaitForStatusAsync(id, "sent");
        sent.History().ShouldContain(("dead", "queued"));
        host.Transport.CallsTo(email).ShouldBe(4);
        var audit = await tenant.Client.GetJsonAsync("/api/v1/audit?action=delivery.redriven");
        audit.Items().ShouldContain(a => a.Str("entityId") == id.ToString());
    }

    [Fact]
    public async Task Only_dead_or_failed_deliveries_can_be_redriven()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.SendOneAsync("transactional", new { email = UniqueEmail("fine") })).DeliveryId();
        await tenant.Client.WaitForStatusAsync(id, "sent");
        await (await tenant.Client.PostAsync($"/api/v1/deliveries/{id}/redrive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Client.PostAsync($"/api/v1/deliveries/{Guid.NewGuid()}/redrive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bulk_redrive_puts_every_matching_dead_delivery_back_and_says_how_many()
    {
        var tenant = await host.NewTenantAsync();
        var up = false;
        var emails = Enumerable.Range(0, 3).Select(i => UniqueEmail($"bulk{i}")).ToList();
        foreach (var e in emails) host.Transport.Script(e, _ => Volatile.Read(ref up) ? SendOutcome.Sent : SendOutcome.Transient);
        var ids = new List<Guid>();
        foreach (var e in emails) ids.Add((await tenant.Client.SendOneAsync("transactional", new { email = e })).DeliveryId());
        foreach (var id in ids) await tenant.Client.WaitForStatusAsync(id, "dead");

        Volatile.Write(ref up, true);
        await (await tenant.Client.PostJsonAsync("/api/v1/deliveries/redrive", new { status = "failed" })).ShouldBeValidationProblemAsync("status");
        var response = await tenant.Client.PostJsonAsync("/api/v1/deliveries/redrive", new { category = "transactional" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("redriven").GetInt32().ShouldBe(3);
        foreach (var id in ids) await tenant.Client.WaitForStatusAsync(id, "sent");
        (await (await tenant.Client.PostJsonAsync("/api/v1/deliveries/redrive", new { })).JsonAsync()).GetProperty("redriven").GetInt32().ShouldBe(0);
    }
}
