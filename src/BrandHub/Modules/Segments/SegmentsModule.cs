using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Segments.Events;

namespace BrandHub.Modules.Segments;

/// <summary>PRODUCT.md §2: segments, their members and refresh, audience previews, and the contact events criteria count.</summary>
public static class SegmentsModule
{
    public static IServiceCollection AddSegments(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("BrandHub:Segments").Get<SegmentsOptions>() ?? new SegmentsOptions());
        services.AddSingleton<SegmentRefreshRequests>();
        services.AddSingleton<ContactChangeWatch>();
        services.AddScoped<SegmentCriteria>();
        services.AddScoped<SegmentMembership>();
        services.AddScoped<SegmentRefresh>();
        services.AddScoped<SegmentLibrary>();
        services.AddScoped<AudienceSql>();
        services.AddScoped<AudienceReach>();
        services.AddScoped<SegmentPerformance>();
        services.AddScoped<ContactEventIngest>();
        services.AddScoped<IJobHandler, SegmentRefreshJob>();
        services.AddHostedService<SegmentSchedule>();
        return services;
    }

    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder app)
    {
        app.MapSegmentEndpoints();
        app.MapAudiencePreview();
        app.MapContactEvents();
        return app;
    }
}
