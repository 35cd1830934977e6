using BrandHub.Modules.Analytics.Attribution;
using BrandHub.Modules.Analytics.Costs;
using BrandHub.Modules.Analytics.Reports;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Analytics.Tracking;
using BrandHub.Modules.Analytics.Utm;


namespace BrandHub.Modules.Analytics;

/// <summary>PRODUCT.md §9: event tracking, UTM governance, attribution, costs, the daily rollup and the dashboard.</summary>
public static class AnalyticsModule
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("BrandHub:Analytics").Get<AnalyticsOptions>() ?? new AnalyticsOptions());
        services.AddSingleton<TrackWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackWriter>());
        services.AddSingleton<WriteKeys>();
        services.AddSingleton<TenantChannelRules>();
        services.AddScoped<TrackIngest>();
        services.AddScoped<Attribution.TrackedJourneys>();
        services.AddScoped<Rollups.VisitorEvents>();
        services.AddScoped<Rollups.AnalyticsRollup>();
        services.AddScoped<Costs.CostBook>();
        services.AddScoped<Reports.TenantCalendar>();
        services.AddScoped<Reports.Dashboard>();
        services.AddScoped<Reports.Insights>();
        services.AddScoped<Reports.ExecutionInsights>();
        services.AddScoped<Platform.Jobs.IJobHandler, Rollups.RollupJob>();
        services.AddSingleton<Rollups.RollupSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<Rollups.RollupSchedule>());
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
        app.MapShortLinks();
        app.MapCosts();
        app.MapRollups();
        app.MapDashboard();
        app.MapFunnel();
        app.MapCohorts();
        app.MapBenchmarks();
        app.MapInsights();
        return app;
    }
}
