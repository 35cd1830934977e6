using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>The host on a clock the test moves: 23:00 in Bucharest (20:00 UTC), inside quiet hours 21:00–08:00.</summary>
public sealed class QuietHoursHost : DeliveryHost
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero));

    protected override void Register(IServiceCollection services)
    {
        base.Register(services);
        services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>Marketing in the contact's night is held, not dropped, and goes out when the window opens — after the policies are checked again.</summary>
public sealed class QuietHoursTests(QuietHoursHost host) : IClassFixture<QuietHoursHost>
{
    [Fact]
    public async Task Marketing_in_quiet_hours_is_held_until_morning_in_the_contacts_zone_then_sent()
    {
        var tenant = await host.NewTenantAsync();
        await QuietNightsAsync(tenant);
        var email = UniqueEmail("night");
        var contact = await tenant.Client.OptedInContactAsync(email, new { email, timezone = "Europe/Bucharest" });
        var receipt = await tenant.Client.SendOneAsync("transactional", new { contactId = contact });

        var message = await tenant.Client.SendOneAsync("marketing", new { contactId = contact });

        message.Str("status").ShouldBe("queued");
        var morning = new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(3));
        message.GetProperty("heldUntil").GetDateTimeOffset().ShouldBe(morning);
        await tenant.Client.WaitForStatusAsync(receipt.DeliveryId(), "sent"); // transactional mail is never held
        await Task.Delay(500);
        (await tenant.Client.DeliveryAsync(message.DeliveryId())).Status().ShouldBe("queued");
        host.Transport.CallsTo(email).ShouldBe(1);

        host.Clock.Set(morning.AddSeconds(1));
        var sent = await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "sent");
        sent.GetProperty("history")[0].Str("detail")!.ShouldContain("Held for quiet hours");
        host.Transport.CallsTo(email).ShouldBe(2);
        host.Clock.Set(new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_contact_who_unsubscribes_while_a_message_is_held_does_not_get_it()
    {
        var tenant = await host.NewTenantAsync();
        await QuietNightsAsync(tenant);
        var email = UniqueEmail("changed-mind");
        var contact = await tenant.Client.OptedInContactAsync(email, new { email, timezone = "Europe/Bucharest" });
        var message = await tenant.Client.SendOneAsync("marketing", new { contactId = contact });
        message.Str("status").ShouldBe("queued");

        await tenant.Client.PutConsentAsync(contact, new { channel = "email", status = "opted_out", source = "unsubscribe_link" });
        host.Clock.Set(message.GetProperty("heldUntil").GetDateTimeOffset().AddSeconds(1));

        var detail = await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "suppressed");
        detail.GetProperty("delivery").Str("reason").ShouldBe("unsubscribed");
        detail.History().ShouldBe([(null, "queued"), ("queued", "sending"), ("sending", "suppressed")]);
        host.Transport.CallsTo(email).ShouldBe(0);
        host.Clock.Set(new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_frequency_cap_is_checked_again_when_held_messages_are_released()
    {
        var tenant = await host.NewTenantAsync();
        await QuietNightsAsync(tenant);
        var email = UniqueEmail("held-cap");
        var contact = await tenant.Client.OptedInContactAsync(email);
        var held = new List<Guid>();
        for (var i = 0; i < 3; i++) held.Add((await tenant.Client.SendOneAsync("marketing", new { contactId = contact })).DeliveryId());
        // The cap arrives while the three wait for the morning: only two may go.
        (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { frequencyCap = new { maxMessages = 2, windowHours = 24 }, quietHours = new { start = "21:00", end = "08:00" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Clock.Set(new DateTimeOffset(2026, 6, 11, 5, 0, 1, TimeSpan.Zero));

        var final = new List<string>();
        foreach (var id in held) final.Add((await tenant.Client.WaitForStatusAsync(id, "sent", "suppressed")).Status());
        final.Order().ShouldBe(["sent", "sent", "suppressed"]);
        host.Transport.CallsTo(email).ShouldBe(2);
        host.Clock.Set(new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_contact_without_a_zone_is_held_by_the_tenants_zone()
    {
        var tenant = await host.NewTenantAsync(); // tenants are created in Europe/Bucharest
        await QuietNightsAsync(tenant);
        var contact = await tenant.Client.OptedInContactAsync(UniqueEmail("nozone"));
        var message = await tenant.Client.SendOneAsync("marketing", new { contactId = contact });
        message.GetProperty("heldUntil").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(3)));
    }

    private static async Task QuietNightsAsync(TenantSession tenant) =>
        (await tenant.Client.PutJsonAsync("/api/v1/deliveries/policies", new { quietHours = new { start = "21:00", end = "08:00" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
}
