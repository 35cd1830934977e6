using System.Text.Json;
using BrandHub.Core;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// <c>POST /api/v1/track</c>: one event or a batch of up to 500, from a browser or app with a public write key
/// (<c>X-Write-Key</c>, <c>?writeKey=</c> or <c>writeKey</c> in the body, for navigator.sendBeacon) or from a server with
/// an API key (scope events:track). JSON, also when sent as text/plain (beacons cannot set a type without a CORS preflight).
/// </summary>
public static class TrackEndpoints
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTrack(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/track", TrackAsync).AllowAnonymous().WithTags("Tracking")
            .Accepts<TrackBatch>("application/json", "text/plain")
            .WithSummary("Track one event or a batch of up to 500 ({\"events\":[…],\"sentAt\":…}); answers per event: stored, duplicate or rejected with its errors")
            .Produces<TrackResult>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(503);

        // CORS preflight for browsers that send JSON with fetch; the POST itself checks the key's origins.
        app.MapMethods("/api/v1/track", ["OPTIONS"], (HttpContext http) =>
        {
            AllowOrigin(http);
            http.Response.Headers.AccessControlAllowMethods = "POST";
            http.Response.Headers.AccessControlAllowHeaders = "Content-Type, X-Write-Key";
            http.Response.Headers.AccessControlMaxAge = "86400";
            return Results.NoContent();
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/t.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(TrackScript.Source, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The tag a site pastes into its pages.</summary>
    public static string Snippet(HttpRequest request, string key) =>
        $"<script async src=\"{request.Scheme}://{request.Host}/t.js\" data-key=\"{key}\"></script>";

    private static async Task<IResult> TrackAsync(HttpContext http, WriteKeys keys, IAuthorizationService authorization, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
            return Results.Problem(title: "Too large", detail: "At most 1 MB per request: send fewer events at a time.", statusCode: 413);
        JsonDocument document;
        try { document = await JsonDocument.ParseAsync(http.Request.Body, default, ct); }
        catch (JsonException ex) { return Problems.Validation("body", $"Not JSON: {ex.Message}"); }
        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return Problems.Validation("body", "A JSON object: one event, or {\"events\":[…]}.");

        var isBatch = root.TryGetProperty("events", out var list);
        if (isBatch && list.ValueKind != JsonValueKind.Array) return Problems.Validation("events", "An array of events.");
        var events = isBatch ? list.EnumerateArray().ToList() : [root];
        if (events.Count is 0 or > TrackIngest.MaxBatch) return Problems.Validation("events", $"Between 1 and {TrackIngest.MaxBatch} events.");
        DateTimeOffset? sentAt = root.TryGetProperty("sentAt", out var s) && s.ValueKind == JsonValueKind.String && s.TryGetDateTimeOffset(out var at) ? at : null;

        var writeKey = http.Request.Headers["X-Write-Key"].FirstOrDefault() ?? http.Request.Query["writeKey"].FirstOrDefault()
            ?? (root.TryGetProperty("writeKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null);
        IServiceScope? own = null;
        IServiceProvider services;
        IReadOnlyCollection<string> siteHosts = [];
        if (!string.IsNullOrWhiteSpace(writeKey))
        {
            var origin = http.Request.Headers.Origin.FirstOrDefault();
            var found = await keys.FindAsync(writeKey.Trim(), ct);
            if (found is null) return Results.Problem(title: "Unknown write key", detail: "The write key is unknown or revoked.", statusCode: 401);
            if (!found.Allows(origin)) return Results.Problem(title: "Origin not allowed", detail: $"This write key may not be used from {origin}.", statusCode: 403);
            AllowOrigin(http);
            own = TenantWork.Begin(http.RequestServices, found.TenantId, "tracking");
            services = own.ServiceProvider;
            siteHosts = found.SiteHosts;
        }
        else if (http.User.Identity?.IsAuthenticated == true)
        {
            if (!(await authorization.AuthorizeAsync(http.User, Scopes.Policy(Scopes.EventsTrack))).Succeeded)
                return Results.Problem(title: "Forbidden", detail: "Tracking needs the events:track scope.", statusCode: 403);
            services = http.RequestServices;
        }
        else return Results.Problem(title: "Unauthorized", detail: "Send a write key (X-Write-Key) or an API key with the events:track scope.", statusCode: 401);

        using (own)
        {
            TrackResult result;
            try { result = await services.GetRequiredService<TrackIngest>().IngestAsync(events, sentAt, siteHosts, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException and not BadHttpRequestException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TrackEndpoints)).LogError(ex, "Tracked events not stored");
                http.Response.Headers.RetryAfter = "5";
                return Results.Problem(title: "Not stored", detail: "The events could not be stored; nothing was acknowledged. Send them again.", statusCode: 503);
            }
            if (result.Rejected == events.Count)
                return Problems.Validation(result.Events.SelectMany(e => e.Errors!.SelectMany(f =>
                    f.Value.Select(m => new FieldError(isBatch ? $"events[{e.Index}]{(f.Key.Length > 0 ? "." + f.Key : "")}" : f.Key.Length > 0 ? f.Key : "body", m)))));
            return Results.Ok(result);
        }
    }

    private static void AllowOrigin(HttpContext http)
    {
        if (http.Request.Headers.Origin.FirstOrDefault() is not { Length: > 0 } origin) return;
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Vary = "Origin";
    }
}
