using BrandHub.Data;

namespace BrandHub.Modules.Platform.Auth;

/// <summary>A person on the marketing team who signs in to BrandHub.</summary>
public sealed class User : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>Sign-in email, unique across BrandHub so a login finds one tenant.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Viewer;
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
}
