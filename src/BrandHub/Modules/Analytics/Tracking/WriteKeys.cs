using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// Finds the tenant a write key belongs to. Every tracked page view presents one, so lookups are cached for
/// <see cref="CacheFor"/>; revoking a key clears it here at once and on other nodes within that time.
/// </summary>
public sealed class WriteKeys(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    public const string Prefix = "wk_";

    /// <summary>A live key: its tenant and the browser origins allowed to use it (none listed: any).</summary>
    public sealed record Found(Guid TenantId, IReadOnlyList<string> AllowedOrigins)
    {
        public bool Allows(string? origin) => origin is null || AllowedOrigins.Count == 0 ||
            AllowedOrigins.Any(o => string.Equals(o, origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

        /// <summary>The hosts of the allowed origins: a referrer from one of them is the visit going on, not a referral.</summary>
        public IReadOnlyList<string> SiteHosts => AllowedOrigins.Select(o => Uri.TryCreate(o, UriKind.Absolute, out var u) ? u.Host : null).OfType<string>().ToList();
    }

    private readonly ConcurrentDictionary<string, (Found? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public static string NewKey() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<Found?> FindAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var hit) && hit.Until > now) return hit.Key;
        Found? found = null;
        if (key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length <= 64)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform(); // the key names its tenant
            var row = await db.AllTenants<WriteKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Key == key && k.RevokedAt == null, ct);
            if (row is not null) found = new Found(row.TenantId, Origins(row));
        }
        if (_cache.Count > 10_000) _cache.Clear(); // guessed keys must not grow the cache without bound
        _cache[key] = (found, now + CacheFor);
        return found;
    }

    public void Forget(string key) => _cache.TryRemove(key, out _);

    public static IReadOnlyList<string> Origins(WriteKey key) => JsonSerializer.Deserialize<List<string>>(key.AllowedOriginsJson) ?? [];
}
