using BrandHub.Core.Attribution;
using BrandHub.Core.Seo;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>The site-wide report: the SEO KPIs of PRODUCT.md §12 from the catalogue's latest audits, and organic traffic from tracking.</summary>
public static class SiteReport
{
    /// <summary>Below this score a page counts as non-compliant.</summary>
    public const int CompliantScore = 80;

    public sealed record ScoreBucket(int From, int To, int Pages);
    public sealed record RuleCount(string RuleId, [property: Platform.Http.OpenApiValues(typeof(SeoSeverities), nameof(SeoSeverities.All))] string Severity, int Pages);
    /// <param name="Indexable">Audited pages that answer below 400 and are neither noindex nor blocked by robots.txt.</param>
    /// <param name="OrganicSessions">Visits from organic search in the last 30 days (tracking); null without tracked visits.</param>
    public sealed record ReportView(int Pages, int Audited, int Indexable, decimal? AverageScore, int NonCompliant, IReadOnlyDictionary<string, int> PagesByKind,
        IReadOnlyList<ScoreBucket> Scores, IReadOnlyList<RuleCount> Issues, long? OrganicSessions, decimal? OrganicConversions, decimal? OrganicConversionRate);

    public static IEndpointRouteBuilder MapSeoReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/seo/report", async (BrandHubDb db, SeoAuditor auditor, Analytics.Reports.TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var pages = await db.Set<SeoPage>().AsNoTracking().Select(p => new { p.Kind, p.Score, p.Status, p.LastAuditId }).ToListAsync(ct);
            var auditIds = pages.Where(p => p.LastAuditId != null).Select(p => p.LastAuditId!.Value).ToList();
            var rules = new List<string>();
            foreach (var slice in auditIds.Chunk(1000))
                rules.AddRange(await db.Set<SeoAudit>().AsNoTracking().Where(a => slice.Contains(a.Id)).Select(a => a.RuleIds).ToListAsync(ct));
            var perPage = rules.Select(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var audited = pages.Where(p => p.Score != null).ToList();
            string[] excluding = [SeoRules.HttpStatus, SeoRules.Noindex, SeoRules.RobotsTxtBlocked];
            var settings = await auditor.SettingsAsync(ct);
            var issues = perPage.SelectMany(r => r).GroupBy(r => r).Where(g => SeoRules.ById.ContainsKey(g.Key))
                .Select(g => new RuleCount(g.Key, settings.Severity(g.Key), g.Count()))
                .OrderBy(r => SeoSeverities.All.ToList().IndexOf(r.Severity)).ThenByDescending(r => r.Pages).ThenBy(r => r.RuleId, StringComparer.Ordinal).ToList();
            int[][] buckets = [[0, 49], [50, 69], [70, 89], [90, 100]];

            var days = await calendar.DaysAsync(ct);
            var today = days.DayOf(clock.GetUtcNow());
            DateTimeOffset from = ReportDays.Key(today.AddDays(-29)), to = ReportDays.Key(today.AddDays(1));
            var organic = await db.Set<AnalyticsDaily>().AsNoTracking().Where(r => r.Channel == TouchChannels.OrganicSearch && r.Day >= from && r.Day < to)
                .Select(r => new { r.Sessions, r.Conversions }).ToListAsync(ct);
            long? sessions = organic.Count == 0 ? null : organic.Sum(r => r.Sessions);
            decimal? conversions = organic.Count == 0 ? null : organic.Sum(r => r.Conversions);
            return Results.Ok(new ReportView(pages.Count, audited.Count, perPage.Count(r => !r.Intersect(excluding).Any()),
                audited.Count == 0 ? null : decimal.Round((decimal)audited.Average(p => p.Score!.Value), 1), audited.Count(p => p.Score < CompliantScore),
                pages.GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count()),
                buckets.Select(b => new ScoreBucket(b[0], b[1], audited.Count(p => p.Score >= b[0] && p.Score <= b[1]))).ToList(), issues,
                sessions, conversions, sessions is > 0 ? decimal.Round(conversions!.Value / sessions.Value, 4) : null));
        }).WithTags("SEO").RequireAuthorization(Scopes.Policy(Scopes.SeoRead))
          .WithSummary("SEO KPIs: pages, audited, indexable, average score, non-compliant (score under 80), score distribution, issues by rule (pages whose latest audit has it), organic sessions and conversion rate over the last 30 days")
          .Produces<ReportView>();
        return app;
    }
}
