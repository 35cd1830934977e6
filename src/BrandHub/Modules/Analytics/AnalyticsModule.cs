using BrandHub.Modules.Analytics.Attribution;
using BrandHub.Modules.Analytics.Tracking;
using BrandHub.Modules.Analytics.Utm;

namespace BrandHub.Modules.Analytics;

/// <summary>PRODUCT.md §9: event tracking, UTM governance and attribution; rollups and the dashboard follow.</summary>
public static class AnalyticsModule
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<TrackWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackWriter>());
        services.AddSingleton<WriteKeys>();
        services.AddScoped<TrackIngest>();
        services.AddScoped<Attribution.TrackedJourneys>();
        return services;
    }

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapTrack();
        app.MapWriteKeys();
        app.MapTrackEvents();
        app.MapErpEvents();
        app.MapPathsAttribution();
        app.MapTrackedAttribution();
        app.MapUtm();
        return app;
    }
}
