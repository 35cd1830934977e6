using BrandHub.Modules.Seo.Audits;
using BrandHub.Modules.Seo.Catalogue;
using BrandHub.Modules.Seo.Metadata;
using BrandHub.Modules.Seo.Bulk;
using BrandHub.Modules.Seo.Sitemaps;

namespace BrandHub.Modules.Seo;

/// <summary>PRODUCT.md §12: the page catalogue, the audit rule engine over it, the tenant's rules, and the metadata BrandHub manages per page.</summary>
public static class SeoModule
{
    public static IServiceCollection AddSeo(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("BrandHub:Seo").Get<SeoOptions>() ?? new SeoOptions());
        services.AddSingleton<PageFetcher>();
        services.AddScoped<SeoAuditor>();
        services.AddScoped<SiteWideAudit>();
        services.AddScoped<Platform.Jobs.IJobHandler, Bulk.BulkJob>();
        services.AddScoped<Sitemaps.SitemapPublisher>();
        services.AddScoped<Platform.Jobs.IJobHandler, Crawler.SiteCrawler>();
        services.AddScoped<Platform.Jobs.IJobHandler, Sitemaps.SitemapJob>();
        services.AddHttpClient(Sitemaps.SitemapPublisher.IndexNowClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    public static IEndpointRouteBuilder MapSeo(this IEndpointRouteBuilder app)
    {
        app.MapSeoPages();
        app.MapSeoAudits();
        app.MapSeoSettings();
        app.MapSeoMetadata();
        app.MapSeoBulk();
        app.MapSeoReport();
        app.MapSeoSitemaps();
        return app;
    }
}
