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

    /// <summary>What the sitemap needs of a page: read without tracking, so a million pages cost a million small rows, not entities.</summary>
    private sealed record PageRow(Guid Id, string Url, int? Status, bool? Indexable, string? Canonical, DateTimeOffset? ContentChangedAt, int? SitemapFile,
        DateTimeOffset? SitemapLastmod)
    {
        public int? File { get; set; } = SitemapFile;
        public bool Eligible => Status == 200 && Indexable == true && (Canonical is null || Canonical == Url);
        public SitemapEntry Entry => new(Url, ContentChangedAt);
    }

    public async Task<SeoSitemapRun> RegenerateAsync(CancellationToken ct)
    {
        var clockStart = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var run = db.Add(new SeoSitemapRun { TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), StartedAt = now }).Entity;
        var settings = await db.Set<SeoSettings>().AsNoTracking().FirstOrDefaultAsync(ct);

        var pages = await db.Set<SeoPage>().AsNoTracking()
            .Select(p => new PageRow(p.Id, p.Url, p.Status, p.Indexable, p.Canonical, p.ContentChangedAt, p.SitemapFile, p.SitemapLastmod)).ToListAsync(ct);
        foreach (var page in pages.Where(p => !p.Eligible)) page.File = null;
        var eligible = pages.Where(p => p.Eligible).ToList();

        // Keep each page in its file; place the new ones where there is room, file by file, in URL order.
        var files = await db.Set<SeoSitemapFile>().ToDictionaryAsync(f => f.File, ct);
        var members = eligible.Where(p => p.File is not null).GroupBy(p => p.File!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var bytes = members.ToDictionary(m => m.Key, m => SitemapXml.FrameBytes + m.Value.Sum(p => (long)SitemapXml.EntryBytes(p.Entry)));
        var open = members.Keys.Order().ToList();
        foreach (var page in eligible.Where(p => p.File is null).OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            var size = SitemapXml.EntryBytes(page.Entry);
            var target = open.FirstOrDefault(f => members[f].Count < options.SitemapMaxUrls && bytes[f] + size <= options.SitemapMaxBytes, -1);
            if (target < 0)
            {
                target = members.Keys.DefaultIfEmpty(0).Max() + 1;
                (members[target], bytes[target]) = ([], SitemapXml.FrameBytes);
                open.Add(target);
            }
            members[target].Add(page);
            bytes[target] += size;
            page.File = target;
            if (members[target].Count >= options.SitemapMaxUrls) open.Remove(target); // full: no need to look at it again
        }
        await SetAsync("sitemap_file", pages.Where(p => p.File != p.SitemapFile).Select(p => (p.Id, p.File)).ToList(), ct);

        var rewritten = 0;
        foreach (var (number, list) in members.Where(m => m.Value.Count > 0))
        {
            var ordered = list.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
            var xml = SitemapXml.Urlset(ordered.Select(p => p.Entry));
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

        var published = settings is { IndexNowEnabled: true, SiteHost: { } host, IndexNowKey: { } key } && changed.Count > 0
            ? await SubmitAsync(run, host, key, changed, ct)
            : changed;
        run.Submitted = settings is { IndexNowEnabled: true } ? published.Count : 0;
        await SetAsync("sitemap_lastmod", published.Select(p => (p.Id, (int?)null)).ToList(), ct);
        (run.FinishedAt, run.DurationMs) = (clock.GetUtcNow(), (int)clockStart.ElapsedMilliseconds);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>
    /// Writes pages' sitemap file (or, for <c>sitemap_lastmod</c>, marks them published at their content's time) in bulk:
    /// PostgreSQL one UPDATE per 50,000 pages over unnested arrays, SQLite one prepared UPDATE per page in a transaction —
    /// a first run places every page, and per-entity saves of a million rows would take minutes.
    /// </summary>
    private async Task SetAsync(string column, List<(Guid Id, int? File)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var value = column == "sitemap_file" ? "x.f" : "p.content_changed_at";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.IsPostgres)
                foreach (var slice in rows.Chunk(50_000))
                {
                    await using var cmd = connection.CreateCommand();
                    cmd.CommandText = $"UPDATE seo_pages p SET {column} = {value} FROM unnest(@ids::uuid[], @files::integer[]) AS x(id, f) WHERE p.tenant_id = @t AND p.id = x.id";
                    cmd.With("ids", slice.Select(r => r.Id).ToArray());
                    cmd.With("files", slice.Select(r => r.File).ToArray());
                    cmd.With("t", db.Scope.RequiredTenantId);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
            else
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"UPDATE seo_pages SET {column} = {(column == "sitemap_file" ? "$f" : "content_changed_at")} WHERE tenant_id = $t AND id = $id";
                var (f, id) = (cmd.With("$f", null), cmd.With("$id", null));
                cmd.With("$t", db.Id(db.Scope.RequiredTenantId));
                foreach (var (pageId, file) in rows)
                {
                    (f.Value, id.Value) = (file is { } n ? n : DBNull.Value, db.Id(pageId));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    /// <summary>The sitemap index for the tenant's site host, naming every file.</summary>
    public async Task<string?> IndexAsync(string baseUrl, CancellationToken ct)
    {
        var files = await db.Set<SeoSitemapFile>().AsNoTracking().OrderBy(f => f.File).Select(f => new { f.File, f.LastModified }).ToListAsync(ct);
        return SitemapXml.Index(files.Select(f => new SitemapEntry($"{baseUrl}/sitemaps/{f.File}.xml.gz", f.LastModified)));
    }

    /// <summary>Tells IndexNow about the changed URLs of the site host; each batch's answer is logged; a batch accepted (200/202) marks its pages published.</summary>
    private async Task<List<PageRow>> SubmitAsync(SeoSitemapRun run, string host, string key, List<PageRow> changed, CancellationToken ct)
    {
        var client = http.CreateClient(IndexNowClient);
        var submitted = new List<PageRow>();
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
                if (response.IsSuccessStatusCode) submitted.AddRange(batch);
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
