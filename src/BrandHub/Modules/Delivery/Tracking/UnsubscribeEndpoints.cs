using System.Text.Json;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>
/// The unsubscribe link <c>/u/{token}</c>: <c>POST</c> is the RFC 8058 one-click unsubscribe that mail clients send
/// (body <c>List-Unsubscribe=One-Click</c>, no sign-in, no cookies); <c>GET</c> is the web app's preference-centre page,
/// which reads and writes <c>/api/v1/preferences/{token}</c>. GET never changes anything, so link scanners that
/// prefetch it cannot unsubscribe anyone. The tenant comes from the signed token only.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost("/u/{token}", async (string token, HttpContext http, TrackingLinks links, CancellationToken ct) =>
        {
            if (!links.TryReadUnsubscribe(token, out var tenantId, out var contactId, out var deliveryId, out var channel)
                || !ConsentWireNames.TryParseChannel(channel, out _)) return Problems.NotFound("Link");
            if (!http.Request.HasFormContentType) return OneClickRequired();
            var form = await http.Request.ReadFormAsync(ct);
            if (!string.Equals(form["List-Unsubscribe"].ToString(), "One-Click", StringComparison.OrdinalIgnoreCase)) return OneClickRequired();

            using var work = TenantWork.Begin(http.RequestServices, tenantId, $"contact:{contactId}");
            var db = work.ServiceProvider.GetRequiredService<BrandHubDb>();
            var contact = await LinkRecipient.FindAsync(db, contactId, ct);
            if (contact is null) return Problems.NotFound("Contact");
            await work.ServiceProvider.GetRequiredService<PreferenceCentre>().UnsubscribeAsync(contact, channel, Proof(http, deliveryId), ct);
            return Results.Ok(new OneClickResult(true, channel));
        }).AllowAnonymous().DisableAntiforgery().WithTags("Preferences")
          .WithSummary("RFC 8058 one-click unsubscribe (form body List-Unsubscribe=One-Click); idempotent")
          .Produces<OneClickResult>().ProducesValidationProblem().ProducesProblem(404);

        // The page itself belongs to the web app. The catch-all fallback skips paths whose last segment has a dot,
        // and a signed token has one, so this route is mapped on its own.
        app.MapFallbackToFile("/u/{token}", "index.html").AllowAnonymous();

        var preferences = app.MapGroup("/api/v1/preferences/{token}").WithTags("Preferences").AllowAnonymous();
        preferences.MapGet("/", async (string token, HttpContext http, TrackingLinks links, CancellationToken ct) =>
            await WithRecipientAsync(http, links, token, async (centre, contact, channel, _) => Results.Ok(await centre.ViewAsync(contact, channel, ct))))
            .WithSummary("The recipient's preferences behind an unsubscribe link (masked email, consent per channel)")
            .Produces<PreferenceCentre.PreferencesView>().ProducesProblem(404);

        preferences.MapPut("/", async (string token, JsonElement body, HttpContext http, TrackingLinks links, CancellationToken ct) =>
            await WithRecipientAsync(http, links, token, async (centre, contact, channel, deliveryId) =>
            {
                var errors = await centre.UpdateAsync(contact, body, Proof(http, deliveryId), ct);
                return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(await centre.ViewAsync(contact, channel, ct));
            }))
            .WithSummary("Change preferences: {\"email\":true|false,\"sms\":…,\"whatsapp\":…,\"push\":…,\"unsubscribeAll\":bool}")
            .Accepts<PreferencesChange>("application/json")
            .Produces<PreferenceCentre.PreferencesView>().ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    public sealed record OneClickResult(bool Unsubscribed, string Channel);

    /// <summary>For the OpenAPI document: the PUT body (absent keys change nothing).</summary>
    public sealed record PreferencesChange(bool? Email, bool? Sms, bool? Whatsapp, bool? Push, bool? UnsubscribeAll);

    private static async Task<IResult> WithRecipientAsync(HttpContext http, TrackingLinks links, string token,
        Func<PreferenceCentre, Audience.Contacts.Contact, string, Guid?, Task<IResult>> act)
    {
        if (!links.TryReadUnsubscribe(token, out var tenantId, out var contactId, out var deliveryId, out var channel)) return Problems.NotFound("Link");
        using var work = TenantWork.Begin(http.RequestServices, tenantId, $"contact:{contactId}");
        var contact = await LinkRecipient.FindAsync(work.ServiceProvider.GetRequiredService<BrandHubDb>(), contactId, http.RequestAborted);
        if (contact is null) return Problems.NotFound("Contact");
        return await act(work.ServiceProvider.GetRequiredService<PreferenceCentre>(), contact, channel, deliveryId);
    }

    /// <summary>The request as evidence: who asked (IP, User-Agent) and which message's link they used.</summary>
    private static ConsentProof Proof(HttpContext http, Guid? deliveryId)
    {
        var ua = http.Request.Headers.UserAgent.ToString();
        var ip = http.Connection.RemoteIpAddress is { } a && a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : http.Connection.RemoteIpAddress;
        return new ConsentProof(ip?.ToString(), ua.Length == 0 ? null : ua[..Math.Min(ua.Length, ConsentPolicy.MaxUserAgentLength)],
            deliveryId?.ToString());
    }

    private static IResult OneClickRequired() =>
        Problems.Validation("List-Unsubscribe", "Send the form body List-Unsubscribe=One-Click (RFC 8058).");
}
