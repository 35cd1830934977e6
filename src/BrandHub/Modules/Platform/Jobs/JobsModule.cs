using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Jobs;

public static class JobsModule
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("BrandHub:Jobs").Get<JobOptions>() ?? new JobOptions();
        services.AddSingleton(options);
        services.AddSingleton<JobQueue>();
        if (options.Enabled) services.AddHostedService<JobWorker>();
        return services;
    }

    public sealed record JobView(Guid Id, string Kind, string Status, int Attempts, int MaxAttempts, long ProgressDone, long ProgressTotal,
        DateTimeOffset RunAt, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    private static JobView View(Job j) => new(j.Id, j.Kind, j.Status, j.Attempts, j.MaxAttempts, j.ProgressDone, j.ProgressTotal,
        j.RunAt, j.LastError, j.CreatedAt, j.StartedAt, j.FinishedAt);

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/jobs").WithTags("Jobs");

        jobs.MapGet("/", async (BrandHubDb db, string? status, string? kind, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<Core.FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var tenant = db.Scope.RequiredTenantId;
            var q = db.Set<Job>().AsNoTracking().Where(j => j.TenantId == tenant);
            if (!string.IsNullOrEmpty(status)) q = q.Where(j => j.Status == status);
            if (!string.IsNullOrEmpty(kind)) q = q.Where(j => j.Kind == kind);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(j => j.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<JobView>(items.Select(View).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.JobsRead)).WithSummary("List this tenant's background jobs");

        jobs.MapGet("/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
        {
            var tenant = db.Scope.RequiredTenantId;
            var job = await db.Set<Job>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.TenantId == tenant, ct);
            return job is null ? Problems.NotFound("Job") : Results.Ok(View(job));
        }).RequireAuthorization(Scopes.Policy(Scopes.JobsRead)).WithSummary("A job's status and progress (done/total)");

        jobs.MapPost("/{id:guid}/redrive", async (Guid id, BrandHubDb db, TimeProvider clock, Audit.AuditTrail audit, CancellationToken ct) =>
        {
            var tenant = db.Scope.RequiredTenantId;
            if (!await db.Set<Job>().AnyAsync(j => j.Id == id && j.TenantId == tenant, ct)) return Problems.NotFound("Job");
            audit.Record("job.redriven", "job", id.ToString(), null, new { id });
            if (!await JobQueue.RedriveAsync(db, id, clock.GetUtcNow(), ct)) return Problems.Conflict("Only dead or cancelled jobs can be re-driven.");
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.JobsManage)).WithSummary("Re-queue a dead job with fresh attempts");

        jobs.MapPost("/{id:guid}/cancel", async (Guid id, BrandHubDb db, TimeProvider clock, Audit.AuditTrail audit, CancellationToken ct) =>
        {
            var tenant = db.Scope.RequiredTenantId;
            if (!await db.Set<Job>().AnyAsync(j => j.Id == id && j.TenantId == tenant, ct)) return Problems.NotFound("Job");
            if (!await JobQueue.CancelAsync(db, id, clock.GetUtcNow(), ct)) return Problems.Conflict("Only queued or running jobs can be cancelled.");
            audit.Record("job.cancelled", "job", id.ToString(), null, new { id });
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.JobsManage)).WithSummary("Cancel a queued or running job (a running one stops at its next heartbeat)")
          .Produces(204).ProducesProblem(404).ProducesProblem(409);

        return app;
    }
}
