using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Asks for a debounced refresh of a tenant's dynamic segments after its contacts changed: one job per tenant per debounce
/// window, made unique by its dedup key (<c>segments.refresh:{tenant}:{window}</c>) and due at the window's end. Written on
/// the caller's connection and transaction, with ON CONFLICT DO NOTHING, so it never fails or blocks the change itself;
/// tenants without dynamic segments get no job at all.
/// </summary>
public sealed class SegmentRefreshRequests(SegmentsOptions options, TimeProvider clock)
{
    public async Task RequestAsync(BrandHubDb db, CancellationToken ct)
    {
        if (db.Scope.TenantId is not { } tenantId) return;
        var window = (long)Math.Max(1, options.RefreshDebounceSeconds * 1000);
        var now = clock.GetUtcNow();
        var bucket = now.ToUnixTimeMilliseconds() / window;
        var runAt = DateTimeOffset.FromUnixTimeMilliseconds((bucket + 1) * window);
        var payload = db.IsPostgres ? "CAST(@payload AS jsonb)" : "@payload";
        await db.ExecuteAsync($@"INSERT INTO jobs (id, tenant_id, kind, payload_json, status, run_at, attempts, max_attempts, lease_owner, lease_expires_at,
                progress_done, progress_total, last_error, dedup_key, created_at, started_at, finished_at)
            SELECT @id, @tenant, @kind, {payload}, 'queued', @runAt, 0, 3, NULL, NULL, 0, 0, NULL, @key, @now, NULL, NULL
            WHERE EXISTS (SELECT 1 FROM segments s WHERE s.tenant_id = @tenant AND s.type = 'dynamic' AND s.deleted_at IS NULL)
            ON CONFLICT (dedup_key) DO NOTHING",
            [("@id", db.Id(Guid.CreateVersion7())), ("@tenant", db.Id(tenantId)), ("@kind", SegmentRefreshJob.Kind), ("@payload", "{}"),
             ("@runAt", db.Instant(runAt)), ("@key", $"{SegmentRefreshJob.Kind}:{tenantId}:{bucket}"), ("@now", db.Instant(now))], ct);
    }
}
