using System.Text.Json;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Channels.Email.HttpApi;

public static class EmailWebhookEndpoints
{
    public sealed record WebhookAnswer(string Status);

    /// <summary>
    /// <c>POST /api/v1/webhooks/email/{tenantId}</c>: the HTTP provider's events. Anonymous; the body's HMAC signature
    /// under the tenant's webhook signing key is the authentication. 401 and nothing changed when it does not verify,
    /// is older than 15 minutes, or is missing; 200 otherwise — also for a token already handled (the provider retrying)
    /// and for events BrandHub does not act on, so the provider stops retrying them.
    /// </summary>
    public static IEndpointRouteBuilder MapEmailWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/webhooks/email/{tenantId:guid}", async (Guid tenantId, JsonElement body, HttpContext http, CancellationToken ct) =>
        {
            using var work = TenantWork.Begin(http.RequestServices, tenantId, "provider:http");
            var outcome = await work.ServiceProvider.GetRequiredService<EmailWebhookReceiver>().ReceiveAsync(body, ct);
            return outcome switch
            {
                EmailWebhookReceiver.Outcome.Rejected => Results.Problem(title: "The webhook signature does not verify.",
                    detail: "Signed with the tenant's webhook signing key, within 15 minutes, never reused.",
                    statusCode: StatusCodes.Status401Unauthorized, type: "https://brandhub.dev/problems/webhook-signature"),
                _ => Results.Ok(new WebhookAnswer(outcome.ToString().ToLowerInvariant())),
            };
        }).AllowAnonymous().WithTags("Webhooks")
          .WithSummary("Email provider events (Mailgun format), verified by HMAC-SHA256 signature")
          .Produces<WebhookAnswer>().ProducesProblem(401);
        return app;
    }
}
