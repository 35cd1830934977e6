using Microsoft.Extensions.DependencyInjection.Extensions;
using BrandHub.Modules.Campaigns.Launch;
using BrandHub.Modules.Campaigns.Reporting;
using BrandHub.Modules.Campaigns.Steps;
using BrandHub.Modules.Campaigns.Team;
using BrandHub.Modules.Campaigns.Templates;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Modules.Campaigns;

/// <summary>PRODUCT.md §4: campaigns, their steps on any channel, the lifecycle, launch through the delivery engine, results.</summary>
public static class CampaignsModule
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("BrandHub:Campaigns").Get<CampaignOptions>() ?? new CampaignOptions());
        services.AddHttpContextAccessor();
        services.AddScoped<ICampaignChannel, EmailCampaignChannel>();
        services.AddScoped<CampaignPlanner>();
        services.AddScoped<CampaignControl>();
        services.AddScoped<CampaignAccess>();
        services.AddScoped<CampaignAudienceReader>();
        services.AddScoped<CampaignDeliveries>();
        services.AddScoped<CampaignMetrics>();
        services.AddScoped<IJobHandler, CampaignLauncher>();
        services.AddScoped<IJobHandler, CampaignUnparkJob>();
        // Replaces the delivery engine's default (nothing held): paused or stopped campaigns hold their claimed messages.
        services.Replace(ServiceDescriptor.Scoped<BrandHub.Modules.Delivery.Dispatch.IDispatchHolds, CampaignDispatchHolds>());
        return services;
    }

    public static IEndpointRouteBuilder MapCampaignsModule(this IEndpointRouteBuilder app)
    {
        app.MapCampaignTemplates(); // before /{id} routes: from-template is a literal segment
        app.MapCampaigns();
        app.MapCampaignResults();
        app.MapCampaignTeam();
        return app;
    }
}
