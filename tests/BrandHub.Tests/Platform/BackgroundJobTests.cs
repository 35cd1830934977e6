using System.Collections.Concurrent;
using System.Text.Json;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Tests.Platform;

/// <summary>What the test job handlers did, and the switches the tests flip.</summary>
public sealed class JobProbe
{
    public sealed record Attempt(int Number, DateTimeOffset RunAt, Guid? TenantId, DateTimeOffset? FailedAt);

    public ConcurrentDictionary<Guid, ConcurrentQueue<Attempt>> Attempts { get; } = new();
    public ConcurrentDictionary<Guid, TaskCompletionSource> Gates { get; } = new();
    public ConcurrentDictionary<Guid, bool> Healed { get; } = new();

    public IReadOnlyList<Attempt> AttemptsOf(Guid id) => Attempts.TryGetValue(id, out var q) ? q.ToList() : [];
    public TaskCompletionSource Gate(Guid id) => Gates.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    internal void Record(JobContext context, TenantScope scope, DateTimeOffset? failedAt = null) =>
        Attempts.GetOrAdd(context.Job.Id, _ => new()).Enqueue(new Attempt(context.Job.Attempts, context.Job.RunAt, scope.TenantId, failedAt));
}

/// <summary>A job handler whose behaviour is a script; resolved per job in the worker's scope, like real handlers.</summary>
public sealed class ScriptedJob(string kind, IServiceProvider services, Func<JobContext, JobProbe, TenantScope, Task> run) : IJobHandler
{
    public string Kind => kind;
    public Task RunAsync(JobContext context) => run(context, services.GetRequiredService<JobProbe>(), services.GetRequiredService<TenantScope>());
}

/// <summary>A host whose background workers also run the test job kinds, with short retry delays.</summary>
public sealed class JobWorkerHost : BrandHubHost
{
    public const double RetryBaseSeconds = 0.2;

    public JobWorkerHost()
    {
        Settings["BrandHub:Jobs:RetryBaseSeconds"] = RetryBaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["BrandHub:Jobs:RetryMaxSeconds"] = "1";
        Settings["BrandHub:Jobs:LeaseSeconds"] = "30";
        ConfigureServices = services =>
        {
            services.AddSingleton<JobProbe>();
            void Handler(string kind, Func<JobContext, JobProbe, TenantScope, Task> run) =>
                services.AddScoped<IJobHandler>(sp => new ScriptedJob(kind, sp, run));

            Handler("test.echo", (ctx, probe, scope) => { probe.Record(ctx, scope); return Task.CompletedTask; });
            Handler("test.progress", async (ctx, probe, scope) =>
            {
                probe.Record(ctx, scope);
                await ctx.ReportProgressAsync(3, 10);
                await probe.Gate(ctx.Job.Id).Task.WaitAsync(ctx.Cancellation);
                await ctx.ReportProgressAsync(10, 10);
            });
            Handler("test.flaky", (ctx, probe, scope) =>
            {
                var failures = JsonDocument.Parse(ctx.Job.PayloadJson).RootElement.GetProperty("failures").GetInt32();
                if (ctx.Job.Attempts <= failures)
                {
                    probe.Record(ctx, scope, DateTimeOffset.UtcNow);
                    throw new TimeoutException($"transient failure on attempt {ctx.Job.Attempts}");
                }
                probe.Record(ctx, scope);
                return Task.CompletedTask;
            });
            Handler("test.permanent", (ctx, probe, scope) =>
            {
                probe.Record(ctx, scope);
                throw new PermanentJobFailure("the input can never work");
            });
            Handler("test.broken", (ctx, probe, scope) =>
            {
                probe.Record(ctx, scope);
                if (!probe.Healed.ContainsKey(ctx.Job.Id)) throw new InvalidOperationException($"still broken (attempt {ctx.Job.Attempts})");
                return Task.CompletedTask;
            });
        };
    }

    public JobQueue Queue => App.Services.GetRequiredService<JobQueue>();
    public JobProbe Probe => App.Services.GetRequiredService<JobProbe>();
}

/// <summary>Background jobs run by the host's workers: progress by API, retries, dead-letter, re-drive, crashed workers.</summary>
public sealed class BackgroundJobTests(JobWorkerHost host) : IClassFixture<JobWorkerHost>
{
    private static readonly string[] Finished = ["succeeded", "dead", "cancelled"];

