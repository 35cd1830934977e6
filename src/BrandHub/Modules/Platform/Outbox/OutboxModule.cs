namespace BrandHub.Modules.Platform.Outbox;

public static class OutboxModule
{
    /// <summary>The transactional outbox's relay (section <c>BrandHub:Outbox</c>). Subscribers register as <see cref="IOutboxSubscriber"/>.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("BrandHub:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(options);
        services.AddSingleton<OutboxRelay>();
        if (options.Enabled) services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return services;
    }
}
