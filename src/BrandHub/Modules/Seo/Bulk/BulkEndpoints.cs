using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Modules.Seo.Audits;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Bulk;

/// <summary>Bulk audit and bulk generate over the catalogue as jobs with live progress (done/total, rate, ETA), cancellable, resumed after a restart.</summary>
public static class BulkEndpoints
{
    public sealed record BulkRequest([property: OpenApiValues(typeof(PageKinds), nameof(PageKinds.All))] string? Kind, int? MaxScore, List<Guid>? PageIds, bool? Apply);
    public sealed record BulkView(Guid Id, Guid JobId, [property: OpenApiValues(typeof(BulkEndpoints), nameof(Kinds))] string Kind,
        [property: OpenApiValues(typeof(BulkEndpoints), nameof(States))] string State, int Total, int Done, int Failed,
        decimal? PagesPerSecond, int? EtaSeconds, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? LastError);

    public static readonly IReadOnlyList<string> Kinds = [SeoBulkRun.Audit, SeoBulkRun.Generate, SeoBulkRun.Crawl];
    public sealed record CrawlRequest(string? StartUrl, int? MaxPages, int? MaxDepth, double? RatePerSecond, int? Concurrency);
    public static readonly IReadOnlyList<string> States = [SeoBulkRun.Queued, SeoBulkRun.Running, SeoBulkRun.Succeeded, SeoBulkRun.Cancelled, SeoBulkRun.Dead];

    public static IEndpointRouteBuilder MapSeoBulk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo").WithTags("SEO");
        var write = Scopes.Policy(Scopes.SeoWrite);