    private static async Task<JsonElement> JobAsync(TenantSession tenant, Guid id)
    {
        var response = await tenant.Client.GetAsync($"/api/v1/jobs/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static Task<JsonElement> UntilFinishedAsync(TenantSession tenant, Guid id) =>
        Eventually.PollAsync(() => JobAsync(tenant, id), j => Finished.Contains(j.GetProperty("status").GetString()), $"job {id} to finish");

    [Fact]
    public async Task A_job_runs_in_its_tenant_and_its_progress_is_readable_by_API()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.progress", new { });
        try
        {
            var running = await Eventually.PollAsync(() => JobAsync(tenant, job.Id),
                j => j.GetProperty("progressDone").GetInt64() == 3, "progress 3 of 10");
            running.GetProperty("status").GetString().ShouldBe("running");
            running.GetProperty("progressTotal").GetInt64().ShouldBe(10);
            running.GetProperty("attempts").GetInt32().ShouldBe(1);
            running.GetProperty("kind").GetString().ShouldBe("test.progress");
            running.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        finally { host.Probe.Gate(job.Id).TrySetResult(); }

        var done = await UntilFinishedAsync(tenant, job.Id);
        done.GetProperty("status").GetString().ShouldBe("succeeded");
        done.GetProperty("progressDone").GetInt64().ShouldBe(10);
        done.GetProperty("progressTotal").GetInt64().ShouldBe(10);
        done.GetProperty("finishedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        done.GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
        host.Probe.AttemptsOf(job.Id).Single().TenantId.ShouldBe(tenant.TenantId);

        var list = await (await tenant.Client.GetAsync("/api/v1/jobs?status=succeeded&kind=test.progress")).JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("id").GetGuid()).ShouldBe([job.Id]);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_until_it_succeeds()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.flaky", new { failures = 2 }, maxAttempts: 5);

        var done = await UntilFinishedAsync(tenant, job.Id);

        done.GetProperty("status").GetString().ShouldBe("succeeded");
        done.GetProperty("attempts").GetInt32().ShouldBe(3);
        var attempts = host.Probe.AttemptsOf(job.Id);
        attempts.Select(a => a.Number).ShouldBe([1, 2, 3]);
        // Each retry was scheduled at least half the base delay after the failure before it (RetryBackoff's floor).
        for (var i = 1; i < attempts.Count; i++)
            (attempts[i].RunAt - attempts[i - 1].FailedAt!.Value).ShouldBeGreaterThanOrEqualTo(
                TimeSpan.FromSeconds(JobWorkerHost.RetryBaseSeconds / 2) - TimeSpan.FromMilliseconds(2));
    }

    [Fact]
    public async Task A_permanent_failure_goes_to_dead_at_once()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.permanent", new { }, maxAttempts: 5);

        var dead = await UntilFinishedAsync(tenant, job.Id);

        dead.GetProperty("status").GetString().ShouldBe("dead");
        dead.GetProperty("attempts").GetInt32().ShouldBe(1);
        dead.GetProperty("lastError").GetString().ShouldBe("the input can never work");
        host.Probe.AttemptsOf(job.Id).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_keeps_failing_goes_to_dead_after_its_last_attempt()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.broken", new { }, maxAttempts: 3);

        var dead = await UntilFinishedAsync(tenant, job.Id);

        dead.GetProperty("status").GetString().ShouldBe("dead");
        dead.GetProperty("attempts").GetInt32().ShouldBe(3);
        dead.GetProperty("maxAttempts").GetInt32().ShouldBe(3);
        dead.GetProperty("lastError").GetString().ShouldBe("still broken (attempt 3)");
        host.Probe.AttemptsOf(job.Id).Select(a => a.Number).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task A_job_of_a_kind_nobody_handles_goes_to_dead()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.nobody-handles-this", new { });

        var dead = await UntilFinishedAsync(tenant, job.Id);

        dead.GetProperty("status").GetString().ShouldBe("dead");
        dead.GetProperty("lastError").GetString()!.ShouldContain("test.nobody-handles-this");
    }

    [Fact]
    public async Task A_dead_job_is_re_driven_with_fresh_attempts()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.broken", new { }, maxAttempts: 2);
        (await UntilFinishedAsync(tenant, job.Id)).GetProperty("status").GetString().ShouldBe("dead");
        host.Probe.Healed[job.Id] = true; // the cause is fixed

        var redrive = await tenant.Client.PostAsync($"/api/v1/jobs/{job.Id}/redrive", null);

        redrive.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await UntilFinishedAsync(tenant, job.Id);
        done.GetProperty("status").GetString().ShouldBe("succeeded");
        done.GetProperty("attempts").GetInt32().ShouldBe(1);
        host.Probe.AttemptsOf(job.Id).Count.ShouldBe(3);
        var audit = await (await tenant.Client.GetAsync($"/api/v1/audit?entityType=job&entityId={job.Id}")).JsonAsync();
        audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["job.redriven"]);
    }

    [Fact]
    public async Task Only_dead_or_cancelled_jobs_can_be_re_driven()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.echo", new { });
        (await UntilFinishedAsync(tenant, job.Id)).GetProperty("status").GetString().ShouldBe("succeeded");

        var response = await tenant.Client.PostAsync($"/api/v1/jobs/{job.Id}/redrive", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await tenant.Client.PostAsync($"/api/v1/jobs/{Guid.NewGuid()}/redrive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tenant.Client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await (await tenant.Client.GetAsync($"/api/v1/audit?entityType=job&entityId={job.Id}")).JsonAsync();
        audit.GetProperty("total").GetInt32().ShouldBe(0, "a refused re-drive is not recorded as done");
    }

    [Fact]
    public async Task Re_driving_needs_the_jobs_manage_scope()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.permanent", new { });
        (await UntilFinishedAsync(tenant, job.Id)).GetProperty("status").GetString().ShouldBe("dead");
        var email = $"analyst-{Guid.NewGuid():N}@tenant.test";
        (await tenant.Client.PostJsonAsync("/api/v1/users", new { email, role = "analyst", password = "analyst password" })).EnsureSuccessStatusCode();
        using var analyst = await host.SignInAsync(email, "analyst password");

        (await analyst.GetAsync($"/api/v1/jobs/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.PostAsync($"/api/v1/jobs/{job.Id}/redrive", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JobAsync(tenant, job.Id)).GetProperty("status").GetString().ShouldBe("dead");
    }

    [Fact]
    public async Task A_job_left_running_by_a_crashed_worker_is_taken_over_when_its_lease_runs_out()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.echo", new { }, runAt: DateTimeOffset.UtcNow.AddDays(1));
        // As a worker on another node would leave it when killed mid-run: running, leased, attempt 1, no more heartbeats.
        await using (var conn = await host.OpenAsync())
            (await conn.ExecuteAsync(
                "UPDATE jobs SET status = 'running', lease_owner = 'crashed-node:1', attempts = 1, run_at = @p1, started_at = @p1, lease_expires_at = @p2 WHERE id = @p0",
                RawSql.Id(job.Id), RawSql.Instant(DateTimeOffset.UtcNow.AddMinutes(-2)), RawSql.Instant(DateTimeOffset.UtcNow.AddSeconds(-1)))).ShouldBe(1);

        var done = await UntilFinishedAsync(tenant, job.Id);

        done.GetProperty("status").GetString().ShouldBe("succeeded");
        done.GetProperty("attempts").GetInt32().ShouldBe(2);
        host.Probe.AttemptsOf(job.Id).Single().Number.ShouldBe(2);
    }

    [Fact]
    public async Task A_job_whose_lease_is_still_valid_is_left_to_its_worker()
    {
        var tenant = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(tenant.TenantId, "test.echo", new { }, runAt: DateTimeOffset.UtcNow.AddDays(1));
        await using var conn = await host.OpenAsync();
        await conn.ExecuteAsync(
            "UPDATE jobs SET status = 'running', lease_owner = 'busy-node:1', attempts = 1, run_at = @p1, lease_expires_at = @p2 WHERE id = @p0",
            RawSql.Id(job.Id), RawSql.Instant(DateTimeOffset.UtcNow.AddMinutes(-2)), RawSql.Instant(DateTimeOffset.UtcNow.AddHours(1)));
        // A marker job enqueued afterwards: once it has run, the workers have polled past the leased job.
        var marker = await host.Queue.EnqueueAsync(tenant.TenantId, "test.echo", new { });
        (await UntilFinishedAsync(tenant, marker.Id)).GetProperty("status").GetString().ShouldBe("succeeded");

        var leased = await JobAsync(tenant, job.Id);
        leased.GetProperty("status").GetString().ShouldBe("running");
        leased.GetProperty("attempts").GetInt32().ShouldBe(1);
        host.Probe.AttemptsOf(job.Id).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_re_drive_a_job()
    {
        var owner = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var job = await host.Queue.EnqueueAsync(owner.TenantId, "test.permanent", new { });
        (await UntilFinishedAsync(owner, job.Id)).GetProperty("status").GetString().ShouldBe("dead");

        (await other.Client.GetAsync($"/api/v1/jobs/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.PostAsync($"/api/v1/jobs/{job.Id}/redrive", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await other.Client.GetAsync("/api/v1/jobs?pageSize=200")).Content.ReadAsStringAsync();
        list.ShouldNotContain(job.Id.ToString());
        (await JobAsync(owner, job.Id)).GetProperty("status").GetString().ShouldBe("dead");
    }
}
