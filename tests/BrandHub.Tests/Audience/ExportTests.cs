using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>GDPR access: everything about one person as one JSON download.</summary>
public sealed class ExportTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_export_holds_the_profile_consents_their_history_and_the_timeline()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "export@me.test", firstName = "Dana", phone = "0740 111 222", tags = new[] { "vip" } });
        await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("email", reference: "form-export"));
        await tenant.Client.PutConsentAsync(id, new { channel = "email", status = "opted_out", source = "unsubscribe_link" });
        await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { city = "Timisoara" });
        await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel = "sms", address = "+40740111222", reason = "complaint" });

        var response = await tenant.Client.GetAsync($"/api/v1/contacts/{id}/export");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var export = await response.JsonAsync();
        var contact = export.GetProperty("contact");
        (contact.Id(), contact.Str("email"), contact.Str("firstName"), contact.Str("city")).ShouldBe((id, "export@me.test", "Dana", "Timisoara"));
        contact.GetProperty("tags").Strings().ShouldBe(["vip"]);
        var consent = export.GetProperty("consents").EnumerateArray().Single();
        (consent.Str("channel"), consent.Str("status")).ShouldBe(("email", "opted_out"));
        export.GetProperty("consentHistory").EnumerateArray().Select(h => h.Str("status")).ShouldBe(["opted_in", "opted_out"]);
        export.GetProperty("consentHistory")[0].GetProperty("proof").Str("reference").ShouldBe("form-export");
        export.GetProperty("timeline").EnumerateArray().Select(e => e.Str("kind"))
            .ShouldBe(["contact.created", "consent.changed", "consent.changed", "contact.updated"]);
        export.GetProperty("suppressions").EnumerateArray().Single().Str("address").ShouldBe("+40740111222");
        export.GetProperty("auditTrail").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task The_export_of_a_contact_that_does_not_exist_is_a_404_problem()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/export")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
