using System.Text.Json;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Consent per channel with its evidence, an append-only history, and the global unsubscribe.</summary>
public sealed class ConsentTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task An_opt_in_is_recorded_with_its_source_legal_basis_and_proof()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "optin@consent.test" });

        var view = await tenant.Client.PutConsentAsync(id, new
        {
            channel = "email", status = "opted_in", source = "signup_form", legalBasis = "consent",
            proof = new { ip = "203.0.113.7", userAgent = "Mozilla/5.0", reference = "form-42" },
        });

        var email = Channel(view, "email");
        (email.Str("status"), email.Str("source"), email.Str("legalBasis")).ShouldBe(("opted_in", "signup_form", "consent"));
        var proof = email.GetProperty("proof");
        (proof.Str("ip"), proof.Str("userAgent"), proof.Str("reference")).ShouldBe(("203.0.113.7", "Mozilla/5.0", "form-42"));
        email.GetProperty("updatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        Channel(view, "sms").Str("status").ShouldBe("unknown");
        var entry = view.GetProperty("history").EnumerateArray().Single();
        (entry.Str("channel"), entry.Str("status"), entry.Str("legalBasis")).ShouldBe(("email", "opted_in", "consent"));
        entry.GetProperty("proof").Str("reference").ShouldBe("form-42");
        entry.Str("actor").ShouldStartWith("user:");
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).GetProperty("consents").GetProperty("email").GetString().ShouldBe("opted_in");
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}/consents")).ToString().ShouldBe(view.ToString());
    }

    [Fact]
    public async Task Two_changes_leave_two_history_entries_newest_first()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "history@consent.test" });

        await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("sms"));
        await tenant.Client.PutConsentAsync(id, new { channel = "sms", status = "opted_out", source = "reply_stop" });

        var view = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}/consents");
        Channel(view, "sms").Str("status").ShouldBe("opted_out");
        view.GetProperty("history").EnumerateArray().Select(h => h.Str("status")).ShouldBe(["opted_out", "opted_in"]);
        (await ConsentEventsAsync(tenant.TenantId, id)).ShouldBe(2);
    }

    [Fact]
    public async Task Repeating_the_same_decision_adds_no_history()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "same@consent.test" });

        await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("email"));
        var again = await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("email"));

        again.GetProperty("history").GetArrayLength().ShouldBe(1);
        (await ConsentEventsAsync(tenant.TenantId, id)).ShouldBe(1);
    }

    [Fact]
    public async Task An_opt_in_without_a_legal_basis_is_refused_and_nothing_is_recorded()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "nobasis@consent.test" });

        var response = await tenant.Client.PutJsonAsync($"/api/v1/contacts/{id}/consents", new { channel = "email", status = "opted_in", source = "signup_form" });

        await response.ShouldBeValidationProblemAsync("legalBasis");
        (await ConsentEventsAsync(tenant.TenantId, id)).ShouldBe(0);
        Channel(await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}/consents"), "email").Str("status").ShouldBe("unknown");
    }

    [Fact]
    public async Task An_opt_in_on_consent_without_proof_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "noproof@consent.test" });

        var response = await tenant.Client.PutJsonAsync($"/api/v1/contacts/{id}/consents", new { channel = "whatsapp", status = "opted_in", source = "chat", legalBasis = "consent" });

        await response.ShouldBeValidationProblemAsync("proof");
        (await ConsentEventsAsync(tenant.TenantId, id)).ShouldBe(0);
    }

    [Fact]
    public async Task An_opt_in_on_legitimate_interest_needs_no_proof()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "li@consent.test" });

        var view = await tenant.Client.PutConsentAsync(id, new { channel = "email", status = "opted_in", source = "existing_customer", legalBasis = "legitimate_interest" });

        Channel(view, "email").GetProperty("proof").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"channel":"fax","status":"opted_out","source":"x"}""", "channel")]
    [InlineData("""{"channel":"email","status":"maybe","source":"x"}""", "status")]
    [InlineData("""{"channel":"email","status":"opted_out"}""", "source")]
    [InlineData("""{"channel":"email","status":"opted_in","source":"x","legalBasis":"because"}""", "legalBasis")]
    [InlineData("""{"channel":"email","status":"opted_in","source":"x","legalBasis":"consent","proof":{"ip":"999.1.1.1"}}""", "proof.ip")]
    [InlineData("""{"channel":"profiling","status":"opted_in","source":"x","legalBasis":"contract"}""", "legalBasis")]
    public async Task An_invalid_consent_change_names_the_offending_field(string body, string field)
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "fields@consent.test" });

        await (await tenant.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/contacts/{id}/consents", body)).ShouldBeValidationProblemAsync(field);
        (await ConsentEventsAsync(tenant.TenantId, id)).ShouldBe(0);
    }

    [Fact]
    public async Task Global_unsubscribe_can_be_set_and_lifted_and_both_are_in_the_history()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "global@consent.test" });
        await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("email"));

        var on = await (await tenant.Client.PostJsonAsync($"/api/v1/contacts/{id}/global-unsubscribe", new { source = "preference_centre" })).JsonAsync();
        on.GetProperty("globalUnsubscribe").GetBoolean().ShouldBeTrue();
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).GetProperty("globalUnsubscribe").GetBoolean().ShouldBeTrue();
        Channel(on, "email").Str("status").ShouldBe("opted_in"); // per-channel consent is kept, the global block wins

        var again = await (await tenant.Client.PostJsonAsync($"/api/v1/contacts/{id}/global-unsubscribe", new { source = "preference_centre" })).JsonAsync();
        again.GetProperty("history").GetArrayLength().ShouldBe(2); // idempotent

        var off = await (await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}/global-unsubscribe")).JsonAsync();
        off.GetProperty("globalUnsubscribe").GetBoolean().ShouldBeFalse();
        off.GetProperty("history").EnumerateArray().Select(h => $"{h.Str("channel")}:{h.Str("status")}")
            .ShouldBe(["all:resubscribed", "all:unsubscribed", "email:opted_in"]);
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).GetProperty("globalUnsubscribe").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_timeline_shows_consent_events_newest_first()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "timeline@consent.test" });
        await tenant.Client.PutConsentAsync(id, AudienceApi.OptIn("email"));
        await tenant.Client.PutConsentAsync(id, new { channel = "email", status = "opted_out", source = "unsubscribe_link" });

        var timeline = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}/timeline");

        timeline.Items().Select(e => e.Str("kind")).ShouldBe(["consent.changed", "consent.changed", "contact.created"]);
        timeline.Items()[0].Str("summary").ShouldBe("email: opted_out");
        timeline.Items()[0].GetProperty("data").Str("status").ShouldBe("opted_out");
        timeline.Total().ShouldBe(3);
    }

    [Fact]
    public async Task Consent_of_a_contact_that_does_not_exist_is_a_404_problem()
    {
        var tenant = await host.NewTenantAsync();
        var missing = Guid.NewGuid();
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{missing}/consents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.PutJsonAsync($"/api/v1/contacts/{missing}/consents", AudienceApi.OptIn("email"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.PostJsonAsync($"/api/v1/contacts/{missing}/global-unsubscribe", new { source = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static JsonElement Channel(JsonElement view, string channel) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.Str("channel") == channel);

    private async Task<int> ConsentEventsAsync(Guid tenantId, Guid contactId)
    {
        var (scope, db) = host.Database(tenantId);
        using var _ = scope;
        return await db.Set<ConsentEvent>().CountAsync(e => e.ContactId == contactId);
    }
}
