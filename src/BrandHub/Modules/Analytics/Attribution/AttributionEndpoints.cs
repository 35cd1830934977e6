using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Modules.Analytics.Reports;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Attribution;

/// <summary>Attribution of the tenant's tracked conversions in a period, by any model, to channels, campaigns or sources.</summary>
public static class AttributionEndpoints
{
    public sealed record TrackedAttributionView(DateTimeOffset From, DateTimeOffset To, string GroupBy, int LookbackDays, string Currency,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, CreditView>> Models, IReadOnlyDictionary<string, double>? RemovalEffects,
        TotalsView Totals, IReadOnlyDictionary<string, decimal> AssistedConversions, ShapleyView? Shapley);

    public static IEndpointRouteBuilder MapTrackedAttribution(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/marketing/analytics/attribution", async (string? model, DateTimeOffset? from, DateTimeOffset? to, string? groupBy,
            int? lookbackDays, double? halfLifeDays, TrackedJourneys journeys, Rollups.AnalyticsRollup rollup, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var period = ReportPeriod.Read(from, to, clock.GetUtcNow(), errors);
            var (models, modelError) = AttributionModels.Parse(model, AttributionModels.All, "model");
            if (modelError is not null) errors.Add(modelError);
            var by = groupBy?.Trim().ToLowerInvariant() ?? "channel";
            if (!TrackedJourneys.GroupBys.Contains(by)) errors.Add(new("groupBy", $"One of {string.Join(", ", TrackedJourneys.GroupBys)}."));
            var lookback = lookbackDays ?? (int)Journeys.DefaultLookback.TotalDays;
            if (lookback is < 1 or > 365) errors.Add(new("lookbackDays", "Between 1 and 365 days."));
            var settings = AttributionSettings.Default with { HalfLifeDays = halfLifeDays ?? AttributionSettings.Default.HalfLifeDays };
            errors.AddRange(settings.Validate());
            if (errors.Count > 0) return Problems.Validation(errors);

            var set = TrackedJourneys.ToSet(await journeys.LoadAsync(period.From, period.To, TimeSpan.FromDays(lookback), ct), by);
            var view = AttributionView.From(ChannelAttribution.Run(set, models, settings));
            var currency = (await rollup.SettingsAsync(ct)).Currency;
            return Results.Ok(new TrackedAttributionView(period.From, period.To, by, lookback, currency, view.Models, view.RemovalEffects, view.Totals,
                view.AssistedConversions, view.Shapley));
        }).WithTags("Analytics").RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("Credit for the tracked conversions of [from, to) (default: the last 30 days) by model, per channel, campaign or source")
          .WithDescription("model: a comma list of first_touch, last_touch, last_non_direct, linear, time_decay, position_based, markov, shapley (default all). " +
              "A conversion (purchase, lead, signup; one per order id) is credited to the visitor's touches in the lookback window before it (default 30 days); " +
              "touches after a visitor's last conversion make a non-converting journey (the nulls Markov and Shapley need). Credits add up exactly to the totals.")
          .Produces<TrackedAttributionView>().ProducesValidationProblem();
        return app;
    }
}
