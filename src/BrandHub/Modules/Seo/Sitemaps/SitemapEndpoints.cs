using System.Security.Cryptography;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Modules.Seo.Audits;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Sitemaps;

/// <summary>Sitemap settings, regeneration (a job), status and IndexNow log — and what crawlers fetch from the shop's host.</summary>
public static class SitemapEndpoints
{
    public sealed record SitemapSettingsRequest(string? SiteHost, bool? IndexNow);
    public sealed record SitemapSettingsView(string? SiteHost, bool IndexNow, string? IndexNowKey, string? KeyLocation, string? SitemapUrl);
    public sealed record FileView(int File, int Urls, long Bytes, DateTimeOffset? LastModified, DateTimeOffset UpdatedAt);
    public sealed record SubmissionView(DateTimeOffset At, int Urls, int? Status, string? Response);
    public sealed record StatusView(DateTimeOffset? LastRunAt, int Urls, int Files, int Rewritten, int DurationMs, int Submitted, string? SitemapUrl,
        IReadOnlyList<FileView> FileList, IReadOnlyList<SubmissionView> IndexNowLog, Guid? RunningJobId);
    public sealed record RegenerateView(Guid JobId);

    public static IEndpointRouteBuilder MapSeoSitemaps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo/sitemap").WithTags("SEO");
        var write = Scopes.Policy(Scopes.SeoWrite);

        group.MapGet("/settings", async (BrandHubDb db, CancellationToken ct) => Results.Ok(View(await db.Set<SeoSettings>().AsNoTracking().FirstOrDefaultAsync(ct))))
            .RequireAuthorization(Scopes.Policy(Scopes.SeoRead)).WithSummary("The shop's host the sitemap is served for, and IndexNow (its key and key file)").Produces<SitemapSettingsView>();

