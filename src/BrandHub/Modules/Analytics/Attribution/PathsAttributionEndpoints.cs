using System.Globalization;
using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Attribution;

/// <summary>
/// Paths mode for analysts: aggregated journeys in, every model's credit per channel out. Stateless — nothing is stored,
/// so it runs for any member who may read analytics, on the tenant's own upload.
/// </summary>
public static class PathsAttributionEndpoints
{
    public static IEndpointRouteBuilder MapPathsAttribution(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/marketing/analytics/paths/attribution", async (HttpRequest request, string? models, double? positionFirst, double? positionLast,
            CancellationToken ct) =>
        {
            if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
                return TypedResults.Problem(title: "Send the paths as text/csv.", statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: $"The body is '{PathsCsv.Header}' and one path per line; got Content-Type '{request.ContentType}'.",
                    type: "https://brandhub.dev/problems/unsupported-media-type");

            var (chosen, modelError) = AttributionModels.Parse(models, AttributionModels.PathsDefault);
            var settings = AttributionSettings.Default with
            {
                PositionFirst = positionFirst ?? AttributionSettings.Default.PositionFirst,
                PositionLast = positionLast ?? AttributionSettings.Default.PositionLast,
            };
            var errors = settings.Validate().ToList();
            if (modelError is not null) errors.Add(modelError);
            if (errors.Count > 0) return Problems.Validation(errors);

            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
            // The reader is synchronous; the body is buffered first so no request thread blocks on the network.
            var text = await reader.ReadToEndAsync(ct);
            var (journeys, lineErrors) = PathsCsv.Read(new StringReader(text));
            if (lineErrors.Count > 0) return Problems.Validation(lineErrors);
            var unsupported = ChannelAttribution.Check(journeys, chosen).ToList();
            if (unsupported.Count > 0) return Problems.Validation(unsupported);

            return Results.Ok(AttributionView.From(ChannelAttribution.Run(journeys, chosen, settings)));
        }).WithTags("Analytics").RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Attribute aggregated paths (path;total_conversions;total_conversion_value;total_null) with every model")
          .WithDescription("Body: text/csv, ';'-separated with a header row, paths like 'eta > iota > alpha'. ?models= a comma list of first_touch, last_touch, last_non_direct, linear, position_based, markov, shapley (default all but last_non_direct and time_decay, which needs touch times). Each model's credits add up exactly to the totals: conversions to 4 decimals, value to the cent (largest remainder, ties by channel name).")
          .Accepts<string>("text/csv").Produces<AttributionView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }
}
