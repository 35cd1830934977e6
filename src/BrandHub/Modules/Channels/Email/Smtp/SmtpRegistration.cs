namespace BrandHub.Modules.Channels.Email.Smtp;

public static class SmtpRegistration
{
    /// <summary>
    /// The SMTP email transport and its connection pool (singletons: the pool's connections outlive any request).
    /// Options bind from the <c>BrandHub:Email:Smtp</c> configuration section when present.
    /// </summary>
    public static IServiceCollection AddSmtpEmailTransport(this IServiceCollection services, Action<SmtpClientOptions>? configure = null)
    {
        services.AddSingleton(sp =>
        {
            var options = new SmtpClientOptions();
            sp.GetService<IConfiguration>()?.GetSection("BrandHub:Email:Smtp").Bind(options);
            configure?.Invoke(options);
            return options;
        });
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<SmtpEmailTransport>());
        return services;
    }
}
