using Microsoft.Extensions.DependencyInjection.Extensions;
using BrandHub.Modules.Channels.Email.Dkim;
using BrandHub.Modules.Channels.Email.HttpApi;
using BrandHub.Modules.Channels.Email.Settings;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Channels.Email;

/// <summary>PRODUCT.md §6, email: the tenant's sender, its DKIM key, the HTTP provider and its event webhook.</summary>
public static class EmailChannelModule
{
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<EmailSenderCache>();
        // TryAdd: a seam; a test host may stand in its own senders (registered first).
        services.TryAddScoped<IEmailSenders, EmailSenders>();
        services.AddScoped<EmailSenderConfiguration>();
        services.AddScoped<DkimKeys>();
        services.AddScoped<TestEmail>();
        services.AddScoped<EmailWebhookReceiver>();
        services.AddSingleton<IEmailTransport, HttpApiEmailTransport>();
        services.AddHttpClient(HttpApiEmailTransport.ClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(config.GetValue("BrandHub:Email:HttpTimeoutSeconds", 30.0));
            c.DefaultRequestHeaders.UserAgent.ParseAdd("BrandHub");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapEmailChannel(this IEndpointRouteBuilder app)
    {
        var email = app.MapGroup("/api/v1/channels/email").WithTags("Email channel");
        email.MapEmailSettings();
        email.MapPost("/test", async (TestEmailRequest body, TestEmail test, CancellationToken ct) =>
        {
            var (result, errors, failure) = await test.SendAsync(body, ct);
            return failure switch
            {
                TestEmail.Failure.NotConfigured => Problems.Conflict("Configure the email sender first."),
                TestEmail.Failure.NoTransport => Results.Problem(title: "This provider cannot send from this node.",
                    detail: "No transport is installed for the configured provider.", statusCode: StatusCodes.Status422UnprocessableEntity),
                _ when result is null => Problems.Validation(errors),
                _ when !result.Sent => Results.Problem(title: "The provider did not accept the test email.", detail: result.Error,
                    statusCode: StatusCodes.Status422UnprocessableEntity, type: "https://brandhub.dev/problems/email-test-failed",
                    extensions: new Dictionary<string, object?> { ["provider"] = result.Provider, ["outcome"] = result.Outcome }),
                _ => Results.Ok(result),
            };
        }).RequireAuthorization(Scopes.Policy(Scopes.ChannelsManage))
          .WithSummary("Send a test email through the configured transport; 422 with the provider's reply when it fails")
          .Produces<TestEmailResult>().ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        app.MapEmailWebhook();
        return app;
    }
}
