using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Metadata;

/// <summary>
/// A catalogue page's metadata: generate a proposal from its product data, edit one, apply a version (with one call),
/// and the history of versions. The applied version is what the page's audits read (<see cref="MetadataOverlay"/>).
/// </summary>
public static class MetadataEndpoints
{
    public sealed record MetadataView(int Version, string Source, string Title, string Description, string Slug, string Canonical, string Robots,
        IReadOnlyDictionary<string, string> OpenGraph, IReadOnlyList<ImageAlt> AltTexts, string JsonLd, bool Applied, DateTimeOffset CreatedAt, string CreatedBy,
        DateTimeOffset? AppliedAt);
    public sealed record MetadataHistory(Guid PageId, int? AppliedVersion, IReadOnlyList<MetadataView> Versions);
    public sealed record MetadataEdit(string? Title, string? Description, string? Slug, string? Canonical, string? Robots, Dictionary<string, string>? OpenGraph,
        List<ImageAlt>? AltTexts, string? JsonLd, bool? Apply);

    public static IEndpointRouteBuilder MapSeoMetadata(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo/products/{id:guid}").WithTags("SEO");
        var write = Scopes.Policy(Scopes.SeoWrite);

        group.MapPost("/generate", async (Guid id, BrandHubDb db, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return Problems.NotFound("Page");
            var version = await GenerateAsync(db, page, apply: false, clock, actor.Id, ct);
            if (!await SavedAsync(db, ct)) return Problems.Conflict(SameTime);
            return Results.Ok(View(version, page.AppliedVersion));
        }).RequireAuthorization(write)
          .WithSummary("Propose metadata from the page's product data: title 50–60 characters, description 140–160, slug, canonical, Open Graph, alt texts and Product/Offer/BreadcrumbList JSON-LD; kept as a new version, not applied")
          .Produces<MetadataView>().ProducesProblem(404).ProducesProblem(409);

        group.MapPost("/metadata/{version:int}/apply", async (Guid id, int version, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Id == id, ct);
            var chosen = page is null ? null : await db.Set<SeoMetadataVersion>().FirstOrDefaultAsync(v => v.PageId == id && v.Version == version, ct);
            if (page is null || chosen is null) return Problems.NotFound(page is null ? "Page" : "Metadata version");
            var before = page.AppliedVersion;
            page.AppliedVersion = version;
            (chosen.AppliedAt, chosen.AppliedBy, page.UpdatedAt) = (clock.GetUtcNow(), actor.Id, clock.GetUtcNow());
            audit.Record("seo.metadata.applied", "seo_page", id.ToString(), new { version = before }, new { version, chosen.Title, chosen.Description });
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(chosen, version));
        }).RequireAuthorization(write)
          .WithSummary("Apply a version: it becomes the page's metadata (what the shop renders and the page's audits read)")
          .Produces<MetadataView>().ProducesProblem(404);

        group.MapPut("/metadata", async (Guid id, MetadataEdit body, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return Problems.NotFound("Page");
            var current = await CurrentAsync(db, page, ct);
            var errors = new List<FieldError>();
            if (body.Title is { } t && (t.Trim().Length == 0 || t.Length > 300)) errors.Add(new("title", "1–300 characters (50–60 show well)."));
            if (body.Description is { } d && d.Length > 1000) errors.Add(new("description", "At most 1,000 characters (140–160 show well)."));
            if (body.Slug is { } s && MetadataGenerator.Slug(s) != s) errors.Add(new("slug", $"Lower-case ASCII words joined by hyphens, e.g. '{MetadataGenerator.Slug(s)}'."));
            if (body.Canonical is { } c && !PageFetcher.IsWebUrl(c)) errors.Add(new("canonical", "An absolute http(s) URL."));
            if (body.JsonLd is { } j && !IsJson(j)) errors.Add(new("jsonLd", "JSON-LD must be valid JSON."));
            if (body.AltTexts?.FindIndex(a => !PageFetcher.IsWebUrl(a.Url)) is >= 0 and var bad) errors.Add(new($"altTexts[{bad}].url", "An absolute http(s) URL."));
            if (current is null && (body.Title is null || body.Description is null)) errors.Add(new("title", "The first version of a page's metadata needs a title and a description."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var baseline = current ?? MetadataGenerator.Generate(ProductOf(page));
            var edited = new PageMetadata(body.Title?.Trim() ?? baseline.Title, body.Description?.Trim() ?? baseline.Description, body.Slug ?? baseline.Slug,
                body.Canonical ?? baseline.Canonical, body.Robots?.Trim() ?? baseline.Robots, body.OpenGraph ?? baseline.OpenGraph, body.AltTexts ?? baseline.AltTexts,
                body.JsonLd ?? baseline.JsonLd);
            var version = await AddVersionAsync(db, page.Id, SeoMetadataVersion.Edited, edited, actor.Id, clock, ct);
            if (body.Apply != false)
            {
                (page.AppliedVersion, version.AppliedAt, version.AppliedBy, page.UpdatedAt) = (version.Version, clock.GetUtcNow(), actor.Id, clock.GetUtcNow());
                audit.Record("seo.metadata.applied", "seo_page", id.ToString(), null, new { version = version.Version, edited.Title, edited.Description });
            }
            if (!await SavedAsync(db, ct)) return Problems.Conflict(SameTime);
            return Results.Ok(View(version, page.AppliedVersion));
        }).RequireAuthorization(write)
          .WithSummary("Edit the metadata: the fields given replace the current version's in a new version, applied unless apply is false")
          .Produces<MetadataView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        group.MapGet("/metadata", async (Guid id, BrandHubDb db, CancellationToken ct) =>
        {
            var page = await db.Set<SeoPage>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (page is null) return Problems.NotFound("Page");
            var versions = await db.Set<SeoMetadataVersion>().AsNoTracking().Where(v => v.PageId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
            return Results.Ok(new MetadataHistory(id, page.AppliedVersion, versions.Select(v => View(v, page.AppliedVersion)).ToList()));
        }).RequireAuthorization(Scopes.Policy(Scopes.SeoRead))
          .WithSummary("The page's metadata versions, newest first, and which one is applied").Produces<MetadataHistory>().ProducesProblem(404);
        return app;
    }

    private const string SameTime = "Another change to this page's metadata was saved at the same moment; load it again and retry.";

    /// <summary>False when a concurrent change took the same version number (the primary key refused the row).</summary>
    private static async Task<bool> SavedAsync(BrandHubDb db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateException) { return false; }
    }

    /// <summary>The metadata the shop renders for the page: its applied version, or null.</summary>
    public static async Task<PageMetadata?> CurrentAsync(BrandHubDb db, SeoPage page, CancellationToken ct) =>
        page.AppliedVersion is { } applied && await db.Set<SeoMetadataVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.PageId == page.Id && v.Version == applied, ct) is { } v
            ? Metadata(v) : null;

    public static ProductData ProductOf(SeoPage p) => new(p.Url, p.Name, p.Brand, p.Category, p.Price, p.Currency, p.Availability,
        (JsonSerializer.Deserialize<List<PageEndpoints.ImageInput>>(p.ImagesJson, SeoAuditor.Json) ?? []).Where(i => i.Url is not null).Select(i => (i.Url!, i.Alt)).ToList(),
        JsonSerializer.Deserialize<Dictionary<string, string>>(p.AttributesJson, SeoAuditor.Json), p.ExternalId);

    /// <summary>A generated proposal as a new version (not saved yet), applied when asked.</summary>
    public static async Task<SeoMetadataVersion> GenerateAsync(BrandHubDb db, SeoPage page, bool apply, TimeProvider clock, string actorId, CancellationToken ct)
    {
        var version = await AddVersionAsync(db, page.Id, SeoMetadataVersion.Generated, MetadataGenerator.Generate(ProductOf(page)), actorId, clock, ct);
        if (apply) (page.AppliedVersion, version.AppliedAt, version.AppliedBy, page.UpdatedAt) = (version.Version, clock.GetUtcNow(), actorId, clock.GetUtcNow());
        return version;
    }

    private static async Task<SeoMetadataVersion> AddVersionAsync(BrandHubDb db, Guid pageId, string source, PageMetadata m, string actorId, TimeProvider clock, CancellationToken ct)
    {
        var last = await db.Set<SeoMetadataVersion>().Where(v => v.PageId == pageId).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        return db.Add(new SeoMetadataVersion
        {
            TenantId = db.Scope.RequiredTenantId, PageId = pageId, Version = last + 1, Source = source, Title = m.Title, Description = m.Description, Slug = m.Slug,
            Canonical = m.Canonical, Robots = m.Robots, OpenGraphJson = JsonSerializer.Serialize(m.OpenGraph, SeoAuditor.Json),
            AltTextsJson = JsonSerializer.Serialize(m.AltTexts, SeoAuditor.Json), JsonLd = m.JsonLd, CreatedAt = clock.GetUtcNow(), CreatedBy = actorId,
        }).Entity;
    }

    private static PageMetadata Metadata(SeoMetadataVersion v) => new(v.Title, v.Description, v.Slug, v.Canonical, v.Robots,
        JsonSerializer.Deserialize<Dictionary<string, string>>(v.OpenGraphJson, SeoAuditor.Json) ?? [], JsonSerializer.Deserialize<List<ImageAlt>>(v.AltTextsJson, SeoAuditor.Json) ?? [],
        v.JsonLd);

    private static MetadataView View(SeoMetadataVersion v, int? applied)
    {
        var m = Metadata(v);
        return new(v.Version, v.Source, m.Title, m.Description, m.Slug, m.Canonical, m.Robots, m.OpenGraph, m.AltTexts, m.JsonLd, applied == v.Version, v.CreatedAt, v.CreatedBy, v.AppliedAt);
    }

    private static bool IsJson(string text)
    {
        try { using var _ = JsonDocument.Parse(text); return true; }
        catch (JsonException) { return false; }
    }
}
