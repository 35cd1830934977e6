using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Channels.Email;

/// <summary>"Send test": one email through the configured provider now, with the provider's own words when it fails.</summary>
public sealed class TestEmailTests(EmailHost host) : IClassFixture<EmailHost>
{
    [Fact]
    public async Task A_test_email_goes_through_the_configured_provider()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant);
        var to = $"me.{Guid.NewGuid():N}@shop.example";

        var response = await tenant.Client.PostJsonAsync("/api/v1/channels/email/test", new { to });
        var result = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.GetProperty("sent").GetBoolean().ShouldBeTrue();
        (result.Str("provider"), result.Str("outcome")).ShouldBe(("http", "sent"));
        result.Str("providerMessageId").ShouldNotBeNullOrEmpty();
        var seen = host.Mailgun.Messages.Single(m => m.Fields["to"] == to);
        (seen.Fields["from"], seen.Fields["subject"]).ShouldBe(("\"Shop News\" <news@shop.example>", "BrandHub test email"));
    }

    [Fact]
    public async Task A_refused_test_email_is_a_422_with_the_providers_reply()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant);

        var problem = await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/test", new { to = "reject@shop.example" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem.Str("detail").ShouldBe("HTTP 400: 'to' parameter is not a valid address. please check documentation");
        (problem.Str("provider"), problem.Str("outcome")).ShouldBe(("http", "permanent"));
    }

    [Fact]
    public async Task A_test_needs_a_valid_address_and_a_configured_sender()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/test", new { to = "me@shop.example" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await host.UseMailgunAsync(tenant);
        await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/test", new { to = "nope" })).ShouldBeValidationProblemAsync("to");
    }
}
