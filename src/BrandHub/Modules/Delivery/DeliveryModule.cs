using Microsoft.Extensions.DependencyInjection.Extensions;
using BrandHub.Modules.Delivery.Dispatch;
using BrandHub.Modules.Delivery.Messages;
using BrandHub.Modules.Delivery.Policies;

namespace BrandHub.Modules.Delivery;

/// <summary>PRODUCT.md §5: deliveries, the policies before send, the dispatcher and the messages API.</summary>
public static class DeliveryModule
{
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("BrandHub:Delivery").Get<DeliveryOptions>() ?? new DeliveryOptions();
        if (options.Validate().FirstOrDefault() is { } problem)
            throw new InvalidOperationException($"Configuration {problem.Field}: {problem.Message}");
        services.AddSingleton(options);
        services.AddScoped<SendPolicies>();
        services.AddScoped<MessageQueue>();
        // TryAdd: a seam; a test host may record events itself (registered first).
        services.TryAddScoped<IDeliveryEvents, DeliveryEventRecorder>();
        services.TryAddScoped<IDispatchHolds, NoDispatchHolds>();
        services.AddScoped<EmailDispatch>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<PreparedEmails>();
        services.AddSingleton<ProviderGates>();
        services.AddSingleton<DeliveryClaims>();
        if (options.Enabled) services.AddHostedService<DeliveryDispatcher>();
        services.AddHealthChecks().AddCheck<DispatcherHealth>("deliveries", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        app.MapMessages();
        app.MapDeliveryPolicies();
        app.MapDeliveries();
        return app;
    }
}
