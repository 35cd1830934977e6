using System.Text.Json;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>
/// The dispatcher's set-based database work: one statement claims a batch of due deliveries under a lease
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so nodes never claim the same row; SQLite has a single writer), one
/// statement records a batch's outcomes, and expired leases of crashed nodes are taken back. Every statement runs in
/// platform scope or the batch's tenant, never a request's.
/// </summary>
public sealed class DeliveryClaims(IServiceScopeFactory scopes, DeliveryOptions options, TimeProvider clock)
{
    public sealed record ClaimedKey(Guid TenantId, Guid Id);

    /// <summary>Claims up to <paramref name="max"/> due deliveries for <paramref name="worker"/>, grouped by tenant.</summary>
    public async Task<IReadOnlyList<IGrouping<Guid, Delivery>>> ClaimAsync(string worker, int max, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        object Now = db.Instant(now), Lease = db.Instant(now.AddSeconds(options.LeaseSeconds));
        var keys = db.IsPostgres
            ? await db.Database.SqlQuery<ClaimedKey>($@"UPDATE deliveries SET status = 'sending', lease_owner = {worker}, lease_expires_at = {Lease},
                    attempts = attempts + 1, updated_at = {Now}
                WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM deliveries WHERE status = 'queued' AND run_at <= {Now}
                    ORDER BY run_at LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING tenant_id AS ""TenantId"", id AS ""Id""").ToListAsync(ct)
            : await db.Database.SqlQuery<ClaimedKey>($@"UPDATE deliveries SET status = 'sending', lease_owner = {worker}, lease_expires_at = {Lease},
                    attempts = attempts + 1, updated_at = {Now}
                WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM deliveries WHERE status = 'queued' AND run_at <= {Now}
                    ORDER BY run_at LIMIT {max})
                RETURNING tenant_id AS ""TenantId"", id AS ""Id""").ToListAsync(ct);
        if (keys.Count == 0) return [];

        var claimed = new List<Delivery>(keys.Count);
        foreach (var tenant in keys.GroupBy(k => k.TenantId))
        {
            var ids = tenant.Select(k => k.Id).ToList();
            var tenantId = tenant.Key;
            claimed.AddRange(await db.AllTenants<Delivery>().AsNoTracking().Where(d => d.TenantId == tenantId && ids.Contains(d.Id)).ToListAsync(ct));
        }
        return claimed.GroupBy(d => d.TenantId).ToList();
    }

