using BrandHub.Data;

namespace BrandHub.Modules.Seo.Catalogue;

/// <summary>
/// A page of the tenant's site in the SEO catalogue (PRODUCT.md §12): a product, category or content page, synced from
/// the shop (with its product data) or found by the crawler; what it served when last fetched; its last score.
/// </summary>
public sealed class SeoPage : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>Absolute URL, the page's identity in the catalogue (one row per URL).</summary>
    public string Url { get; set; } = "";
    public string Kind { get; set; } = Core.Seo.PageKinds.Product;
    /// <summary>The shop's id for the product or page, when synced.</summary>
    public string? ExternalId { get; set; }
    public string? Name { get; set; }
    public string? Brand { get; set; }
    public string? Category { get; set; }
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    /// <summary>in_stock, out_of_stock, preorder, discontinued.</summary>
    public string? Availability { get; set; }
    /// <summary><c>[{"url":"…","alt":"…"}]</c>.</summary>
    public string ImagesJson { get; set; } = "[]";
    /// <summary><c>{"material":"leather"}</c>.</summary>
    public string AttributesJson { get; set; } = "{}";

    public int? Status { get; set; }
    public string? HeadersJson { get; set; }
    public string? Html { get; set; }
    public int? FetchMs { get; set; }
    /// <summary>The URLs redirected from before the page, first to last.</summary>
    public string? RedirectsJson { get; set; }
    public DateTimeOffset? FetchedAt { get; set; }

    /// <summary>As last read from the page (or synced): the site-wide duplicate rules compare these.</summary>
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? Score { get; set; }
    public DateTimeOffset? AuditedAt { get; set; }
    public Guid? LastAuditId { get; set; }
    /// <summary>Hash of what the page serves; a new one moves <see cref="ContentChangedAt"/> (a sitemap's lastmod).</summary>
    public string? ContentHash { get; set; }
    public DateTimeOffset? ContentChangedAt { get; set; }
    /// <summary>The metadata version the shop renders (<see cref="Metadata.SeoMetadataVersion"/>), if one was applied.</summary>
    public int? AppliedVersion { get; set; }
    /// <summary>The canonical URL the page named when last audited.</summary>
    public string? Canonical { get; set; }
    /// <summary>Whether the last audit found it indexable: answering below 400, not noindex, not blocked by robots.txt.</summary>
    public bool? Indexable { get; set; }
    /// <summary>The sitemap file the page is listed in (kept, so a change rewrites only that file).</summary>
    public int? SitemapFile { get; set; }
    /// <summary>The lastmod last published for the page (sitemap and IndexNow): a different <see cref="ContentChangedAt"/> means changed.</summary>
    public DateTimeOffset? SitemapLastmod { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
