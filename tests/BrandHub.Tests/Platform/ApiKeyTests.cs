using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Tests.Platform;

/// <summary>API keys for server-to-server calls: shown once, stored hashed, scoped by role, revocable.</summary>
public sealed class ApiKeyTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_new_key_is_shown_once_and_never_listed_again()
    {
        var tenant = await host.NewTenantAsync();

        var created = await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "ERP sync", role = "marketer" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = await created.JsonAsync();
        var secretKey = key.GetProperty("key").GetString()!;
        var prefix = key.GetProperty("prefix").GetString()!;
        secretKey.ShouldStartWith(prefix + "_");
        prefix.ShouldStartWith("bh_");
        key.GetProperty("name").GetString().ShouldBe("ERP sync");

        var listResponse = await tenant.Client.GetAsync("/api/v1/api-keys");
        listResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listText = await listResponse.Content.ReadAsStringAsync();
        listText.ShouldNotContain(secretKey);
        listText.ShouldNotContain(secretKey[(prefix.Length + 1)..]);
        var listed = (await listResponse.JsonAsync()).EnumerateArray().Single();
        listed.TryGetProperty("key", out _).ShouldBeFalse();
        listed.GetProperty("id").GetGuid().ShouldBe(key.GetProperty("id").GetGuid());
        listed.GetProperty("prefix").GetString().ShouldBe(prefix);
        listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("contacts:write");
        listed.GetProperty("revokedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_stored_key_holds_only_a_hash_of_the_secret()
    {
        var tenant = await host.NewTenantAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "stored" })).JsonAsync();
        var secretKey = key.GetProperty("key").GetString()!;
        var secret = secretKey[(key.GetProperty("prefix").GetString()!.Length + 1)..];

        await using var conn = await host.OpenAsync();
        var rows = await conn.RowsAsync("SELECT * FROM api_keys");
        var row = rows.Single(r => r["prefix"]!.ToString() == key.GetProperty("prefix").GetString());

        foreach (var (column, value) in row)
        {
            var text = value switch { byte[] b => Encoding.UTF8.GetString(b), null => "", _ => value.ToString()! };
            text.ShouldNotContain(secret, customMessage: $"api_keys.{column} holds the secret");
        }
        var hash = row["secret_hash"]!.ToString()!;
        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }

    [Fact]
    public async Task A_key_calls_the_API_as_its_tenant_until_it_is_revoked()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "via-key@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "shop", role = "marketer" })).JsonAsync();
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());

        var list = await client.GetAsync("/api/v1/contacts");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await list.JsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
        items.ShouldBe(["via-key@example.com"]);
        var created = await client.PostJsonAsync("/api/v1/contacts", new { email = "made-by-key@example.com" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The key's work is audited as the key.
        var audit = await (await tenant.Client.GetAsync("/api/v1/audit?action=contact.created&pageSize=200")).JsonAsync();
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("actor").GetString() == $"apikey:{key.GetProperty("id").GetGuid()}");
        // And its use is visible.
        var listed = (await (await tenant.Client.GetAsync("/api/v1/api-keys")).JsonAsync()).EnumerateArray().Single();
        listed.GetProperty("lastUsedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);

        var revoke = await tenant.Client.DeleteAsync($"/api/v1/api-keys/{key.GetProperty("id").GetGuid()}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await tenant.Client.DeleteAsync($"/api/v1/api-keys/{key.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent, "revoking is idempotent");

        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostJsonAsync("/api/v1/contacts", new { email = "after-revoke@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var afterRevoke = (await (await tenant.Client.GetAsync("/api/v1/api-keys")).JsonAsync()).EnumerateArray().Single();
        afterRevoke.GetProperty("revokedAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_an_ApiKey_authorization_header()
    {
        var tenant = await host.NewTenantAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "header" })).JsonAsync();
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "ApiKey " + key.GetProperty("key").GetString());

        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("bh_nothing_here")]
    [InlineData("not-a-key")]
    [InlineData("bh__")]
    public async Task Unknown_or_malformed_keys_are_refused(string presented)
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", presented);
        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_with_the_right_prefix_but_a_wrong_secret_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "guess" })).JsonAsync();
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("prefix").GetString() + "_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_viewer_key_can_read_but_not_write()
    {
        var tenant = await host.NewTenantAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "dashboard", role = "viewer" })).JsonAsync();
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());

        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/v1/contacts", new { email = "nope@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostJsonAsync("/api/v1/api-keys", new { name = "escalate", role = "admin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Creating_a_key_is_validated()
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "", role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["name", "role"], ignoreOrder: true);
        (await (await tenant.Client.GetAsync("/api/v1/api-keys")).JsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Creating_and_revoking_keys_is_audited()
    {
        var tenant = await host.NewTenantAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "audited" })).JsonAsync();
        var id = key.GetProperty("id").GetGuid();
        await tenant.Client.DeleteAsync($"/api/v1/api-keys/{id}");

        var audit = await (await tenant.Client.GetAsync($"/api/v1/audit?entityType=apikey&entityId={id}")).JsonAsync();
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["apikey.revoked", "apikey.created"]);
        (await (await tenant.Client.GetAsync($"/api/v1/audit?entityType=apikey&entityId={id}")).Content.ReadAsStringAsync())
            .ShouldNotContain(key.GetProperty("key").GetString()!);
    }
}
