using System.Security.Cryptography;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Auth;

public static class AuthEndpoints
{
    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
    public sealed record TenantView(Guid Id, string Name, string Slug, string DefaultCountry, string Timezone);
    public sealed record MeResponse(string? UserId, string? Email, string? DisplayName, string Role, IReadOnlyList<string> Scopes, TenantView Tenant);
    public sealed record UserView(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);
    public sealed record NewUserRequest(string? Email, string? Role, string? Password, string? DisplayName = null);
    public sealed record ApiKeyView(Guid Id, string Name, string Prefix, string Role, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
    /// <param name="Name">What the key is for, 1–100 characters.</param>
    /// <param name="Role">The key's role (not owner); marketer when absent.</param>
    public sealed record NewApiKeyRequest(string? Name, string? Role = null);
    public sealed record NewApiKeyResponse(Guid Id, string Name, string Prefix, string Role, string Key);
    /// <summary>Only the settings sent (and not null) change.</summary>
    public sealed record TenantPatch(string? Name = null, string? DefaultCountry = null, string? Timezone = null);

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", async (TokenRequest body, IServiceScopeFactory scopes, TokenIssuer issuer, PasswordHasher hasher, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.Email)) errors.Add(new("email", "Email is required."));
            if (string.IsNullOrEmpty(body.Password)) errors.Add(new("password", "Password is required."));
            if (errors.Count > 0) return Problems.Validation(errors);

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform(); // the email tells us the tenant
            var email = EmailAddress.TryNormalize(body.Email, out var n, out _) ? n.ToLowerInvariant() : body.Email!.Trim().ToLowerInvariant();
            var user = await db.AllTenants<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Email == email && u.DisabledAt == null, ct);
            var ok = PasswordHasher.Verify(body.Password!, user?.PasswordHash ?? hasher.DecoyHash) && user is not null;
            if (!ok)
                return TypedResults.Problem(title: "Wrong email or password.", statusCode: StatusCodes.Status401Unauthorized,
                    type: "https://brandhub.dev/problems/invalid-credentials");
            var (token, expiresIn) = issuer.Issue(user!);
            return Results.Ok(new TokenResponse(token, "Bearer", expiresIn));
        }).AllowAnonymous().RequireRateLimiting(AuthRegistration.LoginLimiter).WithTags("Auth")
          .WithSummary("Exchange email and password for a bearer token")
          .Produces<TokenResponse>().ProducesProblem(401).ProducesProblem(429).ProducesValidationProblem();

        app.MapGet("/api/v1/me", async (HttpContext http, BrandHubDb db, Actor actor, CancellationToken ct) =>
        {
            var tenant = await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == db.Scope.RequiredTenantId, ct);
            var role = http.User.FindFirst(TokenIssuer.RoleClaim)?.Value ?? Roles.Viewer;
            var user = actor.UserId is { } uid ? await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == uid, ct) : null;
            return Results.Ok(new MeResponse(user?.Id.ToString() ?? actor.Id, user?.Email, user?.DisplayName, role, Roles.ScopesOf(role), ViewOf(tenant)));
        }).RequireAuthorization().WithTags("Auth").WithSummary("The signed-in caller, its role, scopes and tenant").Produces<MeResponse>();

        var tenantGroup = app.MapGroup("/api/v1").WithTags("Tenant");

        tenantGroup.MapGet("/tenant", async (BrandHubDb db, CancellationToken ct) =>
            Results.Ok(ViewOf(await db.Set<Tenant>().AsNoTracking().FirstAsync(t => t.Id == db.Scope.RequiredTenantId, ct))))
            .RequireAuthorization().WithSummary("This tenant's settings").Produces<TenantView>();

        tenantGroup.MapPatch("/tenant", async (TenantPatch body, BrandHubDb db, AuditTrail audit, Analytics.Rollups.RollupSchedule rollups, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.Name is not null && (body.Name.Trim().Length == 0 || body.Name.Length > 200)) errors.Add(new("name", "A name of 1–200 characters."));
            if (body.DefaultCountry is not null && !PhoneNumber.IsSupportedCountry(body.DefaultCountry)) errors.Add(new("defaultCountry", $"'{body.DefaultCountry}' is not a supported country code."));
            if (body.Timezone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(body.Timezone, out _)) errors.Add(new("timezone", $"'{body.Timezone}' is not a known IANA time zone."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var tenant = await db.Set<Tenant>().FirstAsync(t => t.Id == db.Scope.RequiredTenantId, ct);
            var before = ViewOf(tenant);
            if (body.Name is not null) tenant.Name = body.Name.Trim();
            if (body.DefaultCountry is not null) tenant.DefaultCountry = body.DefaultCountry.ToUpperInvariant();
            if (body.Timezone is not null) tenant.Timezone = body.Timezone;
            audit.Record("tenant.updated", "tenant", tenant.Id.ToString(), before, ViewOf(tenant));
            await db.SaveChangesAsync(ct);
            // Report days follow the tenant's zone: the analytics rollup re-buckets its days now rather than at the next tracked event.
            if (before.Timezone != tenant.Timezone) await rollups.QueueAsync(tenant.Id, ct);
            return Results.Ok(ViewOf(tenant));
        }).RequireAuthorization(Scopes.Policy(Scopes.TenantManage)).WithSummary("Change this tenant's name, default country or time zone")
          .Produces<TenantView>().ProducesValidationProblem();

        tenantGroup.MapGet("/users", async (BrandHubDb db, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<User>().AsNoTracking();
            var total = await q.CountAsync(ct);
            var users = await q.OrderBy(u => u.Email).ThenBy(u => u.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<UserView>(users.Select(UserViewOf).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.UsersManage)).WithTags("Users").WithSummary("The tenant's users, by email")
          .Produces<Page<UserView>>().ProducesValidationProblem();

        tenantGroup.MapPost("/users", async (NewUserRequest body, BrandHubDb db, AuditTrail audit, TenantProvisioning provisioning, CancellationToken ct) =>
        {
            var (user, errors) = await provisioning.CreateUserAsync(db, audit, body.Email ?? "", body.DisplayName, body.Role ?? "", body.Password ?? "", ct);
            return user is null ? Problems.Validation(errors) : Results.Created($"/api/v1/users/{user.Id}", UserViewOf(user));
        }).RequireAuthorization(Scopes.Policy(Scopes.UsersManage)).WithTags("Users").WithSummary("Invite a user with a role and an initial password")
          .Produces<UserView>(201).ProducesValidationProblem();

        tenantGroup.MapGet("/api-keys", async (BrandHubDb db, CancellationToken ct) =>
            Results.Ok((await db.Set<ApiKey>().AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(KeyView)))
            .RequireAuthorization(Scopes.Policy(Scopes.ApiKeysManage)).WithTags("API keys").WithSummary("The tenant's API keys (secrets are never shown again)")
            .Produces<IReadOnlyList<ApiKeyView>>();

        tenantGroup.MapPost("/api-keys", async (NewApiKeyRequest body, BrandHubDb db, Actor actor, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100) errors.Add(new("name", "A name of 1–100 characters."));
            var role = body.Role ?? Roles.Marketer;
            if (!Roles.IsKnown(role) || role == Roles.Owner) errors.Add(new("role", "Role must be one of admin, marketer, agent, analyst, viewer."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var prefix = "bh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '-').Replace('_', '-').TrimEnd('=');
            var key = new ApiKey
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Name = body.Name!.Trim(), Prefix = prefix,
                SecretHash = ApiKeyAuthentication.HashSecret(secret), Role = role, CreatedBy = actor.UserId ?? Guid.Empty, CreatedAt = clock.GetUtcNow(),
            };
            db.Add(key);
            audit.Record("apikey.created", "apikey", key.Id.ToString(), null, new { key.Name, key.Prefix, key.Role });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/api-keys/{key.Id}", new NewApiKeyResponse(key.Id, key.Name, key.Prefix, key.Role, $"{prefix}_{secret}"));
        }).RequireAuthorization(Scopes.Policy(Scopes.ApiKeysManage)).WithTags("API keys").WithSummary("Create an API key; the key is in this response only")
          .Produces<NewApiKeyResponse>(201).ProducesValidationProblem();

        tenantGroup.MapDelete("/api-keys/{id:guid}", async (Guid id, BrandHubDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
            if (key is null) return Problems.NotFound("API key");
            if (key.RevokedAt is null)
            {
                key.RevokedAt = clock.GetUtcNow();
                audit.Record("apikey.revoked", "apikey", key.Id.ToString(), null, new { key.Name, key.Prefix });
                await db.SaveChangesAsync(ct);
            }
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.ApiKeysManage)).WithTags("API keys").WithSummary("Revoke an API key (idempotent)")
          .Produces(204).ProducesProblem(404);

        return app;
    }

    private static UserView UserViewOf(User u) => new(u.Id, u.Email, u.DisplayName, u.Role, u.CreatedAt, u.DisabledAt);
    private static TenantView ViewOf(Tenant t) => new(t.Id, t.Name, t.Slug, t.DefaultCountry, t.Timezone);
    private static ApiKeyView KeyView(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role, Roles.ScopesOf(k.Role), k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
