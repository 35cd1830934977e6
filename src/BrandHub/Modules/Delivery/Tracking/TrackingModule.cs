namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>BrandHub's own public links in messages: open pixel, click redirects, unsubscribe and the preference centre.</summary>
public static class TrackingModule
{
    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services.AddSingleton<TrackingLinks>();
        services.AddScoped<PreferenceCentre>();
        return services;
    }

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        app.MapTrackingLinks();
        app.MapUnsubscribe();
        return app;
    }
}
