using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandHub.Tests.Platform;

/// <summary>
/// Access tokens of an external OpenID Connect issuer are accepted when configured: a local issuer on loopback
/// publishes its discovery document and signing keys (JWKS) as a real one does, and signs RS256 tokens.
/// </summary>
public sealed class ExternalIssuerTests : IAsyncLifetime
{
    private readonly RSA key = RSA.Create(2048);
    private WebApplication issuer = null!;
    private string authority = "";
    private readonly BrandHubHost host = new();

    public async Task InitializeAsync()
    {
        issuer = WebApplication.CreateBuilder().Build();
        issuer.Urls.Add("http://127.0.0.1:0");
        issuer.MapGet("/.well-known/openid-configuration", (HttpContext ctx) => Results.Json(new
        {
            issuer = authority, jwks_uri = $"{authority}/jwks", authorization_endpoint = $"{authority}/auth", token_endpoint = $"{authority}/token",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        issuer.MapGet("/jwks", () =>
        {
            var p = key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = "test-key", alg = "RS256",
                n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        await issuer.StartAsync();
        authority = issuer.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        host.Settings["BrandHub:Auth:Oidc:Authority"] = authority;
        host.Settings["BrandHub:Auth:Oidc:Audience"] = "brandhub-api";
        host.Settings["BrandHub:Auth:Oidc:RequireHttpsMetadata"] = "false";
        await host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await issuer.StopAsync();
        await issuer.DisposeAsync();
    }

    private string Token(string email, string audience = "brandhub-api", RSA? signer = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = authority, Audience = audience, Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["email"] = email, ["sub"] = Guid.NewGuid().ToString() },
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(signer ?? key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/me");
    }

    [Fact]
    public async Task A_token_from_the_configured_issuer_signs_in_the_matching_user_with_their_tenant_and_role()
    {
        var tenant = await host.NewTenantAsync("Issuer Co");
        var response = await MeAsync(Token(tenant.OwnerEmail));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("tenant").GetProperty("id").GetGuid().ShouldBe(tenant.TenantId);
        me.GetProperty("role").GetString().ShouldBe("owner");
        me.GetProperty("email").GetString().ShouldBe(tenant.OwnerEmail);
    }

    [Fact]
    public async Task A_token_for_an_unknown_email_a_wrong_audience_or_a_foreign_key_is_refused()
    {
        var tenant = await host.NewTenantAsync();
        (await MeAsync(Token("nobody@elsewhere.test"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await MeAsync(Token(tenant.OwnerEmail, audience: "another-api"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var forger = RSA.Create(2048);
        (await MeAsync(Token(tenant.OwnerEmail, signer: forger))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BrandHub_tokens_keep_working_next_to_the_external_issuer()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
