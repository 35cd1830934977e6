using BrandHub.Modules.Analytics.Attribution;
using BrandHub.Modules.Analytics.Utm;

namespace BrandHub.Modules.Analytics;

/// <summary>PRODUCT.md §9: attribution (so far the analysts' paths mode) and UTM governance; tracking, rollups and the dashboard follow.</summary>
public static class AnalyticsModule
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapPathsAttribution();
        app.MapUtm();
        return app;
    }
}
