namespace BrandHub.Modules.Platform.Auth;

/// <summary>Authentication settings, section <c>BrandHub:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>HMAC key (base64, ≥ 32 bytes) signing BrandHub's own tokens. When empty, one is generated into the data
    /// directory on first start; set it explicitly when several nodes serve the API.</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "brandhub";
    public string Audience { get; set; } = "brandhub";
    public int TokenLifetimeMinutes { get; set; } = 60;
    /// <summary>PBKDF2 work factor for new password hashes.</summary>
    public int PasswordIterations { get; set; } = PasswordHasher.DefaultIterations;
    /// <summary>Login attempts allowed per client IP per minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;
    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>An external OpenID Connect issuer whose access tokens BrandHub accepts. The token's email claim must
/// belong to a BrandHub user; that user's tenant and role apply.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string EmailClaim { get; set; } = "email";
    public bool RequireHttpsMetadata { get; set; } = true;
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
