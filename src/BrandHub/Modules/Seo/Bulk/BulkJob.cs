using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Bulk;

/// <summary>
/// Runs a <see cref="SeoBulkRun"/> chunk by chunk: each chunk's pages audited (fetched in parallel) or given generated
/// metadata, then the run's cursor and counts saved with them — so a kill loses at most the chunk in flight, and the
/// restarted job continues after the cursor. A bulk audit ends with the site-wide rules over the whole catalogue.
/// </summary>
public sealed class BulkJob(BrandHubDb db, SeoAuditor auditor, SiteWideAudit siteWide, SeoOptions options, TimeProvider clock) : IJobHandler
{
    public const string Kind = "seo.bulk";
    public const int ChunkSize = 25;
    string IJobHandler.Kind => Kind;

    public sealed record Payload(Guid RunId);

    public async Task RunAsync(JobContext context)
    {
        var ct = context.Cancellation;
        var runId = JsonSerializer.Deserialize<Payload>(context.Job.PayloadJson, SeoAuditor.Json)!.RunId;
        var run = await db.Set<SeoBulkRun>().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new InvalidOperationException($"Bulk run {runId} is not visible yet."); // retried: its request may still be saving it
        if (run.State is SeoBulkRun.Succeeded or SeoBulkRun.Cancelled) return;
        var filter = JsonSerializer.Deserialize<BulkFilter>(run.FilterJson, SeoAuditor.Json) ?? new BulkFilter();
        if (run.StartedAt is null) (run.StartedAt, run.Total) = (clock.GetUtcNow(), await Pages(filter).CountAsync(ct));
        run.State = SeoBulkRun.Running;
        await db.SaveChangesAsync(ct);

        try
        {
            while (true)
            {
                // Cancelled by a person between chunks: stop here (the job row is cancelled too, so nothing retries it).
                if (await db.Set<SeoBulkRun>().AsNoTracking().Where(r => r.Id == runId).Select(r => r.State).FirstAsync(ct) == SeoBulkRun.Cancelled) return;
                var cursor = run.Cursor;
                var query = Pages(filter);
                if (cursor is not null) query = query.Where(p => p.Url.CompareTo(cursor) > 0);
                var chunk = await query.OrderBy(p => p.Url).Take(ChunkSize).ToListAsync(ct);
                if (chunk.Count == 0) break;
                if (run.Kind == SeoBulkRun.Audit)
                {
                    var (done, failed) = await auditor.AuditPagesAsync(chunk, SeoAudit.FromBulk, options.BulkParallelism, ct);
                    (run.Done, run.Failed) = (run.Done + done, run.Failed + failed);
                }
                else
                {
                    foreach (var page in chunk) await Metadata.MetadataEndpoints.GenerateAsync(db, page, filter.Apply, clock, "job:" + context.Job.Id, ct);
                    run.Done += chunk.Count;
                }
                run.Cursor = chunk[^1].Url;
                await db.SaveChangesAsync(ct); // the chunk's results and the cursor together
                await context.ReportProgressAsync(run.Done + run.Failed, run.Total);
            }
            if (run.Kind == SeoBulkRun.Audit) await siteWide.RunAsync(ct);
            var now = clock.GetUtcNow();
            await db.Set<SeoBulkRun>().Where(r => r.Id == runId && r.State == SeoBulkRun.Running) // a cancel that came in last stays
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, SeoBulkRun.Succeeded).SetProperty(r => r.FinishedAt, now), CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cancelled by a person (the job row says so) or stopped by shutdown or a lost lease (the job runs again and resumes).
            var job = await db.Set<Job>().AsNoTracking().Where(j => j.Id == context.Job.Id).Select(j => j.Status).FirstOrDefaultAsync(CancellationToken.None);
            if (job == JobStatus.Cancelled)
            {
                db.ChangeTracker.Clear();
                await db.Set<SeoBulkRun>().Where(r => r.Id == runId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, SeoBulkRun.Cancelled).SetProperty(r => r.FinishedAt, clock.GetUtcNow()), CancellationToken.None);
            }
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The job retries (and resumes after the cursor); the run shows what went wrong meanwhile.
            var message = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            db.ChangeTracker.Clear();
            await db.Set<SeoBulkRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(u => u.SetProperty(r => r.LastError, message), CancellationToken.None);
            throw;
        }
    }

    private IQueryable<SeoPage> Pages(BulkFilter filter)
    {
        var pages = db.Set<SeoPage>().AsQueryable();
        if (filter.Kind is { } kind) pages = pages.Where(p => p.Kind == kind);
        if (filter.MaxScore is { } max) pages = pages.Where(p => p.Score == null || p.Score <= max);
        if (filter.PageIds is { Count: > 0 } ids) pages = pages.Where(p => ids.Contains(p.Id));
        return pages;
    }
}
