using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>The suppression list: addresses never sent to, with the reason.</summary>
public sealed class SuppressionTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_suppression_stores_the_normalised_address()
    {
        var tenant = await host.NewTenantAsync();

        var email = await CreateAsync(tenant, "email", "  Bounced.User@Example.COM ", "hard_bounce", HttpStatusCode.Created);
        var sms = await CreateAsync(tenant, "sms", "0722 000 111", "complaint", HttpStatusCode.Created);

        email.Str("address").ShouldBe("Bounced.User@example.com");
        email.Str("reason").ShouldBe("hard_bounce");
        sms.Str("address").ShouldBe("+40722000111");
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<Suppression>().Select(s => s.Address).ToListAsync()).Order().ShouldBe(["+40722000111", "Bounced.User@example.com"]);
    }

    [Fact]
    public async Task Suppressing_the_same_address_twice_keeps_one_entry()
    {
        var tenant = await host.NewTenantAsync();
        var first = await CreateAsync(tenant, "sms", "+40722000222", "manual", HttpStatusCode.Created);

        var second = await CreateAsync(tenant, "sms", "0722-000-222", "complaint", HttpStatusCode.OK);

        second.Id().ShouldBe(first.Id());
        second.Str("reason").ShouldBe("manual");
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<Suppression>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task The_list_filters_by_channel_reason_and_search()
    {
        var tenant = await host.NewTenantAsync();
        await CreateAsync(tenant, "email", "a@bounce.test", "hard_bounce", HttpStatusCode.Created);
        await CreateAsync(tenant, "email", "b@spam.test", "complaint", HttpStatusCode.Created);
        await CreateAsync(tenant, "sms", "+40722000333", "complaint", HttpStatusCode.Created);
        await CreateAsync(tenant, "push", "device-token-1", "invalid", HttpStatusCode.Created);

        (await tenant.Client.GetJsonAsync("/api/v1/suppressions")).Total().ShouldBe(4);
        (await Addresses(tenant, "channel=email")).ShouldBe(["a@bounce.test", "b@spam.test"]);
        (await Addresses(tenant, "reason=complaint")).ShouldBe(["+40722000333", "b@spam.test"]);
        (await Addresses(tenant, "search=BOUNCE")).ShouldBe(["a@bounce.test"]);
        (await Addresses(tenant, "channel=sms&reason=hard_bounce")).ShouldBeEmpty();
        var page = await tenant.Client.GetJsonAsync("/api/v1/suppressions?pageSize=3&page=2");
        (page.Items().Count, page.Total()).ShouldBe((1, 4));
    }

    [Fact]
    public async Task Deleting_a_suppression_lifts_it()
    {
        var tenant = await host.NewTenantAsync();
        var created = await CreateAsync(tenant, "email", "lift@me.test", "manual", HttpStatusCode.Created);

        (await tenant.Client.DeleteAsync($"/api/v1/suppressions/{created.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await tenant.Client.GetJsonAsync("/api/v1/suppressions")).Total().ShouldBe(0);
        await (await tenant.Client.DeleteAsync($"/api/v1/suppressions/{created.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("email", "not-an-email", "manual", "address")]
    [InlineData("sms", "12", "manual", "address")]
    [InlineData("fax", "x@y.test", "manual", "channel")]
    [InlineData("email", "x@y.test", "because", "reason")]
    public async Task An_invalid_suppression_is_refused_and_nothing_is_stored(string channel, string address, string reason, string field)
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel, address, reason })).ShouldBeValidationProblemAsync(field);
        (await tenant.Client.GetJsonAsync("/api/v1/suppressions")).Total().ShouldBe(0);
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(TenantSession tenant, string channel, string address, string reason, HttpStatusCode expected)
    {
        var response = await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel, address, reason, note = "from test" });
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(expected, json.ToString());
        return json;
    }

    private static async Task<List<string>> Addresses(TenantSession tenant, string query) =>
        (await tenant.Client.GetJsonAsync($"/api/v1/suppressions?{query}")).Items().Select(i => i.Str("address")!).Order(StringComparer.Ordinal).ToList();
}
