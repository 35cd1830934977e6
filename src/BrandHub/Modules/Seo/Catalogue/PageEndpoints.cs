using System.Text.Json;
using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Seo.Audits;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Catalogue;

/// <summary>The catalogue: pages synced from the shop in bulk (upserted by URL), listed with their scores, read, removed.</summary>
public static class PageEndpoints
{
    public const int MaxPagesPerCall = 1000;
    public static readonly IReadOnlyList<string> Availabilities = ["in_stock", "out_of_stock", "preorder", "backorder", "discontinued"];

    public sealed record ImageInput(string? Url, string? Alt);
    public sealed record PageInput(string? Url, [property: OpenApiValues(typeof(PageKinds), nameof(PageKinds.All))] string? Kind, string? ExternalId, string? Name,
        string? Brand, string? Category, decimal? Price, string? Currency, [property: OpenApiValues(typeof(PageEndpoints), nameof(Availabilities))] string? Availability,
        List<ImageInput>? Images, Dictionary<string, string>? Attributes);
    public sealed record PageBatch(List<PageInput>? Pages);
    public sealed record SyncResult(int Created, int Updated, int Unchanged);
    public sealed record PageRow(Guid Id, string Url, string Kind, string? Name, string? Title, int? Score, int? Status, DateTimeOffset? AuditedAt, DateTimeOffset UpdatedAt);
    public sealed record PageView(Guid Id, string Url, string Kind, string? ExternalId, string? Name, string? Brand, string? Category, decimal? Price, string? Currency,
        string? Availability, IReadOnlyList<ImageInput> Images, IReadOnlyDictionary<string, string> Attributes, int? Status, int? FetchMs, IReadOnlyList<string> Redirects,
        DateTimeOffset? FetchedAt, string? Title, string? Description, int? Score, DateTimeOffset? AuditedAt, Guid? LastAuditId, DateTimeOffset? ContentChangedAt,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public static IEndpointRouteBuilder MapSeoPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo/pages").WithTags("SEO");
        var read = Scopes.Policy(Scopes.SeoRead);
        var write = Scopes.Policy(Scopes.SeoWrite);

        group.MapPut("", async (PageBatch body, BrandHubDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.Pages is not { Count: > 0 and <= MaxPagesPerCall }) return Problems.Validation("pages", $"Between 1 and {MaxPagesPerCall:N0} pages.");
            var errors = new List<FieldError>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < body.Pages.Count; i++)
            {
                errors.AddRange(Check(body.Pages[i], $"pages[{i}]."));
                if (body.Pages[i].Url?.Trim() is { } u && !seen.Add(u)) errors.Add(new($"pages[{i}].url", "The same URL twice in one call."));
            }
            if (errors.Count > 0) return Problems.Validation(errors);

            var now = clock.GetUtcNow();
            var urls = body.Pages.Select(p => p.Url!.Trim()).ToList();
            var existing = await db.Set<SeoPage>().Where(p => urls.Contains(p.Url)).ToDictionaryAsync(p => p.Url, ct);
            int created = 0, updated = 0, unchanged = 0;
            foreach (var input in body.Pages)
            {
                var url = input.Url!.Trim();
                if (!existing.TryGetValue(url, out var page))
                {
                    page = db.Add(new SeoPage { TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(now), Url = url, CreatedAt = now, UpdatedAt = now }).Entity;
                    Apply(page, input);
                    created++;
                    continue;
                }
                var (before, images, attributes) = (Scalars(page), page.ImagesJson, page.AttributesJson);
                Apply(page, input);
                // PostgreSQL's jsonb hands JSON back reformatted and with its keys reordered: compare as JSON, not as text.
                if (Scalars(page) == before && JsonNode.DeepEquals(JsonNode.Parse(images), JsonNode.Parse(page.ImagesJson))
                    && JsonNode.DeepEquals(JsonNode.Parse(attributes), JsonNode.Parse(page.AttributesJson)))
                {
                    (page.ImagesJson, page.AttributesJson) = (images, attributes);
                    unchanged++;
                    continue;
                }
                page.UpdatedAt = now;
                updated++;
            }
            audit.Record("seo.pages.synced", "seo_pages", db.Scope.RequiredTenantId.ToString(), null, new { created, updated, unchanged });
            await db.SaveChangesAsync(ct);
            return Results.Ok(new SyncResult(created, updated, unchanged));
        }).RequireAuthorization(write)
          .WithSummary("Sync pages from the shop: each {url, kind, externalId, name, brand, category, price, currency, availability, images, attributes} is created or updated by its URL; all or nothing, errors as pages[i].field")
          .Produces<SyncResult>().ProducesValidationProblem();

        group.MapGet("", async (string? kind, int? minScore, int? maxScore, bool? unaudited, string? q, string? sort, int? page, int? pageSize, BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (kind is not null && !PageKinds.All.Contains(kind)) errors.Add(new("kind", $"One of {string.Join(", ", PageKinds.All)}."));
            if (minScore is < 0 or > 100) errors.Add(new("minScore", "From 0 to 100."));
            if (maxScore is < 0 or > 100) errors.Add(new("maxScore", "From 0 to 100."));
            if (sort is not null and not ("score" or "-score" or "url" or "-updated")) errors.Add(new("sort", "score, -score, url or -updated."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var query = db.Set<SeoPage>().AsNoTracking();
            if (kind is not null) query = query.Where(p => p.Kind == kind);
            if (minScore is { } min) query = query.Where(p => p.Score >= min);
            if (maxScore is { } max) query = query.Where(p => p.Score <= max);
            if (unaudited == true) query = query.Where(p => p.Score == null);
            if (!string.IsNullOrWhiteSpace(q)) { var term = q.Trim(); query = query.Where(p => p.Url.Contains(term) || (p.Name != null && p.Name.Contains(term)) || (p.Title != null && p.Title.Contains(term))); }
            query = sort switch
            {
                "score" => query.OrderBy(p => p.Score == null).ThenBy(p => p.Score).ThenBy(p => p.Url),
                "-score" => query.OrderByDescending(p => p.Score).ThenBy(p => p.Url),
                "-updated" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Url),
                _ => query.OrderBy(p => p.Url),
            };
            var total = await query.CountAsync(ct);
            var rows = await query.Skip(paging.Skip).Take(paging.PageSize)
                .Select(p => new PageRow(p.Id, p.Url, p.Kind, p.Name, p.Title, p.Score, p.Status, p.AuditedAt, p.UpdatedAt)).ToListAsync(ct);
            return Results.Ok(new Page<PageRow>(rows, paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read)
          .WithSummary("The catalogue: filters kind, minScore/maxScore, unaudited, q (URL, name or title); sort url (default), score (worst first), -score, -updated; paginated")
          .Produces<Page<PageRow>>().ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
            await db.Set<SeoPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p ? Results.Ok(View(p)) : Problems.NotFound("Page"))
            .RequireAuthorization(read).WithSummary("One page: its product data, what it served when last fetched, its score").Produces<PageView>().ProducesProblem(404);

        group.MapDelete("/{id:guid}", async (Guid id, BrandHubDb db, AuditTrail audit, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return Problems.NotFound("Page");
            db.Remove(page);
            audit.Record("seo.page.deleted", "seo_page", id.ToString(), new { page.Url, page.Kind }, null);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Remove a page from the catalogue (its audits stay)").Produces(204).ProducesProblem(404);
        return app;
    }

    private static IEnumerable<FieldError> Check(PageInput p, string prefix)
    {
        if (!PageFetcher.IsWebUrl(p.Url?.Trim())) yield return new(prefix + "url", "An absolute http(s) URL of at most 2,000 characters.");
        if (p.Kind is not null && !PageKinds.All.Contains(p.Kind)) yield return new(prefix + "kind", $"One of {string.Join(", ", PageKinds.All)}.");
        if (p.Name is { Length: > 300 }) yield return new(prefix + "name", "At most 300 characters.");
        if (p.Brand is { Length: > 200 }) yield return new(prefix + "brand", "At most 200 characters.");
        if (p.Category is { Length: > 500 }) yield return new(prefix + "category", "At most 500 characters (a path like Shoes > Boots).");
        if (p.ExternalId is { Length: > 200 }) yield return new(prefix + "externalId", "At most 200 characters.");
        if (p.Price is < 0 or > 1_000_000_000m) yield return new(prefix + "price", "From 0 to 1,000,000,000.");
        if (p.Price is not null && p.Currency is null) yield return new(prefix + "currency", "Say which currency the price is in.");
        if (p.Currency is not null && !(p.Currency.Length == 3 && p.Currency.All(char.IsAsciiLetter))) yield return new(prefix + "currency", "A three-letter ISO 4217 code (RON, EUR).");
        if (p.Availability is not null && !Availabilities.Contains(p.Availability)) yield return new(prefix + "availability", $"One of {string.Join(", ", Availabilities)}.");
        if (p.Images is { Count: > 50 }) yield return new(prefix + "images", "At most 50 images.");
        for (var i = 0; i < (p.Images?.Count ?? 0); i++)
            if (!PageFetcher.IsWebUrl(p.Images![i].Url?.Trim())) yield return new($"{prefix}images[{i}].url", "An absolute http(s) URL.");
        if (p.Attributes is { Count: > 100 }) yield return new(prefix + "attributes", "At most 100 attributes.");
    }

    private static void Apply(SeoPage page, PageInput p)
    {
        page.Kind = p.Kind ?? PageKinds.Product;
        (page.ExternalId, page.Name, page.Brand, page.Category) = (p.ExternalId?.Trim(), p.Name?.Trim(), p.Brand?.Trim(), p.Category?.Trim());
        (page.Price, page.Currency, page.Availability) = (p.Price, p.Currency?.ToUpperInvariant(), p.Availability);
        page.ImagesJson = JsonSerializer.Serialize(p.Images?.Select(i => new ImageInput(i.Url!.Trim(), i.Alt?.Trim())) ?? [], SeoAuditor.Json);
        page.AttributesJson = JsonSerializer.Serialize(p.Attributes ?? [], SeoAuditor.Json);
    }

    /// <summary>Compared as values: 349 and PostgreSQL's 349.0000 are the same price.</summary>
    private static (string, string?, string?, string?, string?, decimal?, string?, string?) Scalars(SeoPage p) =>
        (p.Kind, p.ExternalId, p.Name, p.Brand, p.Category, p.Price, p.Currency, p.Availability);

    public static PageView View(SeoPage p) => new(p.Id, p.Url, p.Kind, p.ExternalId, p.Name, p.Brand, p.Category, p.Price, p.Currency, p.Availability,
        JsonSerializer.Deserialize<List<ImageInput>>(p.ImagesJson, SeoAuditor.Json) ?? [], JsonSerializer.Deserialize<Dictionary<string, string>>(p.AttributesJson, SeoAuditor.Json) ?? [],
        p.Status, p.FetchMs, p.RedirectsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(p.RedirectsJson, SeoAuditor.Json) ?? [], p.FetchedAt,
        p.Title, p.Description, p.Score, p.AuditedAt, p.LastAuditId, p.ContentChangedAt, p.CreatedAt, p.UpdatedAt);
}
