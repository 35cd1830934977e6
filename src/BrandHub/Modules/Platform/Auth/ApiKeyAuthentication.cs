using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using BrandHub.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandHub.Modules.Platform.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: bh_{prefix}_{secret}</c> (or <c>Authorization: ApiKey …</c>): finds the key by its
/// public prefix, compares the SHA-256 of the secret in constant time, and signs the caller in as the key's tenant and role.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IServiceScopeFactory scopes, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiKey";
    public const string KeyIdClaim = "kid";

    public static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var header)) return header.ToString().Trim();
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }

    public static (string Prefix, string Secret)? Split(string key)
    {
        var parts = key.Split('_');
        return parts is ["bh", { Length: > 0 } prefix, { Length: > 0 } secret] ? ($"bh_{prefix}", secret) : null;
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null) return AuthenticateResult.NoResult();
        if (Split(presented) is not var (prefix, secret)) return AuthenticateResult.Fail("Malformed API key.");

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform(); // the key itself says which tenant it belongs to
        var key = await db.AllTenants<ApiKey>().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (key is null || key.RevokedAt is not null ||
            !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(key.SecretHash)))
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        // Last-used is informational: at most one write a minute per key.
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(KeyIdClaim, key.Id.ToString()),
            new Claim(TokenIssuer.TenantClaim, key.TenantId.ToString()),
            new Claim(TokenIssuer.RoleClaim, key.Role),
        ], Scheme, null, TokenIssuer.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }
}
