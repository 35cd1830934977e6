using BrandHub.Data;

namespace BrandHub.Modules.Platform.Auth;

/// <summary>A server-to-server credential of one tenant. Only a hash of the secret is stored; the key is shown once.</summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The public, unique first part of the key (<c>bh_xxxxxxxx</c>) used to find it.</summary>
    public string Prefix { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Role { get; set; } = Roles.Marketer;
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
