using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace BrandHub.Tests.Platform;

/// <summary>Signing in with email and password, the bearer token it gives, and who the API thinks the caller is.</summary>
public sealed class SigningInTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task Valid_credentials_give_a_signed_bearer_token_with_its_lifetime()
    {
        var tenant = await host.NewTenantAsync();
        using var anon = host.Anonymous();

        var response = await anon.PostJsonAsync("/api/v1/auth/token", new { email = tenant.OwnerEmail, password = Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt32().ShouldBe(3600);
        var token = body.GetProperty("access_token").GetString()!;
        var parts = token.Split('.');
        parts.Length.ShouldBe(3, "a JWS compact token: header.payload.signature");
        var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("HS256");
        var claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        claims.GetProperty("tid").GetString().ShouldBe(tenant.TenantId.ToString());
        claims.GetProperty("role").GetString().ShouldBe("owner");
        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();
        lifetime.ShouldBeInRange(3595, 3605);
    }

    [Fact]
    public async Task Email_is_matched_whatever_its_case_and_surrounding_spaces()
    {
        var tenant = await host.NewTenantAsync();
        using var anon = host.Anonymous();
        var response = await anon.PostJsonAsync("/api/v1/auth/token", new { email = "  " + tenant.OwnerEmail.ToUpperInvariant() + " ", password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        var tenant = await host.NewTenantAsync();
        using var anon = host.Anonymous();

        var response = await anon.PostJsonAsync("/api/v1/auth/token", new { email = tenant.OwnerEmail, password = "wrong horse battery" });

        await ShouldBeInvalidCredentialsAsync(response);
    }

    [Fact]
    public async Task An_unknown_email_is_the_same_401_problem_as_a_wrong_password()
    {
        using var anon = host.Anonymous();

        var response = await anon.PostJsonAsync("/api/v1/auth/token", new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@tenant.test", password = Password });

        await ShouldBeInvalidCredentialsAsync(response);
    }

    [Fact]
    public async Task Missing_email_and_password_are_a_validation_problem()
    {
        using var anon = host.Anonymous();

        var response = await anon.PostRawAsync("/api/v1/auth/token", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = await response.ProblemErrorsAsync();
        errors.Keys.ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task Me_describes_the_caller_its_role_scopes_and_tenant()
    {
        var tenant = await host.NewTenantAsync("Me Tenant");

        var response = await tenant.Client.GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await response.JsonAsync();
        me.GetProperty("email").GetString().ShouldBe(tenant.OwnerEmail);
        me.GetProperty("role").GetString().ShouldBe("owner");
        Guid.TryParse(me.GetProperty("userId").GetString(), out _).ShouldBeTrue();
        var scopes = me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ToList();
        scopes.ShouldContain("contacts:read");
        scopes.ShouldContain("users:manage");
        scopes.ShouldContain("apikeys:manage");
        scopes.ShouldContain("audit:read");
        var t = me.GetProperty("tenant");
        t.GetProperty("id").GetGuid().ShouldBe(tenant.TenantId);
        t.GetProperty("name").GetString().ShouldBe("Me Tenant");
        t.GetProperty("defaultCountry").GetString().ShouldBe("RO");
        t.GetProperty("timezone").GetString().ShouldBe("Europe/Bucharest");
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/contacts")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/api-keys")]
    [InlineData("/api/v1/users")]
    public async Task Without_credentials_the_API_answers_401(string url)
    {
        using var anon = host.Anonymous();

        var response = await anon.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_token_with_a_forged_signature_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        var token = tenant.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = token.Split('.');
        // Claim to be admin of another tenant, keep the old signature.
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64Url(parts[1]))!;
        claims["tid"] = Guid.NewGuid().ToString();
        var forged = parts[0] + "." + ToBase64Url(JsonSerializer.SerializeToUtf8Bytes(claims)) + "." + parts[2];
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tenant_settings_can_be_read_and_changed_by_the_owner_and_the_change_is_validated()
    {
        var tenant = await host.NewTenantAsync();

        var bad = await tenant.Client.PatchJsonAsync("/api/v1/tenant", new { defaultCountry = "XX", timezone = "Mars/Olympus" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["defaultCountry", "timezone"], ignoreOrder: true);

        var ok = await tenant.Client.PatchJsonAsync("/api/v1/tenant", new { name = "Renamed", defaultCountry = "DE", timezone = "Europe/Berlin" });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await (await tenant.Client.GetAsync("/api/v1/tenant")).JsonAsync();
        read.GetProperty("name").GetString().ShouldBe("Renamed");
        read.GetProperty("defaultCountry").GetString().ShouldBe("DE");
        read.GetProperty("timezone").GetString().ShouldBe("Europe/Berlin");
    }

    private static async Task ShouldBeInvalidCredentialsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("title").GetString().ShouldBe("Wrong email or password.");
        problem.TryGetProperty("access_token", out _).ShouldBeFalse();
    }

    private static string Base64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
