namespace BrandHub.Tests.Platform;

/// <summary>Team members: adding users, and what each role may do (roles map to scopes; endpoints require scopes).</summary>
public sealed class RolesAndUsersTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private const string Password = "viewer password 1";

    private async Task<HttpClient> AddMemberAsync(TenantSession tenant, string role, string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@tenant.test";
        var created = await tenant.Client.PostJsonAsync("/api/v1/users", new { email, displayName = $"A {role}", role, password = Password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await host.SignInAsync(email, Password);
    }

    [Fact]
    public async Task An_owner_adds_a_user_who_can_then_sign_in()
    {
        var tenant = await host.NewTenantAsync();
        var email = $"New.Member-{Guid.NewGuid():N}@Tenant.TEST";

        var created = await tenant.Client.PostJsonAsync("/api/v1/users", new { email, displayName = "New Member", role = "marketer", password = Password });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var user = await created.JsonAsync();
        user.GetProperty("email").GetString().ShouldBe(email.ToLowerInvariant());
        user.GetProperty("role").GetString().ShouldBe("marketer");
        user.TryGetProperty("password", out _).ShouldBeFalse();
        user.TryGetProperty("passwordHash", out _).ShouldBeFalse();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{user.GetProperty("id").GetGuid()}");

        var users = await (await tenant.Client.GetAsync("/api/v1/users")).JsonAsync();
        users.GetProperty("total").GetInt32().ShouldBe(2);
        users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).ShouldBe([email.ToLowerInvariant(), tenant.OwnerEmail], ignoreOrder: true);

        using var member = await host.SignInAsync(email, Password);
        var me = await (await member.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("marketer");
        me.GetProperty("tenant").GetProperty("id").GetGuid().ShouldBe(tenant.TenantId);
    }

    [Fact]
    public async Task The_user_list_is_paged_by_email_like_every_other_list()
    {
        var tenant = await host.NewTenantAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "carol", "alice", "bob" })
            (await tenant.Client.PostJsonAsync("/api/v1/users", new { email = $"{name}-{tag}@tenant.test", role = "viewer", password = Password }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        var expected = new[] { $"alice-{tag}@tenant.test", $"bob-{tag}@tenant.test", $"carol-{tag}@tenant.test", tenant.OwnerEmail }.Order(StringComparer.Ordinal).ToList();

        var first = await (await tenant.Client.GetAsync("/api/v1/users?page=1&pageSize=3")).JsonAsync();
        var second = await (await tenant.Client.GetAsync("/api/v1/users?page=2&pageSize=3")).JsonAsync();

        (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("total").GetInt32()).ShouldBe((1, 3, 4));
        (second.GetProperty("page").GetInt32(), second.GetProperty("total").GetInt32()).ShouldBe((2, 4));
        first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("email").GetString()).ShouldBe(expected);
        (await (await tenant.Client.GetAsync("/api/v1/users")).JsonAsync()).GetProperty("pageSize").GetInt32().ShouldBe(25);
        (await tenant.Client.GetAsync("/api/v1/users?pageSize=201")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_slow_salted_hash()
    {
        var tenant = await host.NewTenantAsync();
        var email = $"hashed-{Guid.NewGuid():N}@tenant.test";
        await tenant.Client.PostJsonAsync("/api/v1/users", new { email, role = "viewer", password = Password });

        await using var conn = await host.OpenAsync();
        var hash = await conn.ScalarAsync<string>("SELECT password_hash FROM users WHERE email = @p0", email);
        hash.ShouldNotContain(Password);
        hash.ShouldStartWith("pbkdf2-sha256$");
        var ownerHash = await conn.ScalarAsync<string>("SELECT password_hash FROM users WHERE email = @p0", tenant.OwnerEmail);
        hash.Split('$')[2].ShouldNotBe(ownerHash.Split('$')[2], "every password has its own salt");
    }

    [Fact]
    public async Task A_new_user_is_validated_field_by_field_and_nothing_is_stored()
    {
        var tenant = await host.NewTenantAsync();

        var response = await tenant.Client.PostJsonAsync("/api/v1/users", new { email = "not an email", role = "superuser", password = "short" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["email", "role", "password"], ignoreOrder: true);
        (await (await tenant.Client.GetAsync("/api/v1/users")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_email_already_used_in_any_tenant_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var email = $"taken-{Guid.NewGuid():N}@tenant.test";
        (await tenant.Client.PostJsonAsync("/api/v1/users", new { email, role = "viewer", password = Password })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var sameTenant = await tenant.Client.PostJsonAsync("/api/v1/users", new { email = email.ToUpperInvariant(), role = "viewer", password = Password });
        var otherTenant = await other.Client.PostJsonAsync("/api/v1/users", new { email, role = "viewer", password = Password });

        sameTenant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sameTenant.ProblemErrorsAsync()).Keys.ShouldBe(["email"]);
        otherTenant.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await otherTenant.ProblemErrorsAsync()).Keys.ShouldBe(["email"]);
        (await (await other.Client.GetAsync("/api/v1/users")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_viewer_reads_contacts_deliveries_templates_segments_and_campaigns_but_cannot_change_anything_or_manage_the_team()
    {
        var tenant = await host.NewTenantAsync();
        var contact = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "seen@example.com" })).JsonAsync();
        using var viewer = await AddMemberAsync(tenant, "viewer");

        var me = await (await viewer.GetAsync("/api/v1/me")).JsonAsync();
        me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["contacts:read", "deliveries:read", "templates:read", "segments:read", "campaigns:read"]);
        (await viewer.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"/api/v1/contacts/{contact.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var denied = await viewer.PostJsonAsync("/api/v1/contacts", new { email = "new@example.com" });
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        denied.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await viewer.PatchJsonAsync($"/api/v1/contacts/{contact.GetProperty("id").GetGuid()}", new { firstName = "X" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync($"/api/v1/contacts/{contact.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostJsonAsync("/api/v1/users", new { email = $"x-{Guid.NewGuid():N}@tenant.test", role = "owner", password = Password })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PatchJsonAsync("/api/v1/tenant", new { name = "Hijacked" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Nothing the viewer tried got through.
        var contacts = await (await tenant.Client.GetAsync("/api/v1/contacts")).JsonAsync();
        contacts.GetProperty("total").GetInt32().ShouldBe(1);
        (await (await tenant.Client.GetAsync("/api/v1/users")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_marketer_works_with_contacts_but_cannot_manage_users_keys_or_erase()
    {
        var tenant = await host.NewTenantAsync();
        using var marketer = await AddMemberAsync(tenant, "marketer");

        var created = await marketer.PostJsonAsync("/api/v1/contacts", new { email = "by-marketer@example.com" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        (await marketer.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.PostJsonAsync("/api/v1/users", new { email = $"x-{Guid.NewGuid():N}@tenant.test", role = "viewer", password = Password })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PostJsonAsync("/api/v1/api-keys", new { name = "k" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.DeleteAsync($"/api/v1/contacts/{id}?erase=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await tenant.Client.GetAsync($"/api/v1/contacts/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the refused erase changed nothing");
    }

    [Fact]
    public async Task An_admin_manages_users_and_keys()
    {
        var tenant = await host.NewTenantAsync();
        using var admin = await AddMemberAsync(tenant, "admin");

        (await admin.PostJsonAsync("/api/v1/users", new { email = $"by-admin-{Guid.NewGuid():N}@tenant.test", role = "agent", password = Password })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostJsonAsync("/api/v1/api-keys", new { name = "by admin", role = "analyst" })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("agent", "/api/v1/audit", HttpStatusCode.Forbidden)]
    [InlineData("analyst", "/api/v1/audit", HttpStatusCode.OK)]
    [InlineData("analyst", "/api/v1/jobs", HttpStatusCode.OK)]
    [InlineData("viewer", "/api/v1/jobs", HttpStatusCode.Forbidden)]
    public async Task Each_role_reads_what_its_scopes_allow(string role, string url, HttpStatusCode expected)
    {
        var tenant = await host.NewTenantAsync();
        using var member = await AddMemberAsync(tenant, role);
        (await member.GetAsync(url)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task An_analyst_cannot_create_contacts()
    {
        var tenant = await host.NewTenantAsync();
        using var analyst = await AddMemberAsync(tenant, "analyst");
        (await analyst.PostJsonAsync("/api/v1/contacts", new { email = "a@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
