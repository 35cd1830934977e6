using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>An audit as the API answers it: the score and the findings, and where it is kept.</summary>
public sealed record AuditView(Guid Id, Guid? PageId, string Url, string Source, int Status, int Score, IReadOnlyList<SeoFinding> Findings, DateTimeOffset CreatedAt);

/// <summary>
/// Runs the page rules with the tenant's settings and keeps every run (<see cref="SeoAudit"/>). A run of a catalogue
/// page also updates the page: what it served, its title and description, its score, and — when what it serves
/// changed — when it changed (a sitemap's lastmod).
/// </summary>
public sealed class SeoAuditor(BrandHubDb db, PageFetcher fetcher, Actor actor, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SeoAuditSettings> SettingsAsync(CancellationToken ct) =>
        await db.Set<SeoSettings>().AsNoTracking().Select(s => s.RulesJson).FirstOrDefaultAsync(ct) is { } json
            ? new SeoAuditSettings(JsonSerializer.Deserialize<Dictionary<string, SeoRuleOverride>>(json, Json) ?? [])
            : SeoAuditSettings.Default;

    /// <summary>Fetches the URL (robots.txt too) and audits what it served; the catalogue page with that URL, if any, is updated.</summary>
    public async Task<AuditView> AuditUrlAsync(string url, string? kind, CancellationToken ct)
    {
        var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Url == url, ct);
        return await FetchAndAuditAsync(url, page, kind ?? page?.Kind ?? PageKinds.Product, SeoAudit.FromUrl, ct);
    }

    public Task<AuditView> AuditPageAsync(SeoPage page, string source, CancellationToken ct) => FetchAndAuditAsync(page.Url, page, page.Kind, source, ct);

    /// <summary>Audits content as if the URL served it (nothing fetched; robots.txt not read).</summary>
    public async Task<AuditView> AuditContentAsync(string url, int status, IReadOnlyDictionary<string, string> headers, string html, string? kind, CancellationToken ct)
    {
        var pageId = await db.Set<SeoPage>().Where(p => p.Url == url).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var snapshot = new PageSnapshot(url, status, headers, html, kind ?? PageKinds.Product);
        return await StoreAsync(snapshot, PageAudit.Audit(snapshot, await SettingsAsync(ct)), pageId, SeoAudit.FromContent, ct);
    }

    private async Task<AuditView> FetchAndAuditAsync(string url, SeoPage? page, string kind, string source, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var metadata = page is null ? null : await Metadata.MetadataEndpoints.CurrentAsync(db, page, ct);
        var (snapshot, result, fetched) = await FetchAsync(url, kind, metadata, settings, new Dictionary<string, Task<RobotsTxt?>>(), ct);
        if (page is not null) Record(page, fetched, result);
        return await StoreAsync(snapshot, result, page?.Id, source, ct, page);
    }

    /// <summary>
    /// Audits catalogue pages together (a bulk run's chunk): fetched up to <paramref name="parallel"/> at a time, robots.txt
    /// read once per site, every result stored in one save. Pages that cannot be fetched are counted, not stored.
    /// </summary>
    public async Task<(int Done, int Failed)> AuditPagesAsync(IReadOnlyList<SeoPage> pages, string source, int parallel, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var metadata = new Dictionary<Guid, PageMetadata?>();
        foreach (var page in pages) metadata[page.Id] = await Metadata.MetadataEndpoints.CurrentAsync(db, page, ct);
        var robots = new Dictionary<string, Task<RobotsTxt?>>();
        using var gate = new SemaphoreSlim(parallel);
        var runs = pages.Select(async page =>
        {
            await gate.WaitAsync(ct);
            try { return (page, Audit: (Ok: true, Value: await FetchAsync(page.Url, page.Kind, metadata[page.Id], settings, robots, ct))); }
            catch (FetchFailed) { return (page, Audit: (Ok: false, Value: default((PageSnapshot, PageAuditResult, FetchedPage)))); }
            finally { gate.Release(); }
        }).ToList();
        var failed = 0;
        foreach (var (page, audit) in await Task.WhenAll(runs))
        {
            if (!audit.Ok) { failed++; continue; }
            var (snapshot, result, fetched) = audit.Value;
            Record(page, fetched, result);
            Add(snapshot, result, page.Id, source, page);
        }
        await db.SaveChangesAsync(ct);
        return (pages.Count - failed, failed);
    }

    /// <summary>
    /// Keeps a page the crawler fetched: the catalogue row for its URL (created as <paramref name="kind"/> if new) with
    /// what it served, and its audit. Not saved: the crawler saves in batches.
    /// </summary>
    public (SeoPage Page, PageAuditResult Result) RecordCrawled(FetchedPage fetched, RobotsTxt? robots, SeoPage? page, string kind, SeoAuditSettings settings)
    {
        var snapshot = new PageSnapshot(fetched.Url, fetched.Status, fetched.Headers, fetched.Html, page?.Kind ?? kind)
        {
            RedirectChain = fetched.Redirects, Robots = robots, UserAgent = RobotsTxt.ProductToken(fetcher.UserAgent),
        };
        var result = PageAudit.Audit(snapshot, settings);
        var now = clock.GetUtcNow();
        page ??= db.Add(new SeoPage { TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), Url = fetched.Url, Kind = kind, CreatedAt = now, UpdatedAt = now }).Entity;
        Record(page, fetched, result);
        Add(snapshot, result, page.Id, SeoAudit.FromCrawl, page);
        return (page, result);
    }

    private async Task<(PageSnapshot, PageAuditResult, FetchedPage)> FetchAsync(string url, string kind, PageMetadata? metadata, SeoAuditSettings settings,
        Dictionary<string, Task<RobotsTxt?>> robotsBySite, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(url, ct);
        var site = new Uri(fetched.Url).GetLeftPart(UriPartial.Authority);
        Task<RobotsTxt?> robots;
        lock (robotsBySite)
            if (!robotsBySite.TryGetValue(site, out robots!)) robotsBySite[site] = robots = fetcher.RobotsAsync(new Uri(fetched.Url), ct);
        // A catalogue page with applied metadata is audited as the shop serves it once it renders that metadata.
        var html = metadata is null || fetched.Status >= 400 ? fetched.Html : MetadataOverlay.Apply(fetched.Html, fetched.Url, metadata);
        var snapshot = new PageSnapshot(fetched.Url, fetched.Status, fetched.Headers, html, kind)
        {
            RedirectChain = fetched.Redirects, Robots = await robots, UserAgent = RobotsTxt.ProductToken(fetcher.UserAgent),
        };
        return (snapshot, PageAudit.Audit(snapshot, settings), fetched);
    }

    /// <summary>What the page served, kept on the catalogue row; a new content hash moves <see cref="SeoPage.ContentChangedAt"/>.</summary>
    private void Record(SeoPage page, FetchedPage fetched, PageAuditResult result)
    {
        var now = clock.GetUtcNow();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{fetched.Status}\n{fetched.Html}")));
        if (page.ContentHash != hash) (page.ContentHash, page.ContentChangedAt) = (hash, now);
        (page.Status, page.Html, page.FetchMs, page.FetchedAt) = (fetched.Status, fetched.Html, fetched.Milliseconds, now);
        page.HeadersJson = JsonSerializer.Serialize(fetched.Headers, Json);
        page.RedirectsJson = JsonSerializer.Serialize(fetched.Redirects, Json);
        (page.Title, page.Description) = (result.Facts.Title, result.Facts.Description);
        page.Canonical = result.Facts.Canonicals.Count == 1 ? result.Facts.Canonicals[0] : null;
        page.Indexable = fetched.Status < 400 && result.Facts.Indexable && !result.Findings.Any(f => f.RuleId == SeoRules.RobotsTxtBlocked);
    }

    private async Task<AuditView> StoreAsync(PageSnapshot snapshot, PageAuditResult result, Guid? pageId, string source, CancellationToken ct, SeoPage? page = null)
    {
        var audit = Add(snapshot, result, pageId, source, page);
        await db.SaveChangesAsync(ct);
        return View(audit, result.Findings);
    }

    private SeoAudit Add(PageSnapshot snapshot, PageAuditResult result, Guid? pageId, string source, SeoPage? page)
    {
        var now = clock.GetUtcNow();
        var rules = result.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        var audit = db.Add(new SeoAudit
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), PageId = pageId, Url = snapshot.Url, Source = source, Status = snapshot.Status,
            Score = result.Score, FindingsJson = JsonSerializer.Serialize(result.Findings, Json), RuleIds = "," + string.Join(",", rules) + ",",
            Severities = "," + string.Join(",", result.Findings.Select(f => f.Severity).Distinct().Order(StringComparer.Ordinal)) + ",",
            CreatedAt = now, CreatedBy = actor.Id,
        }).Entity;
        if (page is not null) (page.Score, page.AuditedAt, page.LastAuditId, page.UpdatedAt) = (result.Score, now, audit.Id, now);
        return audit;
    }

    public static AuditView View(SeoAudit a, IReadOnlyList<SeoFinding>? findings = null) =>
        new(a.Id, a.PageId, a.Url, a.Source, a.Status, a.Score, findings ?? JsonSerializer.Deserialize<List<SeoFinding>>(a.FindingsJson, Json) ?? [], a.CreatedAt);
}
