using BrandHub.Core.Delivery;
using BrandHub.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        // One statement claims and returns the rows. PostgreSQL's is the function claim_deliveries (V0010), planned to walk
        // the due index whatever the statistics say; SQLite has one writer and no SKIP LOCKED.
        var claimed = db.IsPostgres
            ? await db.Set<Delivery>().FromSqlInterpolated($"SELECT * FROM claim_deliveries({worker}, {Now}, {Lease}, {max})")
                .IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)
            : await db.Set<Delivery>().FromSqlInterpolated($@"UPDATE deliveries SET status = 'sending', lease_owner = {worker},
                    lease_expires_at = {Lease}, attempts = attempts + 1, updated_at = {Now}
                WHERE (tenant_id, id) IN (SELECT tenant_id, id FROM deliveries WHERE status = 'queued' AND run_at <= {Now}
                    ORDER BY run_at LIMIT {max})
                RETURNING *").IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        if (claimed.Count == 0) return [];
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
        object Now = db.Instant(now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = db.IsPostgres
            ? await RecordOnPostgresAsync(db, tenantId, worker, Now, outcomes, ct)
            : await RecordOnSqliteAsync(db, tenantId, worker, (long)Now, outcomes, ct);

        var held = updated.ToHashSet();
        // The claim's own step is written here, with its time, so a batch costs one history insert, not two.
        var history = outcomes.Where(o => held.Contains(o.DeliveryId)).SelectMany(o => new[]
        {
            DeliveryHistory.Entry(tenantId, o.DeliveryId, DeliveryStatuses.Queued, DeliveryStatuses.Sending, claimedAt, null),
            DeliveryHistory.Entry(tenantId, o.DeliveryId, DeliveryStatuses.Sending, o.Status, now, o.Detail),
        }).ToList();
        if (db.IsPostgres) await InsertHistoryOnPostgresAsync(db, history, ct);
        else await InsertHistoryOnSqliteAsync(db, history, ct);
        await tx.CommitAsync(ct);
        return updated.Count;
    }

    /// <summary>
    /// PostgreSQL: one UPDATE joined to the batch's outcomes sent as arrays, one parameter per column (as the history
    /// insert does). A jsonb document of a 500-outcome batch was a ~200 KB string: a large-object-heap allocation per
    /// batch, which set off a full garbage collection about every second, and JSON for PostgreSQL to parse.
    /// </summary>
    private static Task<List<Guid>> RecordOnPostgresAsync(BrandHubDb db, Guid tenantId, string worker, object Now,
        IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        var count = outcomes.Count;
        var ids = new Guid[count];
        var statuses = new string[count];
        string?[] reasons = new string?[count], errors = new string?[count], providers = new string?[count], pmids = new string?[count];
        var runAts = new DateTimeOffset?[count];
        int[] refunds = new int[count], sent = new int[count];
        for (var i = 0; i < count; i++)
        {
            var o = outcomes[i];
            ids[i] = o.DeliveryId;
            statuses[i] = o.Status;
            reasons[i] = o.Reason;
            errors[i] = Shorten(o.Error);
            providers[i] = o.Provider;
            pmids[i] = o.ProviderMessageId;
            runAts[i] = o.RunAt?.ToUniversalTime();
            refunds[i] = o.Refund ? 1 : 0;
            sent[i] = o.Status == DeliveryStatuses.Sent ? 1 : 0;
        }
        return db.Database.SqlQuery<Guid>($@"UPDATE deliveries AS d SET status = r.status, reason = COALESCE(r.reason, d.reason),
                run_at = COALESCE(r.run_at, d.run_at), last_error = COALESCE(r.error, d.last_error), provider = COALESCE(r.provider, d.provider),
                provider_message_id = COALESCE(r.pmid, d.provider_message_id), sent_at = CASE WHEN r.sent = 1 THEN {Now} ELSE d.sent_at END,
                attempts = d.attempts - r.refund, lease_owner = NULL, lease_expires_at = NULL, updated_at = {Now}
            FROM unnest({ids}::uuid[], {statuses}::text[], {reasons}::text[], {errors}::text[], {providers}::text[], {pmids}::text[],
                {runAts}::timestamptz[], {refunds}::integer[], {sent}::integer[]) AS r(id, status, reason, error, provider, pmid, run_at, refund, sent)
            WHERE d.tenant_id = {tenantId} AND d.id = r.id AND d.status = 'sending' AND d.lease_owner = {worker}
            RETURNING d.id AS ""Value""").ToListAsync(ct);
    }

    /// <summary>
    /// SQLite: one prepared single-row UPDATE reused for every outcome, inside the caller's transaction. (An UPDATE … FROM
    /// json_each joins the batch to itself row by row — measured at 1–2 ms per delivery; the prepared statement costs
    /// microseconds, since the one writer holds the database anyway.)
    /// </summary>
    private static async Task<List<Guid>> RecordOnSqliteAsync(BrandHubDb db, Guid tenantId, string worker, long now,
        IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = @"UPDATE deliveries SET status = $status, reason = COALESCE($reason, reason), run_at = COALESCE($run_at, run_at),
                last_error = COALESCE($error, last_error), provider = COALESCE($provider, provider),
                provider_message_id = COALESCE($pmid, provider_message_id), sent_at = CASE WHEN $sent = 1 THEN $now ELSE sent_at END,
                attempts = attempts - $refund, lease_owner = NULL, lease_expires_at = NULL, updated_at = $now
            WHERE tenant_id = $tenant AND id = $id AND status = 'sending' AND lease_owner = $worker";
        Parameter(cmd, "$tenant", SqliteGuid(tenantId));
        Parameter(cmd, "$worker", worker);
        Parameter(cmd, "$now", now);
        DbParameter id = Parameter(cmd, "$id"), status = Parameter(cmd, "$status"), reason = Parameter(cmd, "$reason"),
            runAt = Parameter(cmd, "$run_at"), error = Parameter(cmd, "$error"), provider = Parameter(cmd, "$provider"),
            pmid = Parameter(cmd, "$pmid"), sent = Parameter(cmd, "$sent"), refund = Parameter(cmd, "$refund");
        await cmd.PrepareAsync(ct);

        var updated = new List<Guid>(outcomes.Count);
        foreach (var o in outcomes)
        {
            id.Value = SqliteGuid(o.DeliveryId);
            status.Value = o.Status;
            reason.Value = (object?)o.Reason ?? DBNull.Value;
            runAt.Value = o.RunAt is { } r ? r.ToUnixTimeMilliseconds() : DBNull.Value;
            error.Value = (object?)Shorten(o.Error) ?? DBNull.Value;
            provider.Value = (object?)o.Provider ?? DBNull.Value;
            pmid.Value = (object?)o.ProviderMessageId ?? DBNull.Value;
            sent.Value = o.Status == DeliveryStatuses.Sent ? 1 : 0;
            refund.Value = o.Refund ? 1 : 0;
            if (await cmd.ExecuteNonQueryAsync(ct) == 1) updated.Add(o.DeliveryId);
        }
        return updated;
    }

    /// <summary>
    /// PostgreSQL: the history rows in one INSERT over arrays (one parameter per column, however many rows; binary COPY
    /// is not allowed on tables with row-level security).
    /// </summary>
    private static async Task InsertHistoryOnPostgresAsync(BrandHubDb db, List<DeliveryTransition> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var tenants = rows.Select(r => r.TenantId).ToArray();
        var deliveries = rows.Select(r => r.DeliveryId).ToArray();
        var ids = rows.Select(r => r.Id).ToArray();
        var froms = rows.Select(r => r.FromStatus).ToArray();
        var tos = rows.Select(r => r.ToStatus).ToArray();
        var ats = rows.Select(r => r.At.ToUniversalTime()).ToArray();
        var details = rows.Select(r => r.Detail).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($@"INSERT INTO delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail)
            SELECT * FROM unnest({tenants}::uuid[], {deliveries}::uuid[], {ids}::uuid[], {froms}::text[], {tos}::text[], {ats}::timestamptz[], {details}::text[])", ct);
    }

    /// <summary>SQLite: the history rows through one prepared INSERT (no change tracking for rows nothing reads back).</summary>
    private static async Task InsertHistoryOnSqliteAsync(BrandHubDb db, List<DeliveryTransition> rows, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = "INSERT INTO delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail) VALUES ($t, $d, $i, $f, $s, $a, $x)";
        DbParameter tenant = Parameter(cmd, "$t"), delivery = Parameter(cmd, "$d"), id = Parameter(cmd, "$i"), from = Parameter(cmd, "$f"),
            to = Parameter(cmd, "$s"), at = Parameter(cmd, "$a"), detail = Parameter(cmd, "$x");
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            tenant.Value = SqliteGuid(row.TenantId);
            delivery.Value = SqliteGuid(row.DeliveryId);
            id.Value = SqliteGuid(row.Id);
            from.Value = (object?)row.FromStatus ?? DBNull.Value;
            to.Value = row.ToStatus;
            at.Value = row.At.ToUnixTimeMilliseconds();
            detail.Value = (object?)row.Detail ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
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

    private static DbParameter Parameter(DbCommand cmd, string name, object? value = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>A GUID as EF's SQLite mapping stores it: upper-case text.</summary>
    private static string SqliteGuid(Guid id) => id.ToString().ToUpperInvariant();

    private static string? Shorten(string? s) => s is { Length: > 2000 } ? s[..2000] : s;

    private static BrandHubDb Platform(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        return db;
    }
}
