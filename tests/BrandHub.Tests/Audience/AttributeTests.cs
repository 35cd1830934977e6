using BrandHub.Modules.Audience.Contacts;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Custom attributes: declared with a type, values coerced to it, undeclared ones refused.</summary>
public sealed class AttributeTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_declared_attribute_is_listed_with_its_type_and_label()
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts/attributes", new { name = "loyalty_points", type = "number", label = "Loyalty points" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await tenant.Client.GetJsonAsync("/api/v1/contacts/attributes");
        var declared = list.EnumerateArray().Single();
        (declared.Str("name"), declared.Str("type"), declared.Str("label")).ShouldBe(("loyalty_points", "number", "Loyalty points"));
    }

    [Theory]
    [InlineData("Loyalty Points", "number", "name")]
    [InlineData("points", "money", "type")]
    public async Task An_invalid_declaration_is_refused(string name, string type, string field)
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync("/api/v1/contacts/attributes", new { name, type })).ShouldBeValidationProblemAsync(field);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts/attributes")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Declaring_the_same_attribute_twice_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        await DeclareAsync(tenant, "tier", "string");
        await (await tenant.Client.PostJsonAsync("/api/v1/contacts/attributes", new { name = "tier", type = "number" })).ShouldBeValidationProblemAsync("name");
    }

    [Fact]
    public async Task Attribute_values_are_coerced_to_their_declared_types()
    {
        var tenant = await host.NewTenantAsync();
        await DeclareAsync(tenant, "loyalty_points", "number");
        await DeclareAsync(tenant, "newsletter_vip", "bool");
        await DeclareAsync(tenant, "birthday", "date");
        await DeclareAsync(tenant, "zip", "string");

        var contact = await tenant.Client.CreateContactAsync(new
        {
            email = "typed@attr.test",
            attributes = new Dictionary<string, object> { ["loyalty_points"] = "42.50", ["newsletter_vip"] = "yes", ["birthday"] = "1990-05-17T23:30:00+03:00", ["zip"] = 400001 },
        });

        var attributes = contact.GetProperty("attributes");
        attributes.GetProperty("loyalty_points").GetDecimal().ShouldBe(42.5m);
        attributes.GetProperty("newsletter_vip").GetBoolean().ShouldBeTrue();
        attributes.GetProperty("birthday").GetString().ShouldBe("1990-05-17");
        attributes.GetProperty("zip").GetString().ShouldBe("400001");
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        var stored = System.Text.Json.JsonDocument.Parse((await db.Set<Contact>().SingleAsync(c => c.Id == contact.Id())).AttributesJson).RootElement;
        stored.GetProperty("loyalty_points").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Number);
    }

    [Fact]
    public async Task Patching_one_attribute_keeps_the_others_and_null_removes_one()
    {
        var tenant = await host.NewTenantAsync();
        await DeclareAsync(tenant, "tier", "string");
        await DeclareAsync(tenant, "points", "number");
        var id = await tenant.Client.CreateContactIdAsync(new { email = "keep@attr.test", attributes = new { tier = "gold", points = 10 } });

        var patched = await (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { attributes = new { points = 11, tier = (string?)null } })).JsonAsync();

        patched.GetProperty("attributes").GetProperty("points").GetDecimal().ShouldBe(11m);
        patched.GetProperty("attributes").TryGetProperty("tier", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_field_error_and_nothing_is_stored()
    {
        var tenant = await host.NewTenantAsync();
        await DeclareAsync(tenant, "loyalty_points", "number");

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "wrong@attr.test", attributes = new { loyalty_points = "lots" } });

        await response.ShouldBeValidationProblemAsync("attributes.loyalty_points");
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(0);
    }

    [Fact]
    public async Task An_undeclared_attribute_is_a_field_error_and_nothing_is_stored()
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "unknown@attr.test", attributes = new { shoe_size = 42 } });

        var errors = await response.ShouldBeValidationProblemAsync("attributes.shoe_size");
        errors["attributes.shoe_size"][0].ShouldContain("shoe_size");
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(0);
    }

    private static async Task DeclareAsync(TenantSession tenant, string name, string type) =>
        (await tenant.Client.PostJsonAsync("/api/v1/contacts/attributes", new { name, type })).StatusCode.ShouldBe(HttpStatusCode.Created);
}
