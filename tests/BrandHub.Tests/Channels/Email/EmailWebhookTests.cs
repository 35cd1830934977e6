using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Channels.Email;

/// <summary>
/// The HTTP provider's event webhook: nothing happens unless the signature verifies, is fresh and is used once;
/// events reach the delivery engine with their own timestamps so late and duplicated ones cannot move a delivery back.
/// </summary>
public sealed class EmailWebhookTests(EmailHost host) : IClassFixture<EmailHost>
{
    private static string Url(Guid tenantId) => $"/api/v1/webhooks/email/{tenantId}";

    [Fact]
    public async Task A_signed_delivered_event_reaches_the_delivery_in_the_tenant_of_the_url()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var delivery = Guid.CreateVersion7();
        var at = host.Clock.GetUtcNow().AddSeconds(-30);

        var response = await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, host.Clock.GetUtcNow(), "delivered", delivery, at,
            messageId: "20250301.777@mg.shop.example"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).Str("status").ShouldBe("recorded");
        var recorded = host.Events.ForDelivery(delivery).Single();
        recorded.TenantId.ShouldBe(tenant.TenantId);
        (recorded.Event.Status, recorded.Event.ProviderMessageId, recorded.Event.At).ShouldBe(("delivered", "20250301.777@mg.shop.example", DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds())));
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant);
        var delivery = Guid.CreateVersion7();
        var now = host.Clock.GetUtcNow();

        var forged = await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body("not-the-key", now, "complained", delivery, now));
        var unsigned = await host.Anonymous().PostRawAsync(Url(tenant.TenantId), """{"event-data":{"event":"complained","user-variables":{"delivery-id":"%ID%"}}}""".Replace("%ID%", delivery.ToString()));
        var garbage = await host.Anonymous().PostRawAsync(Url(tenant.TenantId), """{"signature":{"timestamp":"1","token":"t","signature":"zz"}}""");

        await forged.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await unsigned.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await garbage.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.Events.For(delivery).ShouldBeEmpty();
        await using var conn = await host.OpenAsync();
        (await conn.ScalarAsync<long>("SELECT COUNT(*) FROM email_webhook_tokens WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_signed_with_another_tenants_key_is_refused()
    {
        var victim = await host.NewTenantAsync();
        var attacker = await host.NewTenantAsync();
        await host.UseMailgunAsync(victim, signingKey: "victim-key");
        var attackerKey = await host.UseMailgunAsync(attacker, signingKey: "attacker-key");
        var delivery = Guid.CreateVersion7();
        var now = host.Clock.GetUtcNow();

        await (await host.Anonymous().PostJsonAsync(Url(victim.TenantId), MailgunWebhooks.Body(attackerKey, now, "complained", delivery, now)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unconfigured = await host.NewTenantAsync();
        await (await host.Anonymous().PostJsonAsync(Url(unconfigured.TenantId), MailgunWebhooks.Body(attackerKey, now, "complained", delivery, now)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_timestamp_is_refused_even_when_correctly_signed()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var delivery = Guid.CreateVersion7();
        var old = host.Clock.GetUtcNow().AddMinutes(-16);

        await (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, old, "delivered", delivery, old)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var future = host.Clock.GetUtcNow().AddMinutes(16);
        await (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, future, "delivered", delivery, future)))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.Events.For(delivery).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_replayed_token_is_acted_on_once_even_with_other_event_data()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var delivery = Guid.CreateVersion7();
        var now = host.Clock.GetUtcNow();
        var body = MailgunWebhooks.Body(key, now, "delivered", delivery, now, token: "tok" + Guid.NewGuid().ToString("N"));

        (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var retry = await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), body);
        var tampered = await host.Anonymous().PostRawAsync(Url(tenant.TenantId), MailgunWebhooks.WithEvent(body, "complained"));

        retry.StatusCode.ShouldBe(HttpStatusCode.OK); // the provider retrying: acknowledged, not repeated
        (await retry.JsonAsync()).Str("status").ShouldBe("duplicate");
        (await tampered.JsonAsync()).Str("status").ShouldBe("duplicate");
        host.Events.For(delivery).Select(e => e.Status).ShouldBe(["delivered"]);
    }

    [Fact]
    public async Task Provider_events_map_to_delivery_statuses()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var now = host.Clock.GetUtcNow();
        async Task<Guid> Post(string name, string? severity = null, string? url = null)
        {
            var delivery = Guid.CreateVersion7();
            (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, now, name, delivery, now, severity, url: url))).StatusCode.ShouldBe(HttpStatusCode.OK);
            return delivery;
        }

        var bounced = host.Events.For(await Post("failed", "permanent")).Single();
        (bounced.Status, bounced.Permanent).ShouldBe(("bounced", true));
        host.Events.For(await Post("failed", "temporary")).ShouldBeEmpty(); // the provider is still retrying
        host.Events.For(await Post("complained")).Single().Status.ShouldBe("complained");
        host.Events.For(await Post("opened")).Single().Status.ShouldBe("opened");
        var clicked = host.Events.For(await Post("clicked", url: "https://shop.example/sale")).Single();
        (clicked.Status, clicked.Detail).ShouldBe(("clicked", "https://shop.example/sale"));
        host.Events.For(await Post("stored")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Duplicated_and_out_of_order_events_reach_the_engine_with_their_own_times()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var delivery = Guid.CreateVersion7();
        var sent = host.Clock.GetUtcNow().AddMinutes(-10);

        // The open arrives first, the delivery receipt (which happened earlier) after it, then the same receipt again
        // under a new token — Mailgun can emit an event twice. The engine applies them by status rank and time.
        foreach (var (name, at) in new[] { ("opened", sent.AddMinutes(5)), ("delivered", sent.AddSeconds(3)), ("delivered", sent.AddSeconds(3)) })
            (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, host.Clock.GetUtcNow(), name, delivery, at))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var events = host.Events.For(delivery);
        events.Select(e => e.Status).ShouldBe(["opened", "delivered", "delivered"]);
        events[0].At.ShouldBeGreaterThan(events[1].At);
        events[1].ShouldBe(events[2]); // identical events: the engine's idempotency makes the second a no-op
    }

    [Fact]
    public async Task A_provider_unsubscribe_withdraws_email_consent()
    {
        var tenant = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(tenant);
        var email = $"leaving.{Guid.NewGuid():N}@example.com";
        var contact = await tenant.Client.CreateContactIdAsync(new { email });
        await tenant.Client.PutConsentAsync(contact, AudienceApi.OptIn("email"));
        var delivery = Guid.CreateVersion7();
        var now = host.Clock.GetUtcNow();

        (await host.Anonymous().PostJsonAsync(Url(tenant.TenantId), MailgunWebhooks.Body(key, now, "unsubscribed", delivery, now, recipient: email)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var consents = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{contact}/consents");
        var channel = consents.GetProperty("channels").EnumerateArray().Single(c => c.Str("channel") == "email");
        (channel.Str("status"), channel.Str("source")).ShouldBe(("opted_out", "provider_unsubscribe"));
        channel.GetProperty("proof").Str("reference").ShouldBe(delivery.ToString());
    }
}
