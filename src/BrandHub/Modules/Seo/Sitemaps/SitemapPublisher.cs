using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Sitemaps;

/// <summary>
/// Regenerates a tenant's sitemaps incrementally. The URLs are the catalogue pages that may be indexed — answering 200,
/// not noindex, not blocked by robots.txt, their canonical themselves (or none) — with the time their content last
/// changed as lastmod. A page keeps the file it was first put in (new pages fill the last file, then a new one, at
/// <see cref="SeoOptions.SitemapMaxUrls"/> URLs or <see cref="SeoOptions.SitemapMaxBytes"/>), so a change rewrites only
/// its file: a file is rewritten only when its XML's hash changes, the index only when a file changed. Then the URLs
/// new or changed since they were last published go to IndexNow in batches of 10,000 (Google's ping is retired).
/// </summary>
public sealed class SitemapPublisher(BrandHubDb db, SeoOptions options, IHttpClientFactory http, TimeProvider clock, ILogger<SitemapPublisher> log)
{
    public const string IndexNowClient = "seo.indexnow";
    public const int IndexNowBatch = 10_000;

    public async Task<SeoSitemapRun> RegenerateAsync(CancellationToken ct)
    {
        var clockStart = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var run = db.Add(new SeoSitemapRun { TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), StartedAt = now }).Entity;
        var settings = await db.Set<SeoSettings>().AsNoTracking().FirstOrDefaultAsync(ct);

        var pages = await db.Set<SeoPage>().ToListAsync(ct);
        var eligible = pages.Where(Eligible).ToList();
        foreach (var page in pages.Where(p => !Eligible(p) && p.SitemapFile is not null)) page.SitemapFile = null;

        // Keep each page in its file; place the new ones where there is room, file by file, in URL order.
        var files = await db.Set<SeoSitemapFile>().ToDictionaryAsync(f => f.File, ct);
        var members = eligible.Where(p => p.SitemapFile is not null).GroupBy(p => p.SitemapFile!.Value).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Url, StringComparer.Ordinal).ToList());
        var bytes = members.ToDictionary(m => m.Key, m => SitemapXml.FrameBytes + m.Value.Sum(p => (long)SitemapXml.EntryBytes(Entry(p))));
        var open = members.Keys.Order().ToList();
        foreach (var page in eligible.Where(p => p.SitemapFile is null).OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            var size = SitemapXml.EntryBytes(Entry(page));
            var target = open.FirstOrDefault(f => members[f].Count < options.SitemapMaxUrls && bytes[f] + size <= options.SitemapMaxBytes, -1);
            if (target < 0)
            {
                target = members.Keys.DefaultIfEmpty(0).Max() + 1;
                (members[target], bytes[target]) = ([], SitemapXml.FrameBytes);
                open.Add(target);
            }
            members[target].Add(page);
            bytes[target] += size;
            page.SitemapFile = target;
            if (members[target].Count >= options.SitemapMaxUrls) open.Remove(target); // full: no need to look at it again
        }

        var rewritten = 0;
        foreach (var (number, list) in members.Where(m => m.Value.Count > 0))
        {
            var ordered = list.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
            var xml = SitemapXml.Urlset(ordered.Select(Entry));
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
            if (files.TryGetValue(number, out var file) && file.Hash == hash) continue;
            file ??= db.Add(new SeoSitemapFile { TenantId = run.TenantId, File = number }).Entity;
            (file.Urls, file.Bytes, file.Hash, file.Gz, file.UpdatedAt) = (ordered.Count, Encoding.UTF8.GetByteCount(xml), hash, SitemapXml.Gzip(xml), now);
            file.LastModified = ordered.Max(p => p.ContentChangedAt);
            rewritten++;
        }
        foreach (var empty in files.Values.Where(f => !members.TryGetValue(f.File, out var list) || list.Count == 0)) { db.Remove(empty); rewritten++; }

        var changed = eligible.Where(p => p.SitemapLastmod != p.ContentChangedAt || p.SitemapLastmod is null).ToList();
        (run.Urls, run.Files, run.Rewritten) = (eligible.Count, members.Count(m => m.Value.Count > 0), rewritten);
        await db.SaveChangesAsync(ct);

        if (settings is { IndexNowEnabled: true, SiteHost: { } host, IndexNowKey: { } key } && changed.Count > 0)
            run.Submitted = await SubmitAsync(run, host, key, changed, ct);
        else foreach (var page in changed) page.SitemapLastmod = page.ContentChangedAt;
        (run.FinishedAt, run.DurationMs) = (clock.GetUtcNow(), (int)clockStart.ElapsedMilliseconds);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The sitemap index for the tenant's site host, naming every file.</summary>
    public async Task<string?> IndexAsync(string baseUrl, CancellationToken ct)
    {
        var files = await db.Set<SeoSitemapFile>().AsNoTracking().OrderBy(f => f.File).Select(f => new { f.File, f.LastModified }).ToListAsync(ct);
        return SitemapXml.Index(files.Select(f => new SitemapEntry($"{baseUrl}/sitemaps/{f.File}.xml.gz", f.LastModified)));
    }

    private static bool Eligible(SeoPage p) => p.Status == 200 && p.Indexable == true && (p.Canonical is null || p.Canonical == p.Url);

    private static SitemapEntry Entry(SeoPage p) => new(p.Url, p.ContentChangedAt);

    /// <summary>Tells IndexNow about the changed URLs of the site host; each batch's answer is logged; a batch accepted (200/202) marks its pages published.</summary>
    private async Task<int> SubmitAsync(SeoSitemapRun run, string host, string key, List<SeoPage> changed, CancellationToken ct)
    {
        var client = http.CreateClient(IndexNowClient);
        var submitted = 0;
        foreach (var batch in changed.Where(p => Uri.TryCreate(p.Url, UriKind.Absolute, out var u) && u.Host.Equals(host, StringComparison.OrdinalIgnoreCase)).Chunk(IndexNowBatch))
        {
            var record = db.Add(new SeoIndexNowSubmission { TenantId = run.TenantId, Id = Guid.CreateVersion7(), RunId = run.Id, At = clock.GetUtcNow(), Urls = batch.Length }).Entity;
            try
            {
                using var response = await client.PostAsJsonAsync(options.IndexNowEndpoint,
                    new { host, key, keyLocation = $"https://{host}/{key}.txt", urlList = batch.Select(p => p.Url).ToList() }, ct);
                record.Status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(ct);
                record.Response = body.Length > 1000 ? body[..1000] : body;
                if (response.IsSuccessStatusCode)
                {
                    foreach (var page in batch) page.SitemapLastmod = page.ContentChangedAt;
                    submitted += batch.Length;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                record.Response = ex.Message;
                log.LogWarning(ex, "IndexNow submission failed");
            }
        }
        return submitted;
    }
}
