using BrandHub.Data;

namespace BrandHub.Modules.Platform.Jobs;

/// <summary>
/// Claims due jobs and runs them with their handler, each in its own DI scope inside the job's tenant, while a
/// heartbeat keeps the lease. When the heartbeat finds the lease lost (or the job cancelled) the handler is cancelled.
/// </summary>
public sealed class JobWorker(JobQueue queue, IServiceScopeFactory scopes, JobOptions options, ILogger<JobWorker> log) : BackgroundService
{
    private readonly string workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private int running;

    /// <summary>Set when the worker loop is alive (readiness reports it).</summary>
    public static DateTimeOffset? LastPollAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        log.LogInformation("Job worker {Worker} started with concurrency {Concurrency}", workerId, options.Concurrency);
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                LastPollAt = DateTimeOffset.UtcNow;
                await queue.EnqueueDueRecurringAsync(stop);
                var free = options.Concurrency - Volatile.Read(ref running);
                if (free > 0)
                    foreach (var job in await queue.ClaimAsync(workerId, free, stop))
                    {
                        Interlocked.Increment(ref running);
                        inFlight.Add(Task.Run(() => RunAsync(job, stop), CancellationToken.None));
                    }
                inFlight.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Job polling failed; retrying"); }
            try { await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), stop); } catch (OperationCanceledException) { break; }
        }
        await Task.WhenAll(inFlight);
    }

    private async Task RunAsync(Job job, CancellationToken stop)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(options.LeaseSeconds / 3, 0.2)));
        var beating = Task.Run(async () =>
        {
            try
            {
                while (await heartbeat.WaitForNextTickAsync(lost.Token))
                    if (!await queue.HeartbeatAsync(job.Id, workerId, lost.Token)) { await lost.CancelAsync(); break; }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { log.LogWarning(e, "Heartbeat for job {Job} failed", job.Id); }
        });

        try
        {
            using var scope = scopes.CreateScope();
            if (job.TenantId is { } tenantId) scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind)
                          ?? throw new PermanentJobFailure($"No handler for job kind '{job.Kind}'.");
            await handler.RunAsync(new JobContext(job, queue, workerId, lost.Token));
            await queue.SucceedAsync(job.Id, workerId, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job.Id, workerId); // shutting down: give it back for another node
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            log.LogWarning("Job {Job} lost its lease or was cancelled; stopping it here", job.Id);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Job {Job} ({Kind}) attempt {Attempt} failed", job.Id, job.Kind, job.Attempts);
            await queue.FailAsync(job, workerId, e, CancellationToken.None);
        }
        finally
        {
            await lost.CancelAsync();
            await beating;
            Interlocked.Decrement(ref running);
        }
    }
}
