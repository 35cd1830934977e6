using BrandHub.Core;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>Audits: of any page by URL (fetched) or by content, of a catalogue page, and the audits kept.</summary>
public static class PageAuditEndpoints
{
    public const int MaxHtmlChars = 5_000_000;

    /// <param name="Url">The page's absolute URL (fetched when no html is given).</param>
    /// <param name="Html">The page's HTML: audited as if the URL served it with this status and these headers.</param>
    public sealed record AuditRequest(string? Url, int? Status, Dictionary<string, string>? Headers, string? Html,
        [property: OpenApiValues(typeof(PageKinds), nameof(PageKinds.All))] string? Kind);
    public sealed record AuditRow(Guid Id, Guid? PageId, string Url, string Source, int Status, int Score, IReadOnlyList<string> RuleIds, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapSeoAudits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo").WithTags("SEO");
        var write = Scopes.Policy(Scopes.SeoWrite);

        group.MapPost("/audit", async (AuditRequest body, SeoAuditor auditor, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var url = body.Url?.Trim();
            if (!PageFetcher.IsWebUrl(url)) errors.Add(new("url", "An absolute http(s) URL."));
            if (body.Kind is not null && !PageKinds.All.Contains(body.Kind)) errors.Add(new("kind", $"One of {string.Join(", ", PageKinds.All)}."));
            if (body.Html is null && (body.Status is not null || body.Headers is not null)) errors.Add(new("html", "Status and headers go with html: without html the URL is fetched."));
            if (body.Status is { } s && (s < 100 || s > 599)) errors.Add(new("status", "An HTTP status, 100–599."));
            if (body.Html is { Length: > MaxHtmlChars }) errors.Add(new("html", $"At most {MaxHtmlChars:N0} characters."));
            if (errors.Count > 0) return Problems.Validation(errors);
            try
            {
                return Results.Ok(body.Html is { } html
                    ? await auditor.AuditContentAsync(url!, body.Status ?? 200, body.Headers ?? [], html, body.Kind, ct)
                    : await auditor.AuditUrlAsync(url!, body.Kind, ct));
            }
            catch (FetchFailed ex) { return Problems.Validation("url", ex.Message); }
        }).RequireAuthorization(write)
          .WithSummary("Audit a page by URL ({\"url\"}: fetched, robots.txt read) or by content ({\"url\",\"status\",\"headers\",\"html\"}: audited as if served so); answers the score and the findings")
          .WithDescription("Site-wide rules (duplicate-title, duplicate-description, broken-link) need the catalogue: the bulk and site audits report them.")
          .Produces<AuditView>().ProducesValidationProblem();

        group.MapPost("/products/{id:guid}/audit", async (Guid id, BrandHubDb db, SeoAuditor auditor, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return Problems.NotFound("Page");
            try { return Results.Ok(await auditor.AuditPageAsync(page, SeoAudit.FromPage, ct)); }
            catch (FetchFailed ex) { return Problems.Validation("url", ex.Message); }
        }).RequireAuthorization(write)
          .WithSummary("Fetch a catalogue page (product, category or content) and audit it; its score, title and description are updated")
          .Produces<AuditView>().ProducesValidationProblem().ProducesProblem(404);

        group.MapGet("/audits", async (Guid? pageId, string? url, int? minScore, int? maxScore, string? rule, string? severity, int? page, int? pageSize,
            BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (rule is not null && !SeoRules.ById.ContainsKey(rule)) errors.Add(new("rule", "Not a rule id (GET /api/v1/seo/settings lists them)."));
            if (severity is not null && !SeoSeverities.All.Contains(severity)) errors.Add(new("severity", $"One of {string.Join(", ", SeoSeverities.All)}."));
            if (minScore is < 0 or > 100) errors.Add(new("minScore", "From 0 to 100."));
            if (maxScore is < 0 or > 100) errors.Add(new("maxScore", "From 0 to 100."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var query = db.Set<SeoAudit>().AsNoTracking();
            if (pageId is { } p) query = query.Where(a => a.PageId == p);
            if (url is not null) query = query.Where(a => a.Url == url);
            if (minScore is { } min) query = query.Where(a => a.Score >= min);
            if (maxScore is { } max) query = query.Where(a => a.Score <= max);
            if (rule is not null) { var token = $",{rule},"; query = query.Where(a => a.RuleIds.Contains(token)); }
            if (severity is not null) { var token = $",{severity},"; query = query.Where(a => a.Severities.Contains(token)); }
            var total = await query.CountAsync(ct);
            var rows = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<AuditRow>(rows.Select(a => new AuditRow(a.Id, a.PageId, a.Url, a.Source, a.Status, a.Score,
                a.RuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries), a.CreatedAt)).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.SeoRead))
          .WithSummary("Audits, newest first; filters pageId (a page's score history), url, minScore/maxScore, rule, severity; paginated")
          .Produces<Page<AuditRow>>().ProducesValidationProblem();

        group.MapGet("/audits/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
            await db.Set<SeoAudit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } audit ? Results.Ok(SeoAuditor.View(audit)) : Problems.NotFound("Audit"))
            .RequireAuthorization(Scopes.Policy(Scopes.SeoRead)).WithSummary("One audit with its findings").Produces<AuditView>().ProducesProblem(404);
        return app;
    }
}