        group.MapPost("/audits/bulk", (BulkRequest body, BrandHubDb db, JobQueue jobs, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
            StartAsync(SeoBulkRun.Audit, body, db, jobs, audit, actor, clock, ct))
            .RequireAuthorization(write)
            .WithSummary("Audit catalogue pages in bulk as a job (all, or by kind, maxScore or pageIds): each page fetched and audited, then the site-wide rules; progress at GET /seo/bulk/{id}")
            .Produces<BulkView>(202).ProducesValidationProblem();
        group.MapPost("/products/generate/bulk", (BulkRequest body, BrandHubDb db, JobQueue jobs, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
            StartAsync(SeoBulkRun.Generate, body, db, jobs, audit, actor, clock, ct))
            .RequireAuthorization(write)
            .WithSummary("Generate metadata for catalogue pages in bulk as a job (apply:true applies each proposal); progress at GET /seo/bulk/{id}")
            .Produces<BulkView>(202).ProducesValidationProblem();

        group.MapPost("/crawls", async (CrawlRequest body, BrandHubDb db, JobQueue jobs, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (!PageFetcher.IsWebUrl(body.StartUrl?.Trim())) errors.Add(new("startUrl", "An absolute http(s) URL to start from."));
            if (body.MaxPages is < 1 or > 100_000) errors.Add(new("maxPages", "From 1 to 100,000 pages."));
            if (body.MaxDepth is < 0 or > 50) errors.Add(new("maxDepth", "From 0 to 50 links from the start."));
            if (body.RatePerSecond is <= 0 or > 50) errors.Add(new("ratePerSecond", "More than 0 and at most 50 requests a second."));
            if (body.Concurrency is < 1 or > 16) errors.Add(new("concurrency", "From 1 to 16 requests at once."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var now = clock.GetUtcNow();
            var settings = new Crawler.CrawlSettings(body.StartUrl!.Trim(), body.MaxPages ?? 500, body.MaxDepth ?? 5, body.RatePerSecond ?? 2, body.Concurrency ?? 2);
            var run = new SeoBulkRun
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), Kind = SeoBulkRun.Crawl, CreatedAt = now, CreatedBy = actor.Id,
                FilterJson = JsonSerializer.Serialize(settings, SeoAuditor.Json),
            };
            db.Add(run);
            audit.Record("seo.crawl.started", "seo_bulk_run", run.Id.ToString(), null, settings);
            await SaveThenEnqueueAsync(run, Crawler.SiteCrawler.Kind, db, jobs, ct);
            return Results.Accepted($"/api/v1/seo/bulk/{run.Id}", View(run, now));
        }).RequireAuthorization(write)
          .WithSummary("Crawl a site from a start URL as a job (same host, robots.txt obeyed, rate and concurrency limited, depth and page limits): pages found go into the catalogue with their audits; progress and cancel at /seo/bulk/{id}")
          .Produces<BulkView>(202).ProducesValidationProblem();

        group.MapGet("/bulk", async (int? page, int? pageSize, BrandHubDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var total = await db.Set<SeoBulkRun>().CountAsync(ct);
            var rows = await db.Set<SeoBulkRun>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<BulkView>(rows.Select(r => View(r, clock.GetUtcNow())).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.SeoRead)).WithSummary("Bulk runs, newest first").Produces<Page<BulkView>>().ProducesValidationProblem();

        group.MapGet("/bulk/{id:guid}", async (Guid id, BrandHubDb db, TimeProvider clock, CancellationToken ct) =>
            await db.Set<SeoBulkRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } run ? Results.Ok(View(run, clock.GetUtcNow())) : Problems.NotFound("Bulk run"))
            .RequireAuthorization(Scopes.Policy(Scopes.SeoRead)).WithSummary("A bulk run's progress: done/total, failed, pages per second, ETA").Produces<BulkView>().ProducesProblem(404);

        group.MapPost("/bulk/{id:guid}/cancel", async (Guid id, BrandHubDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var run = await db.Set<SeoBulkRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (run is null) return Problems.NotFound("Bulk run");
            if (run.State is not (SeoBulkRun.Queued or SeoBulkRun.Running)) return Problems.Conflict($"The run is {run.State}.");
            await JobQueue.CancelAsync(db, run.JobId, clock.GetUtcNow(), ct);
            (run.State, run.FinishedAt) = (SeoBulkRun.Cancelled, clock.GetUtcNow());
            audit.Record("seo.bulk.cancelled", "seo_bulk_run", id.ToString(), null, new { run.Kind, run.Done, run.Total });
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(run, clock.GetUtcNow()));
        }).RequireAuthorization(write).WithSummary("Cancel a bulk run: the page in flight finishes, no further page starts").Produces<BulkView>().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> StartAsync(string kind, BulkRequest body, BrandHubDb db, JobQueue jobs, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (body.Kind is not null && !PageKinds.All.Contains(body.Kind)) errors.Add(new("kind", $"One of {string.Join(", ", PageKinds.All)}."));
        if (body.MaxScore is < 0 or > 100) errors.Add(new("maxScore", "From 0 to 100."));
        if (body.PageIds is { Count: > 10_000 }) errors.Add(new("pageIds", "At most 10,000 ids; use kind or maxScore for more."));
        if (body.Apply is not null && kind == SeoBulkRun.Audit) errors.Add(new("apply", "Only a bulk generate applies."));
        if (errors.Count > 0) return Problems.Validation(errors);
        var now = clock.GetUtcNow();
        var run = new SeoBulkRun
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), Kind = kind, CreatedAt = now, CreatedBy = actor.Id,
            FilterJson = JsonSerializer.Serialize(new BulkFilter(body.Kind, body.MaxScore, body.PageIds, body.Apply ?? false), SeoAuditor.Json),
        };
        db.Add(run);
        audit.Record($"seo.bulk.{kind}.started", "seo_bulk_run", run.Id.ToString(), null, new { body.Kind, body.MaxScore, pages = body.PageIds?.Count, body.Apply });
        await SaveThenEnqueueAsync(run, BulkJob.Kind, db, jobs, ct);
        return Results.Accepted($"/api/v1/seo/bulk/{run.Id}", View(run, now));
    }

    /// <summary>
    /// The run is saved before its job is queued: a worker may claim the job the moment it is queued, and must find
    /// the run (the other order lost that race under load and left the run queued for ever).
    /// </summary>
    private static async Task SaveThenEnqueueAsync(SeoBulkRun run, string kind, BrandHubDb db, JobQueue jobs, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        run.JobId = (await jobs.EnqueueAsync(run.TenantId, kind, new BulkJob.Payload(run.Id), ct: ct)).Id;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static BulkView View(SeoBulkRun r, DateTimeOffset now)
    {
        var seconds = r.StartedAt is { } started ? ((r.FinishedAt ?? now) - started).TotalSeconds : 0;
        decimal? rate = seconds > 0 && r.Done + r.Failed > 0 ? decimal.Round((decimal)((r.Done + r.Failed) / seconds), 2) : null;
        int? eta = r.State == SeoBulkRun.Running && rate is > 0 ? (int)Math.Ceiling((r.Total - r.Done - r.Failed) / (double)rate.Value) : null;
        return new BulkView(r.Id, r.JobId, r.Kind, r.State, r.Total, r.Done, r.Failed, rate, eta, r.CreatedAt, r.StartedAt, r.FinishedAt, r.LastError);
    }
}
