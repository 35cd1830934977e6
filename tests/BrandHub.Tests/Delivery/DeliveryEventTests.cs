using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Delivery;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>What providers and tracking report after the send: applied monotonically and idempotently.</summary>
public sealed class DeliveryEventTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task Duplicated_and_out_of_order_events_end_in_the_right_status_with_one_history_entry_each()
    {
        var (tenant, id, contact, _) = await SentMarketingAsync("engaged");
        var at = DateTimeOffset.UtcNow;

        foreach (var status in new[] { "opened", "delivered", "opened", "clicked", "delivered", "opened" })
            (await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, status, at, status == "clicked" ? "https://shop.example/sale" : null))).ShouldBeTrue();

        var detail = await tenant.Client.DeliveryAsync(id);
        detail.Status().ShouldBe("clicked");
        detail.History().Skip(3).ShouldBe([("sent", "opened"), ("opened", "clicked")]);
        var timeline = await TimelineAsync(tenant.TenantId, contact);
        timeline.Count(k => k == "delivery.opened").ShouldBe(1);
        timeline.Count(k => k == "delivery.clicked").ShouldBe(1);
    }

    [Fact]
    public async Task Events_find_the_delivery_by_the_providers_message_id()
    {
        var (tenant, id, _, _) = await SentMarketingAsync("bypmid");
        (await RecordAsync(tenant.TenantId, new DeliveryEvent(null, $"<{id:N}@test>", "delivered", DateTimeOffset.UtcNow))).ShouldBeTrue();
        (await tenant.Client.DeliveryAsync(id)).Status().ShouldBe("delivered");
        (await RecordAsync(tenant.TenantId, new DeliveryEvent(null, "<unknown@test>", "delivered", DateTimeOffset.UtcNow))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hard_bounce_after_delivery_suppresses_the_address_and_the_next_message_is_blocked()
    {
        var (tenant, id, contact, email) = await SentMarketingAsync("bounce");
        await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "delivered", DateTimeOffset.UtcNow));
        await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "bounced", DateTimeOffset.UtcNow, "550 mailbox gone", Permanent: true));
        await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "bounced", DateTimeOffset.UtcNow, "550 mailbox gone", Permanent: true));

        (await tenant.Client.DeliveryAsync(id)).Status().ShouldBe("bounced");
        var list = await tenant.Client.GetJsonAsync("/api/v1/suppressions");
        var s = list.Items().ShouldHaveSingleItem();
        (s.Str("address"), s.Str("reason")).ShouldBe((email, "hard_bounce"));
        (await TimelineAsync(tenant.TenantId, contact)).ShouldContain("delivery.bounced");
        (await tenant.Client.SendOneAsync("marketing", new { contactId = contact })).Str("reason").ShouldBe("suppressed");
    }

    [Fact]
    public async Task A_soft_bounce_is_history_only_and_a_complaint_suppresses()
    {
        var (tenant, id, _, email) = await SentMarketingAsync("soft");
        await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "bounced", DateTimeOffset.UtcNow, "452 mailbox full", Permanent: false));
        var detail = await tenant.Client.DeliveryAsync(id);
        detail.Status().ShouldBe("sent");
        detail.History().Last().ShouldBe(("sent", "sent"));
        (await tenant.Client.GetJsonAsync("/api/v1/suppressions")).Total().ShouldBe(0);

        await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "complained", DateTimeOffset.UtcNow));
        (await tenant.Client.DeliveryAsync(id)).Status().ShouldBe("complained");
        (await tenant.Client.GetJsonAsync("/api/v1/suppressions")).Items().ShouldHaveSingleItem().Str("reason").ShouldBe("complaint");
    }

    [Fact]
    public async Task An_event_for_a_suppressed_delivery_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.SendOneAsync("marketing", new { email = UniqueEmail("never") })).DeliveryId();
        (await RecordAsync(tenant.TenantId, new DeliveryEvent(id, null, "opened", DateTimeOffset.UtcNow))).ShouldBeTrue();
        (await tenant.Client.DeliveryAsync(id)).History().ShouldBe([(null, "suppressed")]);
    }

    [Fact]
    public async Task Another_tenants_delivery_is_not_found()
    {
        var (_, id, _, _) = await SentMarketingAsync("mine");
        var other = await host.NewTenantAsync();
        (await RecordAsync(other.TenantId, new DeliveryEvent(id, null, "opened", DateTimeOffset.UtcNow))).ShouldBeFalse();
    }

    private async Task<(TenantSession Tenant, Guid Id, Guid Contact, string Email)> SentMarketingAsync(string tag)
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail(tag);
        var contact = await tenant.Client.OptedInContactAsync(email);
        var id = (await tenant.Client.SendOneAsync("marketing", new { contactId = contact })).DeliveryId();
        await tenant.Client.WaitForStatusAsync(id, "sent");
        return (tenant, id, contact, email);
    }

    private async Task<bool> RecordAsync(Guid tenantId, DeliveryEvent e)
    {
        var (scope, _) = host.Database(tenantId);
        using (scope) return await scope.ServiceProvider.GetRequiredService<IDeliveryEvents>().RecordAsync(e, CancellationToken.None);
    }

    private async Task<List<string>> TimelineAsync(Guid tenantId, Guid contact)
    {
        var (scope, db) = host.Database(tenantId);
        using (scope) return await db.Set<TimelineEvent>().Where(t => t.ContactId == contact).Select(t => t.Kind).ToListAsync();
    }
}
