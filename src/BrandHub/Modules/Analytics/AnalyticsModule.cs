using BrandHub.Modules.Analytics.Attribution;

namespace BrandHub.Modules.Analytics;

/// <summary>PRODUCT.md §9: attribution (so far the analysts' paths mode; tracked journeys, rollups and the dashboard follow).</summary>
public static class AnalyticsModule
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapPathsAttribution();
        return app;
    }
}
