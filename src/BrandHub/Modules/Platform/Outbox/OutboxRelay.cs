using System.Text.Json;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Outbox;

/// <summary>
/// Moves committed outbox messages to the in-process subscribers, oldest first. Each batch is claimed in a transaction
/// (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so relays on several nodes never hand out the same message); a message
/// is marked published when every interested subscriber has handled it, else its attempt and error are recorded and it
/// is tried again on a later poll, until <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, OutboxOptions options, TimeProvider clock, ILogger<OutboxRelay> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var relayed = 0;
            try { relayed = await RelayOnceAsync(stop); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Outbox relay failed; retrying"); }
            if (relayed >= options.BatchSize) continue; // more waiting: no pause
            try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stop); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Relays one batch; returns how many messages it looked at.</summary>
    public async Task<int> RelayOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var max = options.MaxAttempts;
        var limit = options.BatchSize;
        var batch = db.IsPostgres
            ? await db.Set<OutboxMessage>().FromSqlInterpolated($@"SELECT * FROM outbox_messages
                    WHERE published_at IS NULL AND attempts < {max} ORDER BY occurred_at LIMIT {limit} FOR UPDATE SKIP LOCKED")
                .IgnoreQueryFilters().AsNoTracking().ToListAsync(ct)
            : await db.AllTenants<OutboxMessage>().Where(m => m.PublishedAt == null && m.Attempts < max)
                .OrderBy(m => m.OccurredAt).Take(limit).AsNoTracking().ToListAsync(ct);
        if (batch.Count == 0) return 0;

        var subscribers = scope.ServiceProvider.GetServices<IOutboxSubscriber>().ToList();
        foreach (var message in batch)
        {
            string? error = null;
            var interested = subscribers.Where(s => s.Handles(message.Topic)).ToList();
            if (interested.Count > 0)
            {
                using var tenantScope = TenantWork.Begin(scope.ServiceProvider, message.TenantId, "system:outbox");
                var envelope = new OutboxEvent(message.TenantId, message.Id, message.Topic,
                    JsonDocument.Parse(message.PayloadJson).RootElement.Clone(), message.OccurredAt);
                foreach (var subscriber in tenantScope.ServiceProvider.GetServices<IOutboxSubscriber>().Where(s => s.Handles(message.Topic)))
                {
                    try { await subscriber.HandleAsync(envelope, ct); }
                    catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        error = $"{subscriber.GetType().Name}: {e.Message}";
                        log.LogWarning(e, "Outbox subscriber {Subscriber} failed on {Topic} {Message}", subscriber.GetType().Name, message.Topic, message.Id);
                        break;
                    }
                }
            }
            object now = db.Instant(clock.GetUtcNow());
            var tenant = message.TenantId;
            var id = message.Id;
            if (error is null)
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE outbox_messages SET published_at = {now}, attempts = attempts + 1, last_error = NULL WHERE tenant_id = {tenant} AND id = {id}", ct);
            else
            {
                var shortened = error.Length > 2000 ? error[..2000] : error;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {shortened} WHERE tenant_id = {tenant} AND id = {id}", ct);
            }
        }
        await tx.CommitAsync(ct);
        return batch.Count;
    }
}
