using Microsoft.Extensions.DependencyInjection.Extensions;
using BrandHub.Modules.Content.Templates;

namespace BrandHub.Modules.Content;

/// <summary>PRODUCT.md §3: templates (email so far), validated strictly and rendered fast for the delivery engine.</summary>
public static class ContentModule
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddSingleton<CompiledTemplates>();
        services.AddScoped<TemplateLibrary>();
        // TryAdd: a seam; a test host may stand in its own content (registered first).
        services.TryAddScoped<IEmailContent, EmailContent>();
        return services;
    }

    public static IEndpointRouteBuilder MapContent(this IEndpointRouteBuilder app)
    {
        app.MapTemplates();
        return app;
    }
}
