using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>
/// The site-wide rules (duplicate titles and descriptions, broken internal links) over the whole catalogue, written
/// into each page's latest audit: its findings gain (or lose) the site-wide ones and its score is taken again.
/// </summary>
public sealed class SiteWideAudit(BrandHubDb db, SeoAuditor auditor)
{
    private const int Chunk = 500;
    private static readonly HashSet<string> SiteRules = SeoRules.All.Where(r => r.SiteWide).Select(r => r.Id).ToHashSet();

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var settings = await auditor.SettingsAsync(ct);
        // What every fetched page says about itself, read again from the HTML it served (its links are not stored).
        var site = new List<SitePage>();
        var audits = new Dictionary<string, Guid>();
        string? after = null;
        while (true)
        {
            var query = db.Set<SeoPage>().AsNoTracking().Where(p => p.Status != null);
            if (after is not null) query = query.Where(p => p.Url.CompareTo(after) > 0);
            var pages = await query.OrderBy(p => p.Url).Take(Chunk).Select(p => new { p.Url, p.Status, p.Html, p.Title, p.Description, p.LastAuditId }).ToListAsync(ct);
            if (pages.Count == 0) break;
            foreach (var p in pages)
            {
                var facts = PageAudit.Audit(new PageSnapshot(p.Url, p.Status!.Value, new Dictionary<string, string>(), p.Html ?? "")).Facts;
                site.Add(new SitePage(p.Url, p.Status.Value, facts with { Title = p.Title, Description = p.Description }));
                if (p.LastAuditId is { } id) audits[p.Url] = id;
            }
            after = pages[^1].Url;
        }

        var findings = SiteAudit.Audit(site, settings);
        var changed = 0;
        foreach (var slice in audits.Chunk(Chunk))
        {
            var ids = slice.Select(a => a.Value).ToList();
            var rows = await db.Set<SeoAudit>().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var pages = await db.Set<SeoPage>().Where(p => p.LastAuditId != null && ids.Contains(p.LastAuditId.Value)).ToDictionaryAsync(p => p.LastAuditId!.Value, ct);
            foreach (var (url, auditId) in slice)
            {
                if (!rows.TryGetValue(auditId, out var audit)) continue;
                var own = (JsonSerializer.Deserialize<List<SeoFinding>>(audit.FindingsJson, SeoAuditor.Json) ?? []).Where(f => !SiteRules.Contains(f.RuleId));
                var all = own.Concat(findings.GetValueOrDefault(url) ?? []).ToList();
                var json = JsonSerializer.Serialize(all, SeoAuditor.Json);
                if (json == audit.FindingsJson) continue;
                audit.FindingsJson = json;
                audit.Score = SeoScore.Of(all, settings);
                audit.RuleIds = "," + string.Join(",", all.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)) + ",";
                audit.Severities = "," + string.Join(",", all.Select(f => f.Severity).Distinct().Order(StringComparer.Ordinal)) + ",";
                if (pages.TryGetValue(auditId, out var page)) page.Score = audit.Score;
                changed++;
            }
            await db.SaveChangesAsync(ct);
        }
        return changed;
    }
}
