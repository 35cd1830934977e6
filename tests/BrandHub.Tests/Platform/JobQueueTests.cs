using System.Collections.Concurrent;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Tests.Platform;

/// <summary>
/// A host without background workers and with a clock the tests move, so the queue's own operations (claim,
/// lease, heartbeat, backoff, dead-letter, recurring schedules) can be driven step by step, as several workers would.
/// </summary>
public sealed class QueueOnlyHost : BrandHubHost
{
    public const double LeaseSeconds = 30, RetryBaseSeconds = 8, RetryMaxSeconds = 60;
    public ManualClock Clock { get; } = new();

    public QueueOnlyHost()
    {
        Settings["BrandHub:Jobs:Enabled"] = "false";
        Settings["BrandHub:Segments:RefreshCron"] = ""; // this host drives the recurring clock itself: no other schedules
        Settings["BrandHub:Jobs:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["BrandHub:Jobs:RetryBaseSeconds"] = RetryBaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["BrandHub:Jobs:RetryMaxSeconds"] = RetryMaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ConfigureServices = s => s.AddSingleton<TimeProvider>(Clock);
    }

    public JobQueue Queue => App.Services.GetRequiredService<JobQueue>();

    public async Task<Job> ReadJobAsync(Guid id)
    {
        var (scope, db) = Database();
        using var _ = scope;
        return await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == id);
    }
}

/// <summary>The durable job queue: leases, heartbeats, retries with backoff, dead-letter, racing workers, recurring schedules.</summary>
public sealed class JobQueueTests(QueueOnlyHost host) : IClassFixture<QueueOnlyHost>
{
    private JobQueue Queue => host.Queue;
    private ManualClock Clock => host.Clock;

    /// <summary>Claims until this job comes up (other tests' leftovers may be claimed too); null when it does not.</summary>
    private async Task<Job?> ClaimAsync(string worker, Guid jobId)
    {
        foreach (var job in await Queue.ClaimAsync(worker, 200, CancellationToken.None))
            if (job.Id == jobId) return job;
        return null;
    }

    [Fact]
    public async Task A_claimed_job_is_leased_to_one_worker_until_the_lease_runs_out()
    {
        var job = await Queue.EnqueueAsync(null, "test.lease", new { n = 1 });

        var claimedByA = await ClaimAsync("worker-a", job.Id);
        claimedByA.ShouldNotBeNull();
        claimedByA.Status.ShouldBe(JobStatus.Running);
        claimedByA.LeaseOwner.ShouldBe("worker-a");
        claimedByA.Attempts.ShouldBe(1);
        (await ClaimAsync("worker-b", job.Id)).ShouldBeNull("the lease is A's");

        Clock.Advance(TimeSpan.FromSeconds(QueueOnlyHost.LeaseSeconds - 1));
        (await ClaimAsync("worker-b", job.Id)).ShouldBeNull("the lease has not run out yet");

        // A stops heartbeating (it crashed): once the lease runs out, B takes the job over.
        Clock.Advance(TimeSpan.FromSeconds(2));
        var claimedByB = await ClaimAsync("worker-b", job.Id);
        claimedByB.ShouldNotBeNull();
        claimedByB.LeaseOwner.ShouldBe("worker-b");
        claimedByB.Attempts.ShouldBe(2);

        // A comes back: it no longer owns the job and cannot finish it.
        (await Queue.HeartbeatAsync(job.Id, "worker-a", CancellationToken.None)).ShouldBeFalse();
        await Queue.SucceedAsync(job.Id, "worker-a", CancellationToken.None);
        await Queue.FailAsync(claimedByA, "worker-a", new InvalidOperationException("late"), CancellationToken.None);
        var stillB = await host.ReadJobAsync(job.Id);
        stillB.Status.ShouldBe(JobStatus.Running);
        stillB.LeaseOwner.ShouldBe("worker-b");

        (await Queue.HeartbeatAsync(job.Id, "worker-b", CancellationToken.None)).ShouldBeTrue();
        await Queue.SucceedAsync(job.Id, "worker-b", CancellationToken.None);
        var done = await host.ReadJobAsync(job.Id);
        done.Status.ShouldBe(JobStatus.Succeeded);
        done.FinishedAt.ShouldNotBeNull();
        done.LeaseOwner.ShouldBeNull();
    }