        group.MapPut("/settings", async (SitemapSettingsRequest body, HttpContext http, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var host = body.SiteHost?.Trim().ToLowerInvariant();
            if (host is { Length: > 0 } && (Uri.CheckHostName(host) is not (UriHostNameType.Dns) || !host.Contains('.') || host.Length > 253))
                return Problems.Validation("siteHost", "The shop's host name, like shop.example.com (no scheme, no path).");
            if (host is { Length: > 0 } && await HostSettingsAsync(http.RequestServices, host, ct) is { } owner && owner.TenantId != db.Scope.RequiredTenantId)
                return Problems.Validation("siteHost", "Another tenant serves this host.");
            var row = await db.Set<SeoSettings>().FirstOrDefaultAsync(ct) ?? db.Add(new SeoSettings { TenantId = db.Scope.RequiredTenantId }).Entity;
            var before = View(row);
            if (body.SiteHost is not null) row.SiteHost = host!.Length == 0 ? null : host;
            if (body.IndexNow is { } on)
            {
                row.IndexNowEnabled = on;
                row.IndexNowKey ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // 32 hex characters, within IndexNow's 8–128
            }
            if (row.IndexNowEnabled && row.SiteHost is null) return Problems.Validation("siteHost", "IndexNow needs the shop's host.");
            (row.UpdatedAt, row.UpdatedBy) = (clock.GetUtcNow(), actor.Id);
            audit.Record("seo.sitemap.settings.changed", "seo_settings", row.TenantId.ToString(), before, View(row));
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(row));
        }).RequireAuthorization(write)
          .WithSummary("Set the shop's host (/sitemap.xml, /robots.txt and the IndexNow key file are served for it) and turn IndexNow on or off")
          .Produces<SitemapSettingsView>().ProducesValidationProblem();

        group.MapPost("/regenerate", async (BrandHubDb db, JobQueue jobs, TimeProvider clock, CancellationToken ct) =>
        {
            var tenant = db.Scope.RequiredTenantId;
            var running = await db.Set<Job>().AsNoTracking().Where(j => j.TenantId == tenant && j.Kind == SitemapJob.Kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
                .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (running is { } already) return Results.Accepted($"/api/v1/jobs/{already}", new RegenerateView(already)); // one at a time: the queued one covers this ask
            var job = await jobs.EnqueueAsync(tenant, SitemapJob.Kind, new { }, ct: ct);
            return Results.Accepted($"/api/v1/jobs/{job.Id}", new RegenerateView(job.Id));
        }).RequireAuthorization(write)
          .WithSummary("Regenerate the sitemaps (a job): only files whose URLs changed are rewritten; changed URLs go to IndexNow when it is on")
          .Produces<RegenerateView>(202);

        group.MapGet("/status", async (BrandHubDb db, CancellationToken ct) =>
        {
            var tenant = db.Scope.RequiredTenantId;
            var last = await db.Set<SeoSitemapRun>().AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            var files = await db.Set<SeoSitemapFile>().AsNoTracking().OrderBy(f => f.File)
                .Select(f => new FileView(f.File, f.Urls, f.Bytes, f.LastModified, f.UpdatedAt)).ToListAsync(ct);
            var log = await db.Set<SeoIndexNowSubmission>().AsNoTracking().OrderByDescending(s => s.At).Take(20)
                .Select(s => new SubmissionView(s.At, s.Urls, s.Status, s.Response)).ToListAsync(ct);
            var running = await db.Set<Job>().AsNoTracking().Where(j => j.TenantId == tenant && j.Kind == SitemapJob.Kind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
                .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            var host = await db.Set<SeoSettings>().AsNoTracking().Select(s => s.SiteHost).FirstOrDefaultAsync(ct);
            return Results.Ok(new StatusView(last?.FinishedAt, last?.Urls ?? 0, files.Count, last?.Rewritten ?? 0, last?.DurationMs ?? 0, last?.Submitted ?? 0,
                host is null ? null : $"https://{host}/sitemap.xml", files, log, running));
        }).RequireAuthorization(Scopes.Policy(Scopes.SeoRead))
          .WithSummary("The last regeneration (time, URL count, files, rewritten, duration, submitted), the files, the IndexNow log and a run in progress")
          .Produces<StatusView>();

        // What crawlers fetch, per shop host (the shop forwards these paths to BrandHub, or BrandHub serves the host).
        app.MapGet("/sitemap.xml", async (HttpContext http, CancellationToken ct) =>
            await ForHostAsync(http, async (services, settings) =>
                Results.Text(await services.GetRequiredService<SitemapPublisher>().IndexAsync($"https://{settings.SiteHost}", ct) ?? "", "application/xml; charset=utf-8"), ct))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/sitemaps/{file:int}.xml.gz", async (int file, HttpContext http, CancellationToken ct) =>
            await ForHostAsync(http, async (services, _) =>
                await services.GetRequiredService<BrandHubDb>().Set<SeoSitemapFile>().AsNoTracking().Where(f => f.File == file).Select(f => f.Gz).FirstOrDefaultAsync(ct) is { } gz
                    ? Results.Bytes(gz, "application/gzip") : Results.NotFound(), ct))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/robots.txt", async (HttpContext http, CancellationToken ct) =>
            await ForHostAsync(http, (_, settings) => Task.FromResult(Results.Text($"User-agent: *\nAllow: /\n\nSitemap: https://{settings.SiteHost}/sitemap.xml\n", "text/plain; charset=utf-8")), ct,
                otherwise: () => Results.Text("User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8"))) // the BrandHub app itself is not for search engines
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/{key:regex(^[a-f0-9]{{32}}$)}.txt", async (string key, HttpContext http, CancellationToken ct) =>
            await ForHostAsync(http, (_, settings) => Task.FromResult(settings.IndexNowKey == key ? Results.Text(key, "text/plain; charset=utf-8") : Results.NotFound()), ct))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Runs <paramref name="answer"/> in the tenant whose site host the request is for; 404 (or <paramref name="otherwise"/>) for any other host.</summary>
    private static async Task<IResult> ForHostAsync(HttpContext http, Func<IServiceProvider, SeoSettings, Task<IResult>> answer, CancellationToken ct, Func<IResult>? otherwise = null)
    {
        var settings = await HostSettingsAsync(http.RequestServices, http.Request.Host.Host.ToLowerInvariant(), ct);
        if (settings is null) return otherwise?.Invoke() ?? Results.NotFound();
        using var scope = TenantWork.Begin(http.RequestServices, settings.TenantId, "sitemap");
        return await answer(scope.ServiceProvider, settings);
    }

    /// <summary>The settings of the tenant that serves <paramref name="host"/>, read across tenants (the host names the tenant).</summary>
    private static async Task<SeoSettings?> HostSettingsAsync(IServiceProvider services, string host, CancellationToken ct)
    {
        using var lookup = services.CreateScope();
        var db = lookup.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        return await db.AllTenants<SeoSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.SiteHost == host, ct);
    }

    private static SitemapSettingsView View(SeoSettings? s) => new(s?.SiteHost, s?.IndexNowEnabled ?? false, s?.IndexNowKey,
        s is { SiteHost: { } h, IndexNowKey: { } k } ? $"https://{h}/{k}.txt" : null, s?.SiteHost is { } host ? $"https://{host}/sitemap.xml" : null);
}

/// <summary>Regenerates one tenant's sitemaps (<see cref="SitemapPublisher"/>).</summary>
public sealed class SitemapJob(SitemapPublisher publisher) : IJobHandler
{
    public const string Kind = "seo.sitemap";
    string IJobHandler.Kind => Kind;

    public async Task RunAsync(JobContext context)
    {
        var run = await publisher.RegenerateAsync(context.Cancellation);
        await context.ReportProgressAsync(run.Urls, run.Urls);
    }
}
