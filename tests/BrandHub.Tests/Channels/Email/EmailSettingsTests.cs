using System.Text.Json;
using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Channels.Email;

/// <summary>The tenant's sender configuration: validated, secrets encrypted at rest and never shown again.</summary>
public sealed class EmailSettingsTests(EmailHost host) : IClassFixture<EmailHost>
{
    private const string Password = "smtp-Pa55word-never-shown";

    private static object Smtp(string? password = Password) => new
    {
        provider = "smtp", host = "smtp.shop.example", port = 587, security = "starttls", username = "mailer", password,
        fromEmail = "news@shop.example", fromName = "Shop News", replyTo = "care@shop.example",
    };

    [Fact]
    public async Task Smtp_settings_round_trip_without_the_password()
    {
        var tenant = await host.NewTenantAsync();

        var put = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", Smtp());
        var saved = await put.JsonAsync();
        put.StatusCode.ShouldBe(HttpStatusCode.OK, saved.ToString());
        var get = await tenant.Client.GetAsync("/api/v1/channels/email/settings");
        var read = await get.Content.ReadAsStringAsync();

        foreach (var view in new[] { saved, JsonDocument.Parse(read).RootElement })
        {
            (view.Str("provider"), view.Str("host"), view.GetProperty("port").GetInt32(), view.Str("security")).ShouldBe(("smtp", "smtp.shop.example", 587, "starttls"));
            (view.Str("username"), view.Str("fromEmail"), view.Str("fromName"), view.Str("replyTo")).ShouldBe(("mailer", "news@shop.example", "Shop News", "care@shop.example"));
            view.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
            view.TryGetProperty("password", out _).ShouldBeFalse();
            view.Str("webhookUrl").ShouldBe($"https://links.brandhub.test/api/v1/webhooks/email/{tenant.TenantId}");
        }
        read.ShouldNotContain(Password);
        (await put.Content.ReadAsStringAsync()).ShouldNotContain(Password);
    }

