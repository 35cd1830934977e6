using System.Security.Cryptography;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Utm;

/// <summary>A short tracked link (<c>/l/{code}</c>) to a tagged URL, made by the link builder: it redirects and counts its clicks.</summary>
public sealed class ShortLink : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Code { get; set; } = "";
    public string Target { get; set; } = "";
    public long Clicks { get; set; }
    public DateTimeOffset? LastClickedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/l/I

    /// <summary>Eight characters of a 57-letter alphabet: 10^14 codes, so guessing one is hopeless and collisions are retried.</summary>
    public static string NewCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });
}

/// <summary>The public redirect of short links. Anonymous: the code names the link; an unknown code is a 404, never a redirect elsewhere.</summary>
public static class ShortLinkEndpoints
{
    public static IEndpointRouteBuilder MapShortLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/l/{code}", async (string code, HttpContext http, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct) =>
        {
            if (code.Length != 8) return Platform.Http.Problems.NotFound("Link");
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform(); // the code names its tenant
            var link = await db.AllTenants<ShortLink>().AsNoTracking().Where(l => l.Code == code).Select(l => new { l.TenantId, l.Target }).FirstOrDefaultAsync(ct);
            if (link is null) return Platform.Http.Problems.NotFound("Link");
            var now = clock.GetUtcNow();
            await db.AllTenants<ShortLink>().Where(l => l.Code == code)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Clicks, l => l.Clicks + 1).SetProperty(l => l.LastClickedAt, now), ct);
            http.Response.Headers.CacheControl = "no-store"; // every click is counted
            return Results.Redirect(link.Target);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
