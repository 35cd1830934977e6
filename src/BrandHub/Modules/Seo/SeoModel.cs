using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo;

/// <summary>EF mapping of the SEO tables (indexes live in the migrations).</summary>
public static class SeoModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<SeoPage>(e =>
        {
            e.ToTable("seo_pages");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.Property(x => x.Price).HasPrecision(18, 4);
            if (postgres)
                foreach (var json in new[] { nameof(SeoPage.ImagesJson), nameof(SeoPage.AttributesJson), nameof(SeoPage.HeadersJson), nameof(SeoPage.RedirectsJson) })
                    e.Property(json).HasColumnType("jsonb");
        });
        model.Entity<SeoAudit>(e =>
        {
            e.ToTable("seo_audits");
            e.HasKey(x => new { x.TenantId, x.Id });
            if (postgres) e.Property(x => x.FindingsJson).HasColumnType("jsonb");
        });
        model.Entity<Metadata.SeoMetadataVersion>(e =>
        {
            e.ToTable("seo_metadata_versions");
            e.HasKey(x => new { x.TenantId, x.PageId, x.Version });
            if (postgres)
            {
                e.Property(x => x.OpenGraphJson).HasColumnType("jsonb");
                e.Property(x => x.AltTextsJson).HasColumnType("jsonb");
            }
        });
        model.Entity<Bulk.SeoBulkRun>(e =>
        {
            e.ToTable("seo_bulk_runs");
            e.HasKey(x => new { x.TenantId, x.Id });
            if (postgres) e.Property(x => x.FilterJson).HasColumnType("jsonb");
        });
        model.Entity<Sitemaps.SeoSitemapFile>(e =>
        {
            e.ToTable("seo_sitemap_files");
            e.HasKey(x => new { x.TenantId, x.File });
        });
        model.Entity<Sitemaps.SeoSitemapRun>(e =>
        {
            e.ToTable("seo_sitemap_runs");
            e.HasKey(x => new { x.TenantId, x.Id });
        });
        model.Entity<Sitemaps.SeoIndexNowSubmission>(e =>
        {
            e.ToTable("seo_index_now_submissions");
            e.HasKey(x => new { x.TenantId, x.Id });
        });
        model.Entity<SeoSettings>(e =>
        {
            e.ToTable("seo_settings");
            e.HasKey(x => x.TenantId);
            if (postgres) e.Property(x => x.RulesJson).HasColumnType("jsonb");
        });
    }
}
