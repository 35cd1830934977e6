using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Creating, reading, changing and deleting one contact.</summary>
public sealed class ContactLifecycleTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_new_contact_is_stored_with_its_email_and_phone_normalised()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new
        {
            email = "  Ana.Popescu@Example.RO ", phone = "0722 123 456", firstName = " Ana ", lastName = "Popescu",
            country = "ro", locale = "ro_ro", timezone = "Europe/Bucharest", lifecycleStage = "Lead", tags = new[] { "vip", " vip ", "b2b" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var contact = await response.JsonAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/contacts/{contact.Id()}");
        contact.Str("email").ShouldBe("Ana.Popescu@example.ro");
        contact.Str("phone").ShouldBe("+40722123456");
        contact.Str("firstName").ShouldBe("Ana");
        contact.Str("country").ShouldBe("RO");
        contact.Str("locale").ShouldBe("ro-RO");
        contact.Str("lifecycleStage").ShouldBe("lead");
        contact.GetProperty("tags").Strings().ShouldBe(["b2b", "vip"]);
        contact.GetProperty("consents").GetProperty("email").GetString().ShouldBe("unknown");
        contact.GetProperty("globalUnsubscribe").GetBoolean().ShouldBeFalse();

        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        var stored = await db.Set<Contact>().Include(c => c.Tags).SingleAsync(c => c.Id == contact.Id());
        stored.Email.ShouldBe("Ana.Popescu@example.ro");
        stored.Phone.ShouldBe("+40722123456");
        stored.Tags.Select(t => t.Tag).Order().ShouldBe(["b2b", "vip"]);
        (await db.Set<TimelineEvent>().CountAsync(e => e.ContactId == stored.Id && e.Kind == "contact.created")).ShouldBe(1);
    }

    [Fact]
    public async Task Reading_a_contact_returns_what_was_created()
    {
        var tenant = await host.NewTenantAsync();
        var created = await tenant.Client.CreateContactAsync(new { email = "read@example.com", firstName = "Radu", company = "Acme SRL" });

        var read = await tenant.Client.GetJsonAsync($"/api/v1/contacts/{created.Id()}");

        read.ToString().ShouldBe(created.ToString());
    }

    [Fact]
    public async Task A_contact_that_does_not_exist_is_a_404_problem()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contact_without_email_phone_or_external_id_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { firstName = "Nobody" })).ShouldBeValidationProblemAsync("email");
        (await CountContactsAsync(tenant.TenantId)).ShouldBe(0);
    }

    [Fact]
    public async Task Patching_changes_only_the_fields_sent_and_null_clears_a_field()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "patch@example.com", firstName = "Ioana", company = "Old Co", city = "Iasi" });

        var response = await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { city = "Cluj-Napoca", company = (string?)null, phone = "0744 555 666" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var patched = await response.JsonAsync();
        patched.Str("city").ShouldBe("Cluj-Napoca");
        patched.Str("company").ShouldBeNull();
        patched.Str("phone").ShouldBe("+40744555666");
        patched.Str("firstName").ShouldBe("Ioana");
        patched.Str("email").ShouldBe("patch@example.com");

        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        var stored = await db.Set<Contact>().SingleAsync(c => c.Id == id);
        (stored.City, stored.Company, stored.FirstName, stored.Email).ShouldBe(("Cluj-Napoca", null, "Ioana", "patch@example.com"));
        (await db.Set<TimelineEvent>().CountAsync(e => e.ContactId == id && e.Kind == "contact.updated")).ShouldBe(1);
    }

    [Fact]
    public async Task A_patch_with_an_invalid_phone_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "keep@example.com", city = "Iasi" });

        var response = await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { city = "Arad", phone = "12" });

        await response.ShouldBeValidationProblemAsync("phone");
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).Str("city").ShouldBe("Iasi");
    }

    [Fact]
    public async Task Patching_in_another_contacts_email_is_refused_with_a_field_error()
    {
        var tenant = await host.NewTenantAsync();
        await tenant.Client.CreateContactIdAsync(new { email = "taken@example.com" });
        var id = await tenant.Client.CreateContactIdAsync(new { email = "mine@example.com" });

        await (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { email = "taken@example.com" })).ShouldBeValidationProblemAsync("email");
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).Str("email").ShouldBe("mine@example.com");
    }

    [Fact]
    public async Task A_deleted_contact_is_gone_from_the_api_but_kept_as_a_soft_deleted_row()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "bye@example.com" });

        (await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await tenant.Client.GetAsync($"/api/v1/contacts/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(0);
        await (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { city = "Arad" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<Contact>().SingleAsync(c => c.Id == id)).DeletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_email_of_a_deleted_contact_can_be_used_by_a_new_contact()
    {
        var tenant = await host.NewTenantAsync();
        var old = await tenant.Client.CreateContactIdAsync(new { email = "again@example.com" });
        (await tenant.Client.DeleteAsync($"/api/v1/contacts/{old}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var fresh = await tenant.Client.CreateContactIdAsync(new { email = "again@example.com" });

        fresh.ShouldNotBe(old);
    }

    private async Task<int> CountContactsAsync(Guid tenantId)
    {
        var (scope, db) = host.Database(tenantId);
        using var _ = scope;
        return await db.Set<Contact>().CountAsync();
    }
}