    [Fact]
    public async Task Heartbeats_keep_the_lease_alive()
    {
        var job = await Queue.EnqueueAsync(null, "test.heartbeat", new { });
        (await ClaimAsync("worker-a", job.Id)).ShouldNotBeNull();

        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(QueueOnlyHost.LeaseSeconds * 0.75));
            (await Queue.HeartbeatAsync(job.Id, "worker-a", CancellationToken.None)).ShouldBeTrue();
            (await ClaimAsync("worker-b", job.Id)).ShouldBeNull($"A heartbeats (round {i})");
        }
        await Queue.ReportProgressAsync(job.Id, "worker-a", 5, 10, CancellationToken.None); // progress extends the lease too
        Clock.Advance(TimeSpan.FromSeconds(QueueOnlyHost.LeaseSeconds * 0.75));
        (await ClaimAsync("worker-b", job.Id)).ShouldBeNull();
        var running = await host.ReadJobAsync(job.Id);
        (running.ProgressDone, running.ProgressTotal).ShouldBe((5L, 10L));
        await Queue.SucceedAsync(job.Id, "worker-a", CancellationToken.None);
    }

    [Fact]
    public async Task A_job_whose_worker_dies_on_its_last_attempt_is_dead_not_retried_forever()
    {
        var job = await Queue.EnqueueAsync(null, "test.last-attempt", new { }, maxAttempts: 1);
        (await ClaimAsync("worker-a", job.Id)).ShouldNotBeNull();

        Clock.Advance(TimeSpan.FromSeconds(QueueOnlyHost.LeaseSeconds + 1));
        (await ClaimAsync("worker-b", job.Id)).ShouldBeNull();

        var dead = await host.ReadJobAsync(job.Id);
        dead.Status.ShouldBe(JobStatus.Dead);
        dead.LastError.ShouldNotBeNullOrEmpty();
        dead.FinishedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_job_is_not_claimed_before_its_run_at()
    {
        var job = await Queue.EnqueueAsync(null, "test.later", new { }, runAt: Clock.GetUtcNow().AddMinutes(5));

        (await ClaimAsync("worker-a", job.Id)).ShouldBeNull();
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await ClaimAsync("worker-a", job.Id)).ShouldNotBeNull();
        await Queue.SucceedAsync(job.Id, "worker-a", CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_after_an_exponential_backoff()
    {
        var job = await Queue.EnqueueAsync(null, "test.backoff", new { }, maxAttempts: 5);
        var baseDelay = TimeSpan.FromSeconds(QueueOnlyHost.RetryBaseSeconds);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var claimed = await ClaimAsync("worker-a", job.Id);
            claimed.ShouldNotBeNull($"attempt {attempt} is claimable");
            claimed.Attempts.ShouldBe(attempt);
            var failedAt = Clock.GetUtcNow();
            await Queue.FailAsync(claimed, "worker-a", new TimeoutException($"provider timeout {attempt}"), CancellationToken.None);

            var queued = await host.ReadJobAsync(job.Id);
            queued.Status.ShouldBe(JobStatus.Queued);
            queued.LastError.ShouldBe($"provider timeout {attempt}");
            queued.LeaseOwner.ShouldBeNull();
            // delay = jitter × base × 2^(attempt−1), never below base/2 (RetryBackoff).
            var delay = queued.RunAt - failedAt;
            delay.ShouldBeGreaterThanOrEqualTo(baseDelay / 2 - TimeSpan.FromMilliseconds(1));
            delay.ShouldBeLessThanOrEqualTo(baseDelay * Math.Pow(2, attempt - 1) + TimeSpan.FromMilliseconds(1));

            (await ClaimAsync("worker-b", job.Id)).ShouldBeNull("not before the backoff has passed");
            Clock.Set(queued.RunAt);
        }
        var last = await ClaimAsync("worker-a", job.Id);
        last.ShouldNotBeNull();
        last.Attempts.ShouldBe(4);
        await Queue.SucceedAsync(job.Id, "worker-a", CancellationToken.None);
        var done = await host.ReadJobAsync(job.Id);
        done.Status.ShouldBe(JobStatus.Succeeded);
        done.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task The_backoff_is_capped()
    {
        var job = await Queue.EnqueueAsync(null, "test.capped", new { }, maxAttempts: 20);
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var claimed = await ClaimAsync("worker-a", job.Id);
            claimed.ShouldNotBeNull();
            var failedAt = Clock.GetUtcNow();
            await Queue.FailAsync(claimed, "worker-a", new Exception("again"), CancellationToken.None);
            var queued = await host.ReadJobAsync(job.Id);
            (queued.RunAt - failedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(QueueOnlyHost.RetryMaxSeconds));
            Clock.Set(queued.RunAt);
        }
        var final = await ClaimAsync("worker-a", job.Id);
        await Queue.SucceedAsync(final!.Id, "worker-a", CancellationToken.None);
    }

    [Fact]
    public async Task The_last_failed_attempt_dead_letters_the_job()
    {
        var job = await Queue.EnqueueAsync(null, "test.max-attempts", new { }, maxAttempts: 2);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var claimed = await ClaimAsync("worker-a", job.Id);
            claimed.ShouldNotBeNull();
            await Queue.FailAsync(claimed, "worker-a", new Exception($"failure {attempt}"), CancellationToken.None);
            Clock.Advance(TimeSpan.FromSeconds(QueueOnlyHost.RetryMaxSeconds));
        }

        var dead = await host.ReadJobAsync(job.Id);
        dead.Status.ShouldBe(JobStatus.Dead);
        dead.Attempts.ShouldBe(2);
        dead.LastError.ShouldBe("failure 2");
        dead.FinishedAt.ShouldNotBeNull();
        (await ClaimAsync("worker-a", job.Id)).ShouldBeNull("dead jobs are not claimed");
    }

    [Fact]
    public async Task A_permanent_failure_dead_letters_the_job_at_once()
    {
        var job = await Queue.EnqueueAsync(null, "test.permanent", new { }, maxAttempts: 5);
        var claimed = await ClaimAsync("worker-a", job.Id);

        await Queue.FailAsync(claimed!, "worker-a", new PermanentJobFailure("the file is not a CSV"), CancellationToken.None);

        var dead = await host.ReadJobAsync(job.Id);
        dead.Status.ShouldBe(JobStatus.Dead);
        dead.Attempts.ShouldBe(1);
        dead.LastError.ShouldBe("the file is not a CSV");
    }

    [Fact]
    public async Task Releasing_a_lease_on_shutdown_does_not_count_the_attempt()
    {
        var job = await Queue.EnqueueAsync(null, "test.release", new { });
        (await ClaimAsync("worker-a", job.Id))!.Attempts.ShouldBe(1);

        await Queue.ReleaseAsync(job.Id, "worker-a");

        var released = await host.ReadJobAsync(job.Id);
        released.Status.ShouldBe(JobStatus.Queued);
        released.Attempts.ShouldBe(0);
        (await ClaimAsync("worker-b", job.Id))!.Attempts.ShouldBe(1);
        await Queue.SucceedAsync(job.Id, "worker-b", CancellationToken.None);
    }

    [Fact]
    public async Task Two_workers_racing_over_200_jobs_never_claim_the_same_job_twice()
    {
        const int count = 200;
        var ids = new HashSet<Guid>();
        for (var i = 0; i < count; i++) ids.Add((await Queue.EnqueueAsync(null, "test.race", new { i })).Id);
        var claims = new ConcurrentBag<(string Worker, Guid Id)>();
        using var start = new SemaphoreSlim(0, 2);

        async Task Work(string worker)
        {
            await start.WaitAsync();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (claims.Count(c => ids.Contains(c.Id)) < count && DateTime.UtcNow < deadline)
            {
                var batch = await Queue.ClaimAsync(worker, 3, CancellationToken.None);
                foreach (var job in batch)
                {
                    claims.Add((worker, job.Id));
                    await Queue.SucceedAsync(job.Id, worker, CancellationToken.None);
                }
                if (batch.Count == 0) await Task.Delay(10);
            }
        }

        var workers = new[] { Task.Run(() => Work("racer-1")), Task.Run(() => Work("racer-2")) };
        start.Release(2);
        await Task.WhenAll(workers);

        var ours = claims.Where(c => ids.Contains(c.Id)).ToList();
        ours.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key} by {string.Join(", ", g.Select(c => c.Worker))}").ShouldBeEmpty();
        ours.Select(c => c.Id).ToHashSet().SetEquals(ids).ShouldBeTrue($"claimed {ours.Count} of {count}");
        (await Queue.ClaimAsync("racer-3", 200, CancellationToken.None)).Where(j => ids.Contains(j.Id)).ShouldBeEmpty();
        var (scope, db) = host.Database();
        using var _ = scope;
        (await db.Set<Job>().CountAsync(j => j.Kind == "test.race" && j.Status == JobStatus.Succeeded && j.Attempts == 1)).ShouldBe(count);
    }

    [Fact]
    public async Task A_recurring_schedule_enqueues_exactly_one_job_per_occurrence_even_with_two_schedulers()
    {
        // 09:00:30 UTC is 12:00:30 in Bucharest (EEST, UTC+3).
        Clock.Set(new DateTimeOffset(2031, 7, 1, 9, 0, 30, TimeSpan.Zero));
        var name = "test-every-minute-" + Guid.NewGuid().ToString("N")[..6];
        await Queue.ScheduleRecurringAsync(name, "* * * * *", "Europe/Bucharest", "test.recurring", new { report = "hourly" });
        var firstRun = await NextRunAsync(name);
        firstRun.ShouldBe(new DateTimeOffset(2031, 7, 1, 9, 1, 0, TimeSpan.Zero));

        // Not due yet: nothing is enqueued, however many schedulers ask.
        (await Task.WhenAll(Queue.EnqueueDueRecurringAsync(default), Queue.EnqueueDueRecurringAsync(default))).Sum().ShouldBe(0);

        for (var minute = 1; minute <= 5; minute++)
        {
            Clock.Set(new DateTimeOffset(2031, 7, 1, 9, minute, 5, TimeSpan.Zero));
            var enqueued = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Queue.EnqueueDueRecurringAsync(default))));
            enqueued.Sum().ShouldBe(1, $"occurrence {minute}");
            (await Queue.EnqueueDueRecurringAsync(default)).ShouldBe(0, "asking again in the same minute adds nothing");
            (await NextRunAsync(name)).ShouldBe(new DateTimeOffset(2031, 7, 1, 9, minute + 1, 0, TimeSpan.Zero));
        }

        var (scope, db) = host.Database();
        using var _ = scope;
        var jobs = await db.Set<Job>().AsNoTracking().Where(j => j.DedupKey != null && j.DedupKey.StartsWith($"recurring:{name}:")).ToListAsync();
        jobs.Count.ShouldBe(5);
        jobs.ShouldAllBe(j => j.Kind == "test.recurring" && j.Status == JobStatus.Queued && j.PayloadJson.Contains("hourly"));
        jobs.Select(j => j.DedupKey).Distinct().Count().ShouldBe(5);
        var occurrences = jobs.Select(j => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(j.DedupKey!.Split(':')[^1]))).OrderBy(t => t).ToList();
        occurrences.ShouldBe(Enumerable.Range(1, 5).Select(m => new DateTimeOffset(2031, 7, 1, 9, m, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_recurring_schedule_runs_at_wall_clock_time_in_its_time_zone()
    {
        var name = "test-daily-" + Guid.NewGuid().ToString("N")[..6];
        // Winter: Bucharest is UTC+2, so 09:00 there is 07:00 UTC.
        Clock.Set(new DateTimeOffset(2031, 1, 15, 12, 0, 0, TimeSpan.Zero));
        await Queue.ScheduleRecurringAsync(name, "0 9 * * *", "Europe/Bucharest", "test.recurring", new { });
        (await NextRunAsync(name)).ShouldBe(new DateTimeOffset(2031, 1, 16, 7, 0, 0, TimeSpan.Zero));

        // Summer: UTC+3, so 09:00 there is 06:00 UTC.
        Clock.Set(new DateTimeOffset(2031, 7, 15, 12, 0, 0, TimeSpan.Zero));
        await Queue.ScheduleRecurringAsync(name, "0 9 * * *", "Europe/Bucharest", "test.recurring", new { });
        (await NextRunAsync(name)).ShouldBe(new DateTimeOffset(2031, 7, 16, 6, 0, 0, TimeSpan.Zero));

        // Across the switch to summer time (30 March 2031, 03:00 local becomes 04:00): scheduled the day before
        // (UTC+2), the next run is on the 30th at 09:00 summer time, 06:00 UTC.
        Clock.Set(new DateTimeOffset(2031, 3, 29, 12, 0, 0, TimeSpan.Zero));
        await Queue.ScheduleRecurringAsync(name, "0 9 * * *", "Europe/Bucharest", "test.recurring", new { });
        (await NextRunAsync(name)).ShouldBe(new DateTimeOffset(2031, 3, 30, 6, 0, 0, TimeSpan.Zero));
        Clock.Set(DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_schedule_with_an_invalid_cron_or_zone_is_refused()
    {
        await Should.ThrowAsync<Exception>(() => Queue.ScheduleRecurringAsync("bad-cron", "every minute", "UTC", "test.recurring", new { }));
        await Should.ThrowAsync<Exception>(() => Queue.ScheduleRecurringAsync("bad-zone", "* * * * *", "Mars/Olympus", "test.recurring", new { }));
        var (scope, db) = host.Database();
        using var _ = scope;
        (await db.Set<RecurringJob>().CountAsync(r => r.Name == "bad-cron" || r.Name == "bad-zone")).ShouldBe(0);
    }

    private async Task<DateTimeOffset> NextRunAsync(string name)
    {
        var (scope, db) = host.Database();
        using var _ = scope;
        return (await db.Set<RecurringJob>().AsNoTracking().SingleAsync(r => r.Name == name)).NextRunAt;
    }
}
