namespace BrandHub.Modules.Platform.Jobs;

/// <summary>Runs one kind of job. Handlers must be safe to run again after a crash: resume from their own checkpoint.</summary>
public interface IJobHandler
{
    string Kind { get; }
    Task RunAsync(JobContext context);
}

/// <summary>Thrown by a handler when retrying cannot help (bad input): the job goes straight to dead.</summary>
public sealed class PermanentJobFailure(string message) : Exception(message);

/// <summary>What a running handler gets: its job, a token cancelled on shutdown, cancel or lost lease, and progress.</summary>
public sealed class JobContext(Job job, JobQueue queue, string workerId, CancellationToken cancellation)
{
    public Job Job { get; } = job;
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Persists progress (done of total); also extends the lease.</summary>
    public Task ReportProgressAsync(long done, long total) => queue.ReportProgressAsync(Job.Id, workerId, done, total, Cancellation);
}