    /// <summary>
    /// Records a tenant's batch of outcomes in one UPDATE plus one bulk insert of history, in one transaction — only for the
    /// deliveries this worker still holds (a lease that expired and was taken over is left to the new holder).
    /// </summary>
    public async Task<int> FinishAsync(Guid tenantId, string worker, DateTimeOffset claimedAt, IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        if (outcomes.Count == 0) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.Enter(tenantId);
        var now = clock.GetUtcNow();
        var rows = JsonSerializer.Serialize(outcomes.Select(o => new
        {
            id = db.IsPostgres ? o.DeliveryId.ToString() : o.DeliveryId.ToString().ToUpperInvariant(),
            status = o.Status, reason = o.Reason, error = Shorten(o.Error), provider = o.Provider, pmid = o.ProviderMessageId,
            run_at = o.RunAt is { } r ? db.Instant(r) : null, refund = o.Refund ? 1 : 0,
            sent = o.Status == DeliveryStatuses.Sent ? 1 : 0,
        }));
        object Now = db.Instant(now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = db.IsPostgres
            ? await db.Database.SqlQuery<Guid>($@"UPDATE deliveries AS d SET status = r.status, reason = COALESCE(r.reason, d.reason),
                    run_at = COALESCE(r.run_at, d.run_at), last_error = COALESCE(r.error, d.last_error), provider = COALESCE(r.provider, d.provider),
                    provider_message_id = COALESCE(r.pmid, d.provider_message_id), sent_at = CASE WHEN r.sent = 1 THEN {Now} ELSE d.sent_at END,
                    attempts = d.attempts - r.refund, lease_owner = NULL, lease_expires_at = NULL, updated_at = {Now}
                FROM jsonb_to_recordset({rows}::jsonb) AS r(id uuid, status text, reason text, error text, provider text, pmid text,
                    run_at timestamptz, refund integer, sent integer)
                WHERE d.tenant_id = {tenantId} AND d.id = r.id AND d.status = 'sending' AND d.lease_owner = {worker}
                RETURNING d.id AS ""Value""").ToListAsync(ct)
            : await db.Database.SqlQuery<Guid>($@"UPDATE deliveries SET status = r.status, reason = COALESCE(r.reason, deliveries.reason),
                    run_at = COALESCE(r.run_at, deliveries.run_at), last_error = COALESCE(r.error, deliveries.last_error),
                    provider = COALESCE(r.provider, deliveries.provider), provider_message_id = COALESCE(r.pmid, deliveries.provider_message_id),
                    sent_at = CASE WHEN r.sent = 1 THEN {Now} ELSE deliveries.sent_at END,
                    attempts = deliveries.attempts - r.refund, lease_owner = NULL, lease_expires_at = NULL, updated_at = {Now}
                FROM (SELECT value ->> '$.id' AS id, value ->> '$.status' AS status, value ->> '$.reason' AS reason, value ->> '$.error' AS error,
                    value ->> '$.provider' AS provider, value ->> '$.pmid' AS pmid, value ->> '$.run_at' AS run_at,
                    value ->> '$.refund' AS refund, value ->> '$.sent' AS sent FROM json_each({rows})) AS r
                WHERE deliveries.tenant_id = {tenantId} AND deliveries.id = r.id AND deliveries.status = 'sending' AND deliveries.lease_owner = {worker}
                RETURNING deliveries.id AS ""Value""").ToListAsync(ct);

        var held = updated.ToHashSet();
        foreach (var o in outcomes.Where(o => held.Contains(o.DeliveryId)))
        {
            // The claim's own step is written here, with its time, so a batch costs one history insert, not two.
            db.Add(DeliveryHistory.Entry(tenantId, o.DeliveryId, DeliveryStatuses.Queued, DeliveryStatuses.Sending, claimedAt, null));
            db.Add(DeliveryHistory.Entry(tenantId, o.DeliveryId, DeliveryStatuses.Sending, o.Status, now, o.Detail));
        }
        await db.SaveChangesInBulkAsync(ct);
        await tx.CommitAsync(ct);
        return updated.Count;
    }

    /// <summary>
    /// Takes back deliveries whose lease expired while <c>sending</c> (their node crashed or stalled): queued again for an
    /// immediate retry, or dead when that was their last attempt. They may have reached the provider before the crash —
    /// that is the duplicate bound: at most the batches in flight on the node that died.
    /// </summary>
    public async Task<int> RecoverExpiredAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        object Now = db.Instant(now);
        var max = options.MaxAttempts;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dead = await db.Database.SqlQuery<ClaimedKey>($@"UPDATE deliveries SET status = 'dead', lease_owner = NULL, lease_expires_at = NULL, updated_at = {Now},
                last_error = COALESCE(last_error, 'The dispatcher stopped while sending the last attempt.')
            WHERE status = 'sending' AND lease_expires_at < {Now} AND attempts >= {max}
            RETURNING tenant_id AS ""TenantId"", id AS ""Id""").ToListAsync(ct);
        var requeued = await db.Database.SqlQuery<ClaimedKey>($@"UPDATE deliveries SET status = 'queued', run_at = {Now}, lease_owner = NULL,
                lease_expires_at = NULL, updated_at = {Now}
            WHERE status = 'sending' AND lease_expires_at < {Now}
            RETURNING tenant_id AS ""TenantId"", id AS ""Id""").ToListAsync(ct);
        foreach (var k in dead) db.Add(DeliveryHistory.Entry(k.TenantId, k.Id, DeliveryStatuses.Sending, DeliveryStatuses.Dead, now, "The lease expired on the last attempt."));
        foreach (var k in requeued) db.Add(DeliveryHistory.Entry(k.TenantId, k.Id, DeliveryStatuses.Sending, DeliveryStatuses.Queued, now, "The lease expired: the dispatcher stopped mid-send; sending again."));
        await db.SaveChangesInBulkAsync(ct);
        await tx.CommitAsync(ct);
        return dead.Count + requeued.Count;
    }

    private static string? Shorten(string? s) => s is { Length: > 2000 } ? s[..2000] : s;

    private static BrandHubDb Platform(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        return db;
    }
}
