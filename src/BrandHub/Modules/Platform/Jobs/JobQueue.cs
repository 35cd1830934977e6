using System.Text.Json;
using BrandHub.Core.Scheduling;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Jobs;

/// <summary>
/// The durable job table's operations: enqueue, claim under a lease (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL,
/// the single writer on SQLite), heartbeat, progress, finish, retry with backoff, dead-letter and re-drive.
/// Every call opens its own platform scope, so workers never inherit a request's tenant.
/// </summary>
public sealed class JobQueue(IServiceScopeFactory scopes, JobOptions options, TimeProvider clock)
{
    public async Task<Job> EnqueueAsync(Guid? tenantId, string kind, object payload, DateTimeOffset? runAt = null,
        int maxAttempts = 5, string? dedupKey = null, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Kind = kind, PayloadJson = JsonSerializer.Serialize(payload),
            RunAt = runAt ?? now, MaxAttempts = maxAttempts, DedupKey = dedupKey, CreatedAt = now,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    /// <summary>Adds a job inside the caller's unit of work, so it commits together with the caller's change.</summary>
    public Job Stage(BrandHubDb db, Guid? tenantId, string kind, object payload, int maxAttempts = 5)
    {
        var job = new Job
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, Kind = kind, PayloadJson = JsonSerializer.Serialize(payload),
            RunAt = clock.GetUtcNow(), MaxAttempts = maxAttempts, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(job);
        return job;
    }

    public async Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int max, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        var lease = now.AddSeconds(options.LeaseSeconds);
        object Now = db.Instant(now), Lease = db.Instant(lease);

        // A job whose worker died on its last attempt is dead, not retried forever.
        await db.Database.ExecuteSqlInterpolatedAsync($@"UPDATE jobs SET status = 'dead', finished_at = {Now}, lease_owner = NULL,
            last_error = COALESCE(last_error, 'The worker stopped while running the last attempt.')
            WHERE status = 'running' AND lease_expires_at < {Now} AND attempts >= max_attempts", ct);

        var ids = db.IsPostgres
            ? await db.Database.SqlQuery<Guid>($@"UPDATE jobs SET status = 'running', lease_owner = {workerId}, lease_expires_at = {Lease},
                    attempts = attempts + 1, started_at = COALESCE(started_at, {Now})
                WHERE id IN (SELECT id FROM jobs
                    WHERE (status = 'queued' AND run_at <= {Now}) OR (status = 'running' AND lease_expires_at < {Now})
                    ORDER BY run_at LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING id AS ""Value""").ToListAsync(ct)
            : await db.Database.SqlQuery<Guid>($@"UPDATE jobs SET status = 'running', lease_owner = {workerId}, lease_expires_at = {Lease},
                    attempts = attempts + 1, started_at = COALESCE(started_at, {Now})
                WHERE id IN (SELECT id FROM jobs
                    WHERE (status = 'queued' AND run_at <= {Now}) OR (status = 'running' AND lease_expires_at < {Now})
                    ORDER BY run_at LIMIT {max})
                RETURNING id AS ""Value""").ToListAsync(ct);
        if (ids.Count == 0) return [];
        return await db.Set<Job>().AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(ct);
    }

    /// <summary>Extends the lease; false when this worker no longer owns the job (lease lost or job cancelled).</summary>
    public async Task<bool> HeartbeatAsync(Guid jobId, string workerId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var lease = db.Instant(clock.GetUtcNow().AddSeconds(options.LeaseSeconds));
        return await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE jobs SET lease_expires_at = {lease} WHERE id = {jobId} AND lease_owner = {workerId} AND status = 'running'", ct) == 1;
    }

    public async Task ReportProgressAsync(Guid jobId, string workerId, long done, long total, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var lease = db.Instant(clock.GetUtcNow().AddSeconds(options.LeaseSeconds));
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE jobs SET progress_done = {done}, progress_total = {total}, lease_expires_at = {lease} WHERE id = {jobId} AND lease_owner = {workerId}", ct);
    }

    public async Task SucceedAsync(Guid jobId, string workerId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = db.Instant(clock.GetUtcNow());
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE jobs SET status = 'succeeded', finished_at = {now}, lease_owner = NULL, lease_expires_at = NULL, last_error = NULL WHERE id = {jobId} AND lease_owner = {workerId}", ct);
    }

    /// <summary>Retries with exponential backoff and jitter, or dead-letters after the last attempt or a permanent failure.</summary>
    public async Task FailAsync(Job job, string workerId, Exception error, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        var message = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        var dead = error is PermanentJobFailure || job.Attempts >= job.MaxAttempts;
        var retryAt = now + RetryBackoff.Delay(job.Attempts, TimeSpan.FromSeconds(options.RetryBaseSeconds),
            TimeSpan.FromSeconds(options.RetryMaxSeconds), Random.Shared.NextDouble());
        object Now = db.Instant(now), RetryAt = db.Instant(retryAt);
        if (dead)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE jobs SET status = 'dead', finished_at = {Now}, last_error = {message}, lease_owner = NULL, lease_expires_at = NULL WHERE id = {job.Id} AND lease_owner = {workerId}", ct);
        else
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE jobs SET status = 'queued', run_at = {RetryAt}, last_error = {message}, lease_owner = NULL, lease_expires_at = NULL WHERE id = {job.Id} AND lease_owner = {workerId}", ct);
    }

    /// <summary>Gives a lease back without counting the attempt (graceful shutdown).</summary>
    public async Task ReleaseAsync(Guid jobId, string workerId)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE jobs SET status = 'queued', attempts = attempts - 1, lease_owner = NULL, lease_expires_at = NULL WHERE id = {jobId} AND lease_owner = {workerId} AND status = 'running'");
    }

    /// <summary>
    /// Cancels a queued or running job: a queued one never runs; a running one is stopped by its worker's next heartbeat
    /// (the lease check fails). False when the job had already ended.
    /// </summary>
    public static async Task<bool> CancelAsync(BrandHubDb db, Guid jobId, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<Job>().Where(j => j.Id == jobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1;

    /// <summary>Puts a dead (or cancelled) job back in the queue with fresh attempts.</summary>
    public static async Task<bool> RedriveAsync(BrandHubDb db, Guid jobId, DateTimeOffset now, CancellationToken ct)
    {
        var job = await db.Set<Job>().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status is not (JobStatus.Dead or JobStatus.Cancelled)) return false;
        job.Status = JobStatus.Queued;
        job.Attempts = 0;
        job.RunAt = now;
        job.FinishedAt = null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Enqueues the due occurrences of recurring schedules, exactly once across nodes (dedup key per occurrence).</summary>
    public async Task<int> EnqueueDueRecurringAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var now = clock.GetUtcNow();
        var due = await db.Set<RecurringJob>().Where(r => r.Enabled && r.NextRunAt <= now).ToListAsync(ct);
        var enqueued = 0;
        foreach (var r in due)
        {
            var next = CronSchedule.Parse(r.Cron).NextOccurrence(now, TimeZoneInfo.FindSystemTimeZoneById(r.Timezone)) ?? DateTimeOffset.MaxValue;
            object OldNext = db.Instant(r.NextRunAt), NewNext = db.Instant(next), Now = db.Instant(now);
            // Moving the schedule on and enqueueing its job commit together: a crash in between must not lose the occurrence.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var won = await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE recurring_jobs SET next_run_at = {NewNext}, last_run_at = {Now} WHERE name = {r.Name} AND next_run_at = {OldNext}", ct) == 1;
            if (!won) continue; // another node took this occurrence (the transaction rolls back on dispose)
            db.Add(new Job
            {
                Id = Guid.CreateVersion7(), Kind = r.Kind, PayloadJson = r.PayloadJson, RunAt = now, CreatedAt = now,
                DedupKey = $"recurring:{r.Name}:{r.NextRunAt.ToUnixTimeMilliseconds()}",
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            enqueued++;
        }
        return enqueued;
    }

    /// <summary>Creates or updates a recurring schedule (validated cron and IANA zone).</summary>
    public async Task ScheduleRecurringAsync(string name, string cron, string timezone, string kind, object payload, CancellationToken ct = default)
    {
        var schedule = CronSchedule.Parse(cron);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timezone);
        using var scope = scopes.CreateScope();
        var db = Platform(scope);
        var next = schedule.NextOccurrence(clock.GetUtcNow(), zone) ?? DateTimeOffset.MaxValue;
        var existing = await db.Set<RecurringJob>().FirstOrDefaultAsync(r => r.Name == name, ct);
        if (existing is null) db.Add(existing = new RecurringJob { Name = name });
        existing.Cron = cron; existing.Timezone = timezone; existing.Kind = kind;
        existing.PayloadJson = JsonSerializer.Serialize(payload); existing.NextRunAt = next; existing.Enabled = true;
        await db.SaveChangesAsync(ct);
    }

    private static BrandHubDb Platform(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        return db;
    }
}
