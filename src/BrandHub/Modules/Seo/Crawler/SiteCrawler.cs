using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Bulk;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Crawler;

/// <summary>What a crawl covers and how gently: a start URL on one host, how deep and how many pages, requests per second and at once.</summary>
public sealed record CrawlSettings(string StartUrl, int MaxPages = 500, int MaxDepth = 5, double RatePerSecond = 2, int Concurrency = 2);

/// <summary>
/// Discovers a site's pages from a start URL: same host only, robots.txt obeyed for BrandHubBot (its Crawl-delay slows
/// the rate further), at most <see cref="CrawlSettings.RatePerSecond"/> requests a second and
/// <see cref="CrawlSettings.Concurrency"/> at once, breadth first to <see cref="CrawlSettings.MaxDepth"/> links from the
/// start and <see cref="CrawlSettings.MaxPages"/> pages. Every page fetched (redirects followed and recorded) goes into the
/// catalogue with what it served and its audit; pages with Product JSON-LD are products, the others content pages. The
/// site-wide rules run at the end, so links to pages that answered 4xx/5xx are reported as broken.
/// </summary>
public sealed class SiteCrawler(BrandHubDb db, SeoAuditor auditor, PageFetcher fetcher, SiteWideAudit siteWide, TimeProvider clock) : IJobHandler
{
    public const string Kind = "seo.crawl";
    string IJobHandler.Kind => Kind;

    public async Task RunAsync(JobContext context)
    {
        var ct = context.Cancellation;
        var runId = JsonSerializer.Deserialize<BulkJob.Payload>(context.Job.PayloadJson, SeoAuditor.Json)!.RunId;
        var run = await db.Set<SeoBulkRun>().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new InvalidOperationException($"Crawl {runId} is not visible yet."); // retried: its request may still be saving it
        if (run.State is SeoBulkRun.Succeeded or SeoBulkRun.Cancelled) return;
        var crawl = JsonSerializer.Deserialize<CrawlSettings>(run.FilterJson, SeoAuditor.Json)!;
        (run.State, run.StartedAt, run.Done, run.Failed, run.Total) = (SeoBulkRun.Running, clock.GetUtcNow(), 0, 0, 1);
        await db.SaveChangesAsync(ct);

        var start = new Uri(crawl.StartUrl);
        var robots = await fetcher.RobotsAsync(start, ct);
        var agent = RobotsTxt.ProductToken(fetcher.UserAgent);
        var interval = TimeSpan.FromSeconds(Math.Max(1 / crawl.RatePerSecond, (double)(robots?.CrawlDelay(agent) ?? 0)));
        var settings = await auditor.SettingsAsync(ct);
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var frontier = new ConcurrentQueue<(string Url, int Depth)>();
        seen[Key(start.AbsoluteUri)] = 0;
        frontier.Enqueue((start.AbsoluteUri, 0));
        var writer = new SemaphoreSlim(1);
        var pacing = new object();
        var next = Stopwatch.GetTimestamp();
        var inFlight = 0;
        var crawled = 0;

        async Task<bool> StoppedAsync() =>
            await db.Set<SeoBulkRun>().AsNoTracking().Where(r => r.Id == runId).Select(r => r.State).FirstAsync(ct) == SeoBulkRun.Cancelled;

        async Task WorkerAsync()
        {
            while (true)
            {
                if (!frontier.TryDequeue(out var item))
                {
                    if (Volatile.Read(ref inFlight) == 0) return; // nothing queued and nobody who could queue more
                    await Task.Delay(20, ct);
                    continue;
                }
                Interlocked.Increment(ref inFlight);
                try
                {
                    if (robots?.Check(agent, new Uri(item.Url).PathAndQuery).Allowed == false) continue; // never fetched
                    if (Interlocked.Increment(ref crawled) > crawl.MaxPages) return;
                    TimeSpan wait;
                    lock (pacing)
                    {
                        var now = Stopwatch.GetTimestamp();
                        var slot = Math.Max(now, next);
                        next = slot + (long)(interval.TotalSeconds * Stopwatch.Frequency);
                        wait = TimeSpan.FromSeconds((slot - now) / (double)Stopwatch.Frequency);
                    }
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                    FetchedPage fetched;
                    try { fetched = await fetcher.FetchAsync(item.Url, ct); }
                    catch (FetchFailed) { await CountAsync(failed: true); continue; }
                    if (!new Uri(fetched.Url).Host.Equals(start.Host, StringComparison.OrdinalIgnoreCase)) { await CountAsync(failed: false); continue; } // redirected off the site

                    bool stopped;
                    await writer.WaitAsync(ct);
                    try
                    {
                        var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Url == fetched.Url, ct);
                        var kind = fetched.Html.Contains("\"Product\"", StringComparison.Ordinal) ? PageKinds.Product : PageKinds.Content;
                        var (_, result) = auditor.RecordCrawled(fetched, robots, page, kind, settings);
                        if (item.Depth < crawl.MaxDepth)
                            foreach (var link in result.Facts.InternalLinks)
                                if (seen.Count < crawl.MaxPages * 4 && seen.TryAdd(Key(link), 0)) frontier.Enqueue((link, item.Depth + 1));
                        run.Done++;
                        run.Total = Math.Min(crawl.MaxPages, Math.Max(run.Total, run.Done + run.Failed + frontier.Count));
                        await db.SaveChangesAsync(ct);
                        stopped = await StoppedAsync(); // the one DbContext is only used under the writer lock
                    }
                    finally { writer.Release(); }
                    await context.ReportProgressAsync(run.Done + run.Failed, run.Total);
                    if (stopped) return;
                }
                finally { Interlocked.Decrement(ref inFlight); }
            }
        }

        async Task CountAsync(bool failed)
        {
            await writer.WaitAsync(ct);
            try { if (failed) run.Failed++; else run.Done++; await db.SaveChangesAsync(ct); }
            finally { writer.Release(); }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, crawl.Concurrency)).Select(_ => WorkerAsync()));
        if (await StoppedAsync()) return;
        await siteWide.RunAsync(ct);
        run.Total = run.Done + run.Failed;
        await db.SaveChangesAsync(ct);
        var finished = clock.GetUtcNow();
        await db.Set<SeoBulkRun>().Where(r => r.Id == runId && r.State == SeoBulkRun.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, SeoBulkRun.Succeeded).SetProperty(r => r.FinishedAt, finished), CancellationToken.None);
    }

    private static string Key(string url) => SiteAudit.Normalize(url);
}
