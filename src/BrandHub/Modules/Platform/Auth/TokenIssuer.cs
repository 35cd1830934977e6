using System.Security.Claims;
using System.Security.Cryptography;
using BrandHub.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BrandHub.Modules.Platform.Auth;

/// <summary>Issues BrandHub's own signed access tokens (HS256 JWT).</summary>
public sealed class TokenIssuer
{
    public const string TenantClaim = "tid", RoleClaim = "role", ScopeClaim = "scope";

    private readonly AuthOptions options;
    public SymmetricSecurityKey Key { get; }

    public TokenIssuer(AuthOptions options, DataDirectory dataDir)
    {
        this.options = options;
        Key = new SymmetricSecurityKey(LoadOrCreateKey(options, dataDir));
    }

    public (string Token, int ExpiresIn) Issue(User user)
    {
        var lifetime = TimeSpan.FromMinutes(options.TokenLifetimeMinutes);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(TenantClaim, user.TenantId.ToString()),
                new Claim(RoleClaim, user.Role),
            ]),
        });
        return (token, (int)lifetime.TotalSeconds);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Email,
        RoleClaimType = RoleClaim,
    };

    private static byte[] LoadOrCreateKey(AuthOptions options, DataDirectory dataDir)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var configured = Convert.FromBase64String(options.SigningKey);
            if (configured.Length < 32) throw new InvalidOperationException("BrandHub:Auth:SigningKey must be at least 32 bytes (base64).");
            return configured;
        }
        var path = Path.Combine(dataDir.Path, "token-signing.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
