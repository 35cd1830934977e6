using System.Security.Cryptography;
using System.Text;
using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Channels.Email;

/// <summary>DKIM keys: generated per tenant, private half encrypted, public half handed out as the DNS record to publish.</summary>
public sealed class DkimKeyTests(EmailHost host) : IClassFixture<EmailHost>
{
    [Fact]
    public async Task A_new_key_comes_with_the_dns_txt_record_to_publish()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant);

        var response = await tenant.Client.PostJsonAsync("/api/v1/channels/email/dkim", new { domain = "Shop.Example", selector = "bh2025" });
        var record = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, record.ToString());

        (record.Str("name"), record.Str("type")).ShouldBe(("bh2025._domainkey.shop.example", "TXT"));
        var value = record.Str("value")!;
        value.ShouldStartWith("v=DKIM1; k=rsa; p=");
        var strings = record.GetProperty("strings").Strings();
        strings.Count.ShouldBeGreaterThan(1); // a 2048-bit key does not fit one 255-byte TXT string
        strings.ShouldAllBe(s => s.Length <= 255);
        string.Concat(strings).ShouldBe(value);
        record.Str("zoneFileLine")!.ShouldStartWith("bh2025._domainkey.shop.example. IN TXT ( \"v=DKIM1; k=rsa; p=");

        using var published = RSA.Create();
        published.ImportSubjectPublicKeyInfo(Convert.FromBase64String(value["v=DKIM1; k=rsa; p=".Length..]), out _);
        published.KeySize.ShouldBe(2048);
        (await tenant.Client.GetJsonAsync("/api/v1/channels/email/dkim")).Str("value").ShouldBe(value);
        (await tenant.Client.GetJsonAsync("/api/v1/channels/email/settings")).GetProperty("dkim").Str("selector").ShouldBe("bh2025");
    }

    [Fact]
    public async Task The_stored_private_key_signs_what_the_published_key_verifies()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseMailgunAsync(tenant);
        var record = await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/dkim", new { domain = "shop.example", selector = "s1" })).JsonAsync();

        var (scope, _) = host.Database(tenant.TenantId);
        EmailSender? sender;
        using (scope) sender = await scope.ServiceProvider.GetRequiredService<IEmailSenders>().FindAsync(CancellationToken.None);
        (sender!.Dkim!.Domain, sender.Dkim.Selector).ShouldBe(("shop.example", "s1"));

        using var signer = RSA.Create();
        signer.ImportFromPem(sender.Dkim.PrivateKeyPem);
        var headers = Encoding.ASCII.GetBytes("from:news@shop.example\r\nsubject:Hello\r\n");
        var signature = signer.SignData(headers, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var verifier = RSA.Create();
        verifier.ImportSubjectPublicKeyInfo(Convert.FromBase64String(record.Str("value")!.Split("p=")[1]), out _);
        verifier.VerifyData(headers, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();

        await using var conn = await host.OpenAsync();
        var stored = await conn.ScalarAsync<string>("SELECT dkim_private_key_encrypted FROM email_sender_settings WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId));
        stored.ShouldStartWith("v1:");
        stored.ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task A_bad_domain_or_selector_is_a_field_error_and_a_key_needs_a_sender_first()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/dkim", new { domain = "shop.example", selector = "s1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await host.UseMailgunAsync(tenant);
        await (await tenant.Client.PostJsonAsync("/api/v1/channels/email/dkim", new { domain = "not a domain", selector = "bad_selector!" }))
            .ShouldBeValidationProblemAsync("domain", "selector");
        await (await tenant.Client.GetAsync("/api/v1/channels/email/dkim")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
