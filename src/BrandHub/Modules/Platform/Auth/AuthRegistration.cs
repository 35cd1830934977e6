using System.Security.Claims;
using System.Threading.RateLimiting;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Auth;

public static class AuthRegistration
{
    public const string LocalScheme = "BrandHubJwt", OidcScheme = "Oidc", Selector = "BrandHub", LoginLimiter = "login";

    public static IServiceCollection AddBrandHubAuth(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("BrandHub:Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddSingleton(new PasswordHasher(options.PasswordIterations));
        services.AddSingleton<TokenIssuer>();

        var auth = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "BrandHub", o => o.ForwardDefaultSelector = ctx =>
            {
                if (ApiKeyAuthentication.ReadKey(ctx.Request) is not null) return ApiKeyAuthentication.Scheme;
                if (options.Oidc.Enabled && !IsLocalToken(ctx.Request, options.Issuer)) return OidcScheme;
                return LocalScheme;
            })
            .AddJwtBearer(LocalScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(LocalScheme).Configure<TokenIssuer>((o, issuer) =>
        {
            o.TokenValidationParameters = issuer.ValidationParameters();
            o.MapInboundClaims = false;
        });

        if (options.Oidc.Enabled)
            auth.AddJwtBearer(OidcScheme, o =>
            {
                o.Authority = options.Oidc.Authority;
                o.Audience = options.Oidc.Audience;
                o.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents { OnTokenValidated = ctx => MapExternalUserAsync(ctx, options.Oidc) };
            });

        services.AddAuthorization(a =>
        {
            foreach (var scope in Scopes.All)
                a.AddPolicy(Scopes.Policy(scope), p => p.RequireAuthenticatedUser()
                    .RequireAssertion(c => c.User.FindFirst(TokenIssuer.RoleClaim)?.Value is { } role && Roles.ScopesOf(role).Contains(scope)));
        });

        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.AddPolicy(LoginLimiter, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            r.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(title: "Too many sign-in attempts", detail: "Wait a minute before trying again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx.HttpContext);
            };
        });

        services.AddScoped<Actor>();
        return services;
    }

    /// <summary>After authentication: the request works inside the caller's tenant, as the caller.</summary>
    public static IApplicationBuilder UseTenantFromCaller(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirst(TokenIssuer.TenantClaim)?.Value, out var tenantId))
        {
            ctx.RequestServices.GetRequiredService<TenantScope>().Enter(tenantId);
            var actor = ctx.RequestServices.GetRequiredService<Actor>();
            if (Guid.TryParse(user.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value, out var keyId)) actor.SetApiKey(keyId);
            else if (Guid.TryParse(user.FindFirst("bh_uid")?.Value ?? user.FindFirst("sub")?.Value, out var userId)) actor.SetUser(userId);
        }
        await next();
    });

    private static bool IsLocalToken(HttpRequest request, string localIssuer)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return true;
        try { return new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(header[7..].Trim()).Issuer == localIssuer; }
        catch (ArgumentException) { return true; }
    }

    private static async Task MapExternalUserAsync(TokenValidatedContext ctx, OidcOptions oidc)
    {
        var email = ctx.Principal?.FindFirst(oidc.EmailClaim)?.Value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email)) { ctx.Fail("The token has no email claim."); return; }
        using var scope = ctx.HttpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        var user = await db.AllTenants<User>().FirstOrDefaultAsync(u => u.Email == email && u.DisabledAt == null);
        if (user is null) { ctx.Fail("No BrandHub user has this email."); return; }
        ctx.Principal!.AddIdentity(new ClaimsIdentity(
        [
            new Claim(TokenIssuer.TenantClaim, user.TenantId.ToString()),
            new Claim(TokenIssuer.RoleClaim, user.Role),
            new Claim("bh_uid", user.Id.ToString()),
        ]));
    }
}
