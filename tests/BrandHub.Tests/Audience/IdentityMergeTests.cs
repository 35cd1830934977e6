using BrandHub.Modules.Audience.Contacts;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>A contact arriving with an email, phone or external id already known is the same person: merged, not duplicated.</summary>
public sealed class IdentityMergeTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_same_email_again_merges_into_the_existing_contact_and_fills_its_gaps()
    {
        var tenant = await host.NewTenantAsync();
        var original = await tenant.Client.CreateContactIdAsync(new { email = "elena@merge.test", firstName = "Elena", tags = new[] { "web" } });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = " elena@MERGE.test ", firstName = "Lena", company = "Acme SRL", tags = new[] { "fair" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-BrandHub-Merged").ShouldBe(["true"]);
        var merged = await response.JsonAsync();
        merged.Id().ShouldBe(original);
        merged.Str("firstName").ShouldBe("Elena"); // what it had stays
        merged.Str("company").ShouldBe("Acme SRL"); // what it lacked is filled
        merged.GetProperty("tags").Strings().ShouldBe(["fair", "web"]);
        (await LiveContactsAsync(tenant.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_phone_in_another_format_merges_into_the_existing_contact()
    {
        var tenant = await host.NewTenantAsync();
        var original = await tenant.Client.CreateContactIdAsync(new { phone = "+40 745 123 456", firstName = "Mihai" });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { phone = "0745-123-456", email = "mihai@merge.test" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-BrandHub-Merged").ShouldBe(["true"]);
        var merged = await response.JsonAsync();
        merged.Id().ShouldBe(original);
        merged.Str("email").ShouldBe("mihai@merge.test");
        (await LiveContactsAsync(tenant.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_external_id_merges_even_with_a_different_email()
    {
        var tenant = await host.NewTenantAsync();
        var original = await tenant.Client.CreateContactIdAsync(new { email = "erp1@merge.test", externalIds = new[] { new { source = "erp", externalId = "C-1001" } } });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "other@merge.test", externalIds = new[] { new { source = "ERP", externalId = "C-1001" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-BrandHub-Merged").ShouldBe(["true"]);
        (await response.JsonAsync()).Id().ShouldBe(original);
        (await LiveContactsAsync(tenant.TenantId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_merge_of_an_incoming_record_is_listed_with_its_reason()
    {
        var tenant = await host.NewTenantAsync();
        var original = await tenant.Client.CreateContactIdAsync(new { email = "listed@merge.test" });
        (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "listed@merge.test", city = "Sibiu" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var merges = await tenant.Client.GetJsonAsync("/api/v1/identity/merges");

        var merge = merges.Items().Single();
        merge.GetProperty("survivorId").GetGuid().ShouldBe(original);
        merge.GetProperty("mergedId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        merge.Str("reason").ShouldBe("email");
        var timeline = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{original}/timeline");
        timeline.Items().Select(e => e.Str("kind")).ShouldContain("contact.merged");
    }

    [Fact]
    public async Task Undoing_an_incoming_merge_puts_the_contact_back_as_it_was()
    {
        var tenant = await host.NewTenantAsync();
        var original = await tenant.Client.CreateContactIdAsync(new { email = "undo@merge.test", tags = new[] { "a" } });
        await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "undo@merge.test", city = "Sibiu", tags = new[] { "b" } });
        var mergeId = (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Items().Single().Id();

        (await tenant.Client.PostAsync($"/api/v1/identity/merges/{mergeId}/undo", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var contact = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{original}");
        contact.Str("city").ShouldBeNull();
        contact.GetProperty("tags").Strings().ShouldBe(["a"]);
        (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Items().Single().GetProperty("undoneAt").ValueKind
            .ShouldNotBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_match_by_email_carrying_another_contacts_phone_is_a_field_error_not_a_silent_merge()
    {
        var tenant = await host.NewTenantAsync();
        var byEmail = await tenant.Client.CreateContactIdAsync(new { email = "one@merge.test" });
        await tenant.Client.CreateContactIdAsync(new { email = "two@merge.test", phone = "+40722999888" });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "one@merge.test", phone = "0722 999 888", city = "Arad" });

        await response.ShouldBeValidationProblemAsync("phone");
        var unchanged = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{byEmail}");
        (unchanged.Str("phone"), unchanged.Str("city")).ShouldBe((null, null));
        (await tenant.Client.GetJsonAsync("/api/v1/identity/merges")).Total().ShouldBe(0);
    }

    [Fact]
    public async Task Patching_in_an_external_id_that_belongs_to_another_contact_is_a_field_error()
    {
        var tenant = await host.NewTenantAsync();
        var mine = await tenant.Client.CreateContactIdAsync(new { email = "one@ext.test" });
        await tenant.Client.CreateContactIdAsync(new { email = "two@ext.test", externalIds = new[] { new { source = "erp", externalId = "E-1" } } });

        var response = await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{mine}", new { externalIds = new[] { new { source = "erp", externalId = "E-1" } } });

        await response.ShouldBeValidationProblemAsync("externalIds");
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{mine}")).GetProperty("externalIds").GetArrayLength().ShouldBe(0);
    }

    private async Task<int> LiveContactsAsync(Guid tenantId)
    {
        var (scope, db) = host.Database(tenantId);
        using var _ = scope;
        return await db.Set<Contact>().CountAsync(c => c.DeletedAt == null && c.MergedIntoId == null);
    }
}
