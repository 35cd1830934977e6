using BrandHub.Core.Delivery;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>
/// The open pixel and click redirects in sent messages. Anonymous: the signed token is the only authority, and it
/// names the tenant, the delivery and (for clicks) the one target the redirect may go to.
/// </summary>
public static class TrackingEndpoints
{
    /// <summary>The smallest transparent GIF (1×1, 43 bytes).</summary>
    public static readonly byte[] TransparentGif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTrackingLinks(this IEndpointRouteBuilder app)
    {
        // Always the pixel, even for a token we cannot read: a broken image in someone's inbox helps nobody, and a
        // different answer would tell a prober which tokens are real. Nothing is recorded for a bad token.
        app.MapGet("/t/o/{token}", async (string token, HttpContext http, TrackingLinks links, TimeProvider clock, ILogger<TrackingLinks> log) =>
        {
            NoStore(http.Response);
            var userAgent = http.Request.Headers.UserAgent.ToString();
            var now = clock.GetUtcNow();
            if (links.TryReadOpen(token, out var tenantId, out var deliveryId, out var issuedAt) && !MachineOpens.IsMachineOpen(userAgent, issuedAt, now))
                await RecordAsync(http, tenantId, new DeliveryEvent(deliveryId, null, "opened", now, Truncate(userAgent)), log);
            return Results.Bytes(TransparentGif, "image/gif");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/t/c/{token}", async (string token, HttpContext http, TrackingLinks links, TimeProvider clock, ILogger<TrackingLinks> log) =>
        {
            // Only the target signed into the token: a forged or altered token is a 404, never a redirect anywhere.
            if (!links.TryReadClick(token, out var tenantId, out var deliveryId, out var target)) return Problems.NotFound("Link");
            NoStore(http.Response);
            http.Response.Headers["Referrer-Policy"] = "no-referrer"; // the token stays ours, not the target site's
            if (!MachineOpens.IsMachineAgent(http.Request.Headers.UserAgent.ToString()))
                await RecordAsync(http, tenantId, new DeliveryEvent(deliveryId, null, "clicked", clock.GetUtcNow(), target), log);
            // BrandHub's click id rides along, so the landing page's tracked visit is this message's (and its recipient's).
            return Results.Redirect(UtmLinks.WithParameter(target, TrackEventTypes.BrandHubClickParameter, deliveryId.ToString("N")));
        }).AllowAnonymous().ExcludeFromDescription();

        return app;
    }

    /// <summary>
    /// Records the event in the token's tenant. A failure to record never costs the recipient the image or the page
    /// they asked for: it is logged, and the message goes on working.
    /// </summary>
    private static async Task RecordAsync(HttpContext http, Guid tenantId, DeliveryEvent e, ILogger log)
    {
        try
        {
            using var work = TenantWork.Begin(http.RequestServices, tenantId, "recipient");
            var events = work.ServiceProvider.GetRequiredService<IDeliveryEvents>();
            if (!await events.RecordAsync(e, http.RequestAborted))
                log.LogInformation("Tracking {Status} for unknown delivery {DeliveryId}", e.Status, e.DeliveryId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not record {Status} for delivery {DeliveryId}", e.Status, e.DeliveryId);
        }
    }

    private static void NoStore(HttpResponse response)
    {
        // Each open must reach us: no browser, proxy or mailbox provider may answer from a cache.
        response.Headers.CacheControl = "no-store, no-cache, must-revalidate, private, max-age=0";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "0";
    }

    private static string? Truncate(string userAgent) =>
        userAgent.Length == 0 ? null : userAgent.Length <= 512 ? userAgent : userAgent[..512];
}
