using System.Text.Json;
using BrandHub.Modules.Channels.Email.Dkim;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Channels.Email.Settings;

public static class EmailSettingsEndpoints
{
    /// <summary>For the OpenAPI document: the PUT body. Secrets omitted keep their stored value; <c>""</c> clears one.</summary>
    public sealed record EmailSettingsRequest(string Provider, string FromEmail, string? FromName, string? ReplyTo,
        string? Host, int? Port, string? Security, string? Username, string? Password,
        string? BaseUrl, string? Domain, string? ApiKey, string? WebhookSigningKey, int? MaxConnections, double? MessagesPerSecond);

    public static RouteGroupBuilder MapEmailSettings(this RouteGroupBuilder email)
    {
        var manage = Scopes.Policy(Scopes.ChannelsManage);

        email.MapGet("/settings", async (EmailSenderConfiguration config, CancellationToken ct) =>
            await config.FindAsync(ct) is { } s ? Results.Ok(config.View(s)) : Problems.NotFound("Email settings"))
            .RequireAuthorization(manage).WithSummary("The sender configuration (secrets are never returned, only has… flags)")
            .Produces<EmailSenderView>().ProducesProblem(404);

        email.MapPut("/settings", async (JsonElement body, EmailSenderConfiguration config, CancellationToken ct) =>
        {
            var errors = new List<Core.FieldError>();
            var input = EmailSettingsInput.Read(body, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var (view, problems) = await config.SaveAsync(input, ct);
            return view is null ? Problems.Validation(problems) : Results.Ok(view);
        }).RequireAuthorization(manage).Accepts<EmailSettingsRequest>("application/json")
          .WithSummary("Configure the sender: SMTP (host, port, security, username, password) or the HTTP provider (baseUrl, domain, apiKey, webhookSigningKey)")
          .Produces<EmailSenderView>().ProducesValidationProblem();

        email.MapPost("/dkim", async (DkimKeyRequest body, DkimKeys keys, CancellationToken ct) =>
        {
            var (record, errors, failure) = await keys.GenerateAsync(body, ct);
            if (failure == DkimKeys.Failure.NotConfigured) return Problems.Conflict("Configure the email sender (PUT /api/v1/channels/email/settings) before generating a DKIM key.");
            return record is null ? Problems.Validation(errors) : Results.Ok(record);
        }).RequireAuthorization(manage).WithSummary("Generate a new 2048-bit DKIM key (replacing the current one) and return the DNS TXT record to publish")
          .Produces<DkimRecord>().ProducesValidationProblem().ProducesProblem(409);

        email.MapGet("/dkim", async (DkimKeys keys, CancellationToken ct) =>
            await keys.CurrentAsync(ct) is { } record ? Results.Ok(record) : Problems.NotFound("DKIM key"))
            .RequireAuthorization(manage).WithSummary("The DNS TXT record of the current DKIM key").Produces<DkimRecord>().ProducesProblem(404);

        return email;
    }
}
