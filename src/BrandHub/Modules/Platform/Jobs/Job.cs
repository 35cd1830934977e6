namespace BrandHub.Modules.Platform.Jobs;

/// <summary>
/// A unit of background work stored in the database: claimed by one worker at a time under a lease,
/// retried with backoff, dead-lettered after its last attempt. A platform table (it spans tenants) with
/// a <see cref="TenantId"/> column for the tenant it works for.
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; }
    public Guid? TenantId { get; set; }
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    public string Status { get; set; } = JobStatus.Queued;
    public DateTimeOffset RunAt { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 5;
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public long ProgressDone { get; set; }
    public long ProgressTotal { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set for jobs that must exist once (e.g. one run of a recurring schedule): a unique key.</summary>
    public string? DedupKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public static class JobStatus
{
    public const string Queued = "queued", Running = "running", Succeeded = "succeeded", Dead = "dead", Cancelled = "cancelled";
}

/// <summary>A cron schedule that enqueues a job of <see cref="Kind"/> at each occurrence in its time zone.</summary>
public sealed class RecurringJob
{
    public string Name { get; set; } = "";
    public string Cron { get; set; } = "";
    public string Timezone { get; set; } = "UTC";
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    public DateTimeOffset NextRunAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public bool Enabled { get; set; } = true;
}