    [Fact]
    public async Task Secrets_are_encrypted_at_rest_and_kept_out_of_the_audit_trail()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant, signingKey: "whsk-audit-test-key");
        (await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", Smtp())).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var conn = await host.OpenAsync();
        var row = (await conn.RowsAsync("SELECT * FROM email_sender_settings WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId))).Single();
        foreach (var column in new[] { "password_encrypted", "api_key_encrypted", "webhook_signing_key_encrypted" })
            ((string)row[column]!).ShouldStartWith("v1:");
        var everything = string.Join("|", row.Values);
        everything.ShouldNotContain(Password);
        everything.ShouldNotContain(MailgunPeer.ApiKey);
        everything.ShouldNotContain("whsk-audit-test-key");

        var audit = await conn.RowsAsync("SELECT action, before_json, after_json FROM audit_entries e JOIN audit_payloads p ON p.tenant_id = e.tenant_id AND p.sequence = e.sequence WHERE e.tenant_id = @p0 AND e.entity_type = 'email_sender'", RawSql.Id(tenant.TenantId));
        audit.Select(a => (string)a["action"]!).ShouldBe(["channel.email.configured", "channel.email.changed"]);
        var payloads = string.Join("|", audit.SelectMany(a => new[] { a["before_json"], a["after_json"] }));
        payloads.ShouldContain("\"hasPassword\":true");
        payloads.ShouldNotContain(Password);
        payloads.ShouldNotContain(MailgunPeer.ApiKey);
        payloads.ShouldNotContain("whsk-audit-test-key");
    }

    [Fact]
    public async Task An_omitted_secret_keeps_the_stored_one_and_an_empty_one_clears_it()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", Smtp())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SenderAsync(tenant.TenantId))!.Smtp!.Password.ShouldBe(Password);

        var edit = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = "smtp2.shop.example", security = "tls", username = "mailer", fromEmail = "news@shop.example",
        });
        (await edit.JsonAsync()).GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        var sender = await SenderAsync(tenant.TenantId);
        (sender!.Smtp!.Host, sender.Smtp.Port, sender.Smtp.Security, sender.Smtp.Password).ShouldBe(("smtp2.shop.example", 465, "tls", Password));

        var cleared = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = "smtp2.shop.example", password = "", fromEmail = "news@shop.example",
        });
        (await cleared.JsonAsync()).GetProperty("hasPassword").GetBoolean().ShouldBeFalse();
        (await SenderAsync(tenant.TenantId))!.Smtp!.Password.ShouldBeNull();
    }

    [Fact]
    public async Task The_dispatcher_sees_a_change_at_once_on_this_node()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", Smtp())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SenderAsync(tenant.TenantId))!.Provider.ShouldBe("smtp"); // now cached

        await host.UseMailgunAsync(tenant);

        var sender = await SenderAsync(tenant.TenantId);
        sender!.Provider.ShouldBe("http");
        (sender.Http!.BaseUrl, sender.Http.Domain, sender.Http.ApiKey).ShouldBe((host.Mailgun.BaseUrl.TrimEnd('/'), "mg.shop.example", MailgunPeer.ApiKey));
        sender.Smtp.ShouldBeNull();
    }

    [Fact]
    public async Task Invalid_settings_are_field_errors_and_store_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var settings = "/api/v1/channels/email/settings";

        await (await tenant.Client.PutJsonAsync(settings, new { provider = "fax", fromEmail = "not-an-address" }))
            .ShouldBeValidationProblemAsync("provider", "fromEmail");
        await (await tenant.Client.PutJsonAsync(settings, new { provider = "smtp", fromEmail = "a@shop.example", port = 70000, security = "ssl", username = "u", fromName = "Line\r\nBcc: x" }))
            .ShouldBeValidationProblemAsync("host", "port", "security", "password", "fromName");
        await (await tenant.Client.PutJsonAsync(settings, new { provider = "http", fromEmail = "a@shop.example", baseUrl = "http://api.mailgun.net", domain = "not a domain" }))
            .ShouldBeValidationProblemAsync("baseUrl", "domain", "apiKey");
        await (await tenant.Client.SendJsonAsync(HttpMethod.Put, settings, """{"provider":"smtp","host":"h.example","port":"25","fromEmail":"a@shop.example","maxConnections":0}"""))
            .ShouldBeValidationProblemAsync("port");
        await (await tenant.Client.PutJsonAsync(settings, new { provider = "smtp", host = "h.example", fromEmail = "a@shop.example", maxConnections = 0, messagesPerSecond = -1 }))
            .ShouldBeValidationProblemAsync("maxConnections", "messagesPerSecond");

        await (await tenant.Client.GetAsync(settings)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_tenant_never_sees_the_settings()
    {
        var owner = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        (await owner.Client.PutJsonAsync("/api/v1/channels/email/settings", Smtp())).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await other.Client.GetAsync("/api/v1/channels/email/settings")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await host.Anonymous().GetAsync("/api/v1/channels/email/settings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await SenderAsync(other.TenantId)).ShouldBeNull();
    }

    [PostgresFact]
    public async Task Row_level_security_hides_sender_settings_and_webhook_tokens_of_other_tenants()
    {
        var a = await host.NewTenantAsync();
        var b = await host.NewTenantAsync();
        var key = await host.UseMailgunAsync(a);
        await host.UseMailgunAsync(b);
        var now = host.Clock.GetUtcNow();
        (await host.Anonymous().PostJsonAsync($"/api/v1/webhooks/email/{a.TenantId}", MailgunWebhooks.Body(key, now, "delivered", Guid.NewGuid(), now)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var noTenant = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await noTenant.OpenAsync();
        await using var inB = await host.OpenAsync(bypassRls: false, tenantId: b.TenantId);
        foreach (var table in new[] { "email_sender_settings", "email_webhook_tokens" })
        {
            (await noTenant.ScalarAsync<long>($"SELECT count(*) FROM {table}")).ShouldBe(0, table);
            (await inB.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @p0", a.TenantId)).ShouldBe(0, table);
        }
        (await inB.ScalarAsync<long>("SELECT count(*) FROM email_sender_settings")).ShouldBe(1);
    }

    private async Task<EmailSender?> SenderAsync(Guid tenantId)
    {
        var (scope, _) = host.Database(tenantId);
        using var _s = scope;
        return await scope.ServiceProvider.GetRequiredService<IEmailSenders>().FindAsync(CancellationToken.None);
    }
}
