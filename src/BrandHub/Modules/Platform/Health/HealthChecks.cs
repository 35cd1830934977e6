using BrandHub.Data;
using BrandHub.Data.Migrations;
using BrandHub.Modules.Platform.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BrandHub.Modules.Platform.Health;

/// <summary>Readiness: the database answers, every migration is applied, and (on worker nodes) the job loop is polling.</summary>
public sealed class DatabaseReady(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform();
            var pending = await scope.ServiceProvider.GetRequiredService<MigrationRunner>().PendingAsync(ct);
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{db.Database.ProviderName}: schema up to date")
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", e);
        }
    }
}

public sealed class JobsRunning(JobOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Enabled) return Task.FromResult(HealthCheckResult.Healthy("Workers disabled on this node."));
        var last = JobWorker.LastPollAt;
        var limit = TimeSpan.FromSeconds(Math.Max(30, options.PollSeconds * 10));
        return Task.FromResult(last is { } t && DateTimeOffset.UtcNow - t < limit
            ? HealthCheckResult.Healthy($"Last poll {t:O}")
            : HealthCheckResult.Unhealthy("The job worker is not polling."));
    }
}

public static class HealthModule
{
    public static IServiceCollection AddBrandHubHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReady>("database", tags: ["ready"])
            .AddCheck<JobsRunning>("jobs", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapBrandHubHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = async (ctx, report) =>
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).AllowAnonymous();
        return app;
    }
}
