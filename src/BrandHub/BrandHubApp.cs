using BrandHub.Data;
using BrandHub.Data.Migrations;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Channels.Email.Smtp;
using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Delivery.Tracking;
using BrandHub.Modules.Content;
using BrandHub.Modules.Delivery;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Health;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Observability;
using BrandHub.Modules.Platform.Outbox;
using BrandHub.Modules.Segments;
using BrandHub.Modules.Analytics;
using BrandHub.Modules.Seo;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BrandHub;

/// <summary>Composition of the host: which modules exist and in what order requests flow. Read top to bottom.</summary>
public static class BrandHubApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json lives beside the binary, so it is found whatever the working directory (`dotnet run --project
        // src/BrandHub` from the repository root, a service manager, a test). Relative paths that are meant for the operator
        // (BrandHub:DataDir, default ./data) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ContentRootPath = AppContext.BaseDirectory, WebRootPath = WebRoot(),
        });
        builder.Logging.ClearProviders().AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; o.TimestampFormat = "O"; });
        if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://localhost:5080"); // the documented default
        configure?.Invoke(builder);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System); // a host (e.g. a test) may register its own clock in configure
        services.AddBrandHubData(builder.Configuration);
        services.AddBrandHubHttp();
        services.AddBrandHubAuth(builder.Configuration);
        services.AddBrandHubTelemetry(builder.Configuration);
        services.AddBrandHubHealth();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer<OpenApiDocument>().AddSchemaTransformer<OpenApiValueSchemas>());
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditChainInterceptor>();
        services.AddSingleton<TenantProvisioning>();
        services.AddSingleton<BrandHub.Modules.Platform.Secrets.SecretKeys>();
        services.AddJobs(builder.Configuration);
        services.AddOutbox(builder.Configuration);
        services.AddAudience();
        services.AddSmtpEmailTransport();
        services.AddTracking();
        services.AddEmailChannel(builder.Configuration);
        services.AddContent();
        services.AddDelivery(builder.Configuration);
        BrandHub.Modules.Campaigns.CampaignsModule.AddCampaigns(services, builder.Configuration);
        services.AddSegments(builder.Configuration);
        services.AddAnalytics(builder.Configuration);
        services.AddSeo(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBrandHubRequestContext();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseTenantFromCaller();
        app.UseTenantLogScope();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o => { o.RoutePrefix = "api-docs"; o.SwaggerEndpoint("/openapi/v1.json", "BrandHub API v1"); o.DocumentTitle = "BrandHub API reference"; });
        app.MapBrandHubHealth();
        app.MapAuth();
        app.MapAudit();
        app.MapJobs();
        app.MapAudience();
        app.MapEmailChannel();
        app.MapTracking();
        app.MapContent();
        app.MapDelivery();
        BrandHub.Modules.Campaigns.CampaignsModule.MapCampaignsModule(app);
        app.MapSegments();
        app.MapAnalytics();
        app.MapSeo();
        // The web app's client-side routes; never under /api/, where an unknown route stays a 404 problem
        // (and a known route with the wrong method or content type its 405/415).
        app.MapFallbackToFile("{*path:nonfile:regex(^(?!api(/|$)))}", "index.html").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The built web app: beside the binary when published, else the project's wwwroot that the build fills
    /// (so <c>dotnet run</c> from any directory serves the current front end).
    /// </summary>
    private static string WebRoot()
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(published, "index.html"))) return published;
        var source = typeof(BrandHubApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "WebRoot")?.Value;
        return source is not null && Directory.Exists(source) ? source : published;
    }

    /// <summary>Applies pending migrations. Run at start-up and by <c>brandhub migrate</c>.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
    }
}
