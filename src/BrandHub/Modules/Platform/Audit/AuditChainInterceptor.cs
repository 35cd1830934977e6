using System.Runtime.CompilerServices;
using BrandHub.Core.Audit;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandHub.Modules.Platform.Audit;

/// <summary>
/// Chains new audit entries when they are saved: takes the tenant's chain head under a row lock (PostgreSQL
/// <c>FOR UPDATE</c>; SQLite's single writer), numbers the entries, links and hashes them, and moves the head —
/// all inside the transaction that saves the change, so the change and its audit entry commit together.
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, IDbContextTransaction> OwnTransactions = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not BrandHubDb db || db.PendingAudit.Count == 0) return result;
        if (db.Database.CurrentTransaction is null)
            OwnTransactions.AddOrUpdate(db, await db.Database.BeginTransactionAsync(ct));
        await ChainPendingAsync(db, ct);
        return result;
    }

    /// <summary>Numbers, links and hashes the unit of work's pending audit entries and adds them. Needs an open transaction.</summary>
    public static async Task ChainPendingAsync(BrandHubDb db, CancellationToken ct)
    {
        var entries = db.PendingAudit.ToList();
        db.PendingAudit.Clear();
        foreach (var tenantEntries in entries.GroupBy(e => e.Entry.TenantId))
        {
            var tenantId = tenantEntries.Key;
            var (sequence, hash) = await LockHeadAsync(db, tenantId, ct);
            foreach (var (entry, payload) in tenantEntries)
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = hash;
                entry.Hash = hash = AuditChain.ComputeHash(entry.PreviousHash, new AuditLink(entry.Sequence, entry.TenantId,
                    entry.OccurredAt, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, entry.PayloadDigest));
                payload.Sequence = entry.Sequence;
                db.Add(entry);
                db.Add(payload);
            }
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE audit_chain_heads SET last_sequence = {sequence}, last_hash = {hash} WHERE tenant_id = {tenantId}", ct);
        }
    }

    private static async Task<(long Sequence, string Hash)> LockHeadAsync(BrandHubDb db, Guid tenantId, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO audit_chain_heads (tenant_id, last_sequence, last_hash) VALUES ({tenantId}, 0, {AuditChain.GenesisHash}) ON CONFLICT DO NOTHING", ct);
            var head = await db.Database.SqlQuery<HeadRow>(
                $"SELECT last_sequence AS \"LastSequence\", last_hash AS \"LastHash\" FROM audit_chain_heads WHERE tenant_id = {tenantId} FOR UPDATE").SingleAsync(ct);
            return (head.LastSequence, head.LastHash);
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT OR IGNORE INTO audit_chain_heads (tenant_id, last_sequence, last_hash) VALUES ({tenantId}, 0, {AuditChain.GenesisHash})", ct);
        var row = await db.Database.SqlQuery<HeadRow>(
            $"SELECT last_sequence AS \"LastSequence\", last_hash AS \"LastHash\" FROM audit_chain_heads WHERE tenant_id = {tenantId}").SingleAsync(ct);
        return (row.LastSequence, row.LastHash);
    }

    private sealed class HeadRow { public long LastSequence { get; set; } public string LastHash { get; set; } = ""; }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is { } ctx && OwnTransactions.TryGetValue(ctx, out var tx))
        {
            OwnTransactions.Remove(ctx);
            await tx.CommitAsync(ct);
            await tx.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is { } ctx && OwnTransactions.TryGetValue(ctx, out var tx))
        {
            OwnTransactions.Remove(ctx);
            await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("BrandHub saves asynchronously: use SaveChangesAsync.");
}
