using System.Text.RegularExpressions;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Tenancy;

/// <summary>Creates tenants and their users (CLI, demo seeding, admin API).</summary>
public sealed partial class TenantProvisioning(IServiceScopeFactory scopes, PasswordHasher hasher, TimeProvider clock)
{
    public sealed record NewTenant(Tenant Tenant, User Admin);

    public async Task<(NewTenant? Created, IReadOnlyList<FieldError> Errors)> CreateTenantAsync(
        string name, string adminEmail, string adminPassword, string defaultCountry = "RO", string timezone = "Europe/Bucharest", CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) errors.Add(new("name", "A tenant needs a name of at most 200 characters."));
        if (!PhoneNumber.IsSupportedCountry(defaultCountry)) errors.Add(new("defaultCountry", $"'{defaultCountry}' is not a supported country code."));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _)) errors.Add(new("timezone", $"'{timezone}' is not a known IANA time zone."));
        ValidateUser(adminEmail, adminPassword, errors, out var email);
        if (errors.Count > 0) return (null, errors);

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        if (await db.AllTenants<User>().AnyAsync(u => u.Email == email, ct)) return (null, [new("adminEmail", "A user with this email already exists.")]);

        var now = clock.GetUtcNow();
        var slugBase = Slug(name);
        var slug = slugBase;
        for (var i = 2; await db.Set<Tenant>().AnyAsync(t => t.Slug == slug, ct); i++) slug = $"{slugBase}-{i}";
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = name.Trim(), Slug = slug, DefaultCountry = defaultCountry.ToUpperInvariant(), Timezone = timezone, CreatedAt = now };
        var admin = new User
        {
            TenantId = tenant.Id, Id = Guid.CreateVersion7(), Email = email, DisplayName = email.Split('@')[0], Role = Roles.Owner,
            PasswordHash = hasher.Hash(adminPassword), CreatedAt = now,
        };
        db.Add(tenant);
        db.Add(admin);
        db.Scope.Enter(tenant.Id);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        audit.Record("tenant.created", "tenant", tenant.Id.ToString(), null, new { tenant.Name, tenant.Slug, tenant.DefaultCountry, tenant.Timezone });
        audit.Record("user.created", "user", admin.Id.ToString(), null, new { admin.Email, admin.Role });
        await db.SaveChangesAsync(ct);
        return (new NewTenant(tenant, admin), []);
    }

    public async Task<(User? Created, IReadOnlyList<FieldError> Errors)> CreateUserAsync(BrandHubDb db, AuditTrail audit,
        string email, string? displayName, string role, string password, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        ValidateUser(email, password, errors, out var normalized);
        if (!Roles.IsKnown(role)) errors.Add(new("role", $"Role must be one of: {string.Join(", ", Roles.All)}."));
        if (displayName is { Length: > 200 }) errors.Add(new("displayName", "At most 200 characters."));
        if (errors.Count > 0) return (null, errors);
        var tenantId = db.Scope.RequiredTenantId;

        // Emails are unique across tenants; the check must see every tenant, so it runs in a platform scope.
        using (var scope = scopes.CreateScope())
        {
            var all = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            all.Scope.EnterPlatform();
            if (await all.AllTenants<User>().AnyAsync(u => u.Email == normalized, ct)) return (null, [new("email", "A user with this email already exists.")]);
        }
        var user = new User
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(), Email = normalized, DisplayName = string.IsNullOrWhiteSpace(displayName) ? normalized.Split('@')[0] : displayName.Trim(),
            Role = role, PasswordHash = hasher.Hash(password), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(user);
        audit.Record("user.created", "user", user.Id.ToString(), null, new { user.Email, user.Role, user.DisplayName });
        await db.SaveChangesAsync(ct);
        return (user, []);
    }

    private static void ValidateUser(string email, string password, List<FieldError> errors, out string normalized)
    {
        normalized = "";
        if (!EmailAddress.TryNormalize(email, out var n, out var emailError)) errors.Add(new("email", emailError));
        else normalized = n.ToLowerInvariant();
        if (string.IsNullOrEmpty(password) || password.Length < PasswordHasher.MinimumLength)
            errors.Add(new("password", $"A password needs at least {PasswordHasher.MinimumLength} characters."));
        else if (password.Length > 256) errors.Add(new("password", "At most 256 characters."));
    }

    private static string Slug(string name)
    {
        var s = SlugChars().Replace(NameFolding.Fold(name), "-").Trim('-');
        return s.Length == 0 ? "tenant" : s[..Math.Min(s.Length, 60)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugChars();
}
