using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Content;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>The whole stack with nothing stood in: real templates, the tenant's SMTP settings, the SMTP client, and an independent SMTP server.</summary>
public class SmtpDeliveryHost : BrandHubHost
{
    public SmtpPeer Smtp { get; private set; } = null!;

    public SmtpDeliveryHost()
    {
        Settings["BrandHub:Delivery:PollSeconds"] = "0.05";
        Settings["BrandHub:Delivery:RetryBaseSeconds"] = "0.05";
        Settings["BrandHub:Delivery:RetryMaxSeconds"] = "0.2";
        Settings["BrandHub:Delivery:CircuitFailureThreshold"] = "1000";
        Settings["BrandHub:PublicBaseUrl"] = "https://links.brandhub.test";
    }

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpPeer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public async Task UseSmtpAsync(TenantSession tenant)
    {
        var response = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = Smtp.Host, port = Smtp.Port, security = "none", fromEmail = "news@shop.example", fromName = "Shop News",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

public sealed class EndToEndTests(SmtpDeliveryHost host) : IClassFixture<SmtpDeliveryHost>
{
    [Fact]
    public async Task A_templated_marketing_message_arrives_at_the_smtp_server_with_one_click_unsubscribe()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var template = await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation());
        var email = UniqueEmail("e2e");
        await tenant.Client.OptedInContactAsync(email, new { email, firstName = "Ana" });

        var message = (await tenant.Client.SendAsync(new
        {
            channel = "email", category = "marketing", recipients = new[] { new { email } }, templateId = template.Id(),
            data = new { order = new { number = "RO-77" } }, idempotencyKey = "e2e-1",
        })).Single();

        var detail = await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "sent", "failed", "dead");
        detail.Status().ShouldBe("sent", detail.ToString());
        var received = (await host.Smtp.WaitForMessagesAsync(1)).Single(m => m.Recipients.Contains(email));
        var read = await MessageInspector.InspectAsync(received.Data);
        read.Header("Subject").ShouldBe("Order RO-77 confirmed");
        read.Header("List-Unsubscribe-Post").ShouldBe("List-Unsubscribe=One-Click");
        read.Header("List-Unsubscribe")!.ShouldContain("<https://links.brandhub.test/u/");
        var html = read.Parts.Single(p => p.ContentType == "text/html").Content!;
        html.ShouldContain("Hi Ana");
        html.ShouldContain("https://links.brandhub.test/t/c/");   // the shop link is tracked
        html.ShouldContain("https://links.brandhub.test/t/o/");   // and the open pixel is there
        html.ShouldNotContain("href=\"https://shop.example/orders");

        // The tracked link leads to the shop page with the channel and campaign tagged for attribution.
        var token = System.Text.RegularExpressions.Regex.Match(html, "https://links.brandhub.test/t/c/([A-Za-z0-9_.-]+)").Groups[1].Value;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36");
        var click = await browser.GetAsync($"/t/c/{token}");
        click.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        click.Headers.Location!.ToString().ShouldStartWith("https://shop.example/");
        click.Headers.Location!.Query.ShouldContain("utm_source=brandhub&utm_medium=email&utm_campaign=order-confirmation");
    }

    [Fact]
    public async Task A_server_refusing_for_a_while_then_recovering_delivers_each_message_once()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        await host.Smtp.FailNextTransactionsAsync(3, 451);
        var emails = Enumerable.Range(0, 5).Select(i => UniqueEmail($"flaky{i}")).ToList();

        var messages = await tenant.Client.SendAsync(new { channel = "email", category = "transactional", recipients = emails.Select(e => new { email = e }), content = Email(), data = new { order = "X" } });

        foreach (var m in messages) (await tenant.Client.WaitForStatusAsync(m.DeliveryId(), "sent", "failed", "dead")).Status().ShouldBe("sent");
        await host.Smtp.BehaveAsync();
        foreach (var e in emails) host.Smtp.Messages.Count(m => m.Recipients.Contains(e)).ShouldBe(1, e);
    }

    [Fact]
    public async Task Provider_down_longer_than_the_retry_budget_goes_dead_then_redrive_delivers()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var email = UniqueEmail("down");
        var budget = host.App.Services.GetRequiredService<BrandHub.Modules.Delivery.DeliveryOptions>().MaxAttempts;

        Guid id;
        System.Text.Json.JsonElement dead;
        await host.Smtp.StopAsync();
        try
        {
            id = (await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId();
            dead = await tenant.Client.WaitForStatusAsync(id, "dead", "sent", "failed");
        }
        finally
        {
            await host.Smtp.StartAsync();
        }
        dead.Status().ShouldBe("dead", dead.ToString());
        dead.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(budget);
        dead.GetProperty("delivery").Str("lastError").ShouldNotBeNullOrEmpty();
        host.Smtp.Messages.ShouldNotContain(m => m.Recipients.Contains(email));

        var redriven = await tenant.Client.PostAsync($"/api/v1/deliveries/{id}/redrive", null);
        redriven.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = await tenant.Client.WaitForStatusAsync(id, "sent", "dead", "failed");
        sent.Status().ShouldBe("sent", sent.ToString());
        sent.History().ShouldContain(("dead", "queued"));
        var received = host.Smtp.Messages.Where(m => m.Recipients.Contains(email)).ToList();
        received.Count.ShouldBe(1);
        received[0].Text.ShouldContain($"<{id:N}@shop.example>");
    }

    [Fact]
    public async Task A_refused_recipient_fails_without_a_retry()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var email = UniqueEmail("nouser");
        await host.Smtp.RejectRecipientAsync(email, 550);

        var detail = await tenant.Client.WaitForStatusAsync((await tenant.Client.SendOneAsync("transactional", new { email })).DeliveryId(), "failed", "sent", "dead");

        detail.Status().ShouldBe("failed");
        detail.GetProperty("delivery").GetProperty("attempts").GetInt32().ShouldBe(1);
        detail.GetProperty("delivery").Str("lastError")!.ShouldContain("550");
        await host.Smtp.BehaveAsync();
    }
}
