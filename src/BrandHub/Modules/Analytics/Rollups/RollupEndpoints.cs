using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>The tenant's reporting settings, and bringing the rollup up to date now instead of within the minute.</summary>
public static class RollupEndpoints
{
    public sealed record SettingsView(string Model, int LookbackDays, string Currency, DateTimeOffset? RolledUpAt, string? RollupBuiltFor);
    public sealed record SettingsRequest(string? Model, int? LookbackDays, string? Currency);

    public static IEndpointRouteBuilder MapRollups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/analytics").WithTags("Analytics");
        var manage = Scopes.Policy(Scopes.AnalyticsManage);

        group.MapGet("/settings", async (AnalyticsRollup rollup, CancellationToken ct) => Results.Ok(View(await rollup.SettingsAsync(ct))))
            .RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
            .WithSummary("The reporting model, lookback window and currency the dashboard uses, and when its rollup last ran").Produces<SettingsView>();

        group.MapPut("/settings", async (SettingsRequest body, AnalyticsRollup rollup, RollupSchedule schedule, BrandHubDb db, AuditTrail audit, Actor actor,
            TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var model = body.Model?.Trim().ToLowerInvariant();
            if (model is not null && !DailyRollup.Models.Contains(model))
                errors.Add(new("model", $"One of {string.Join(", ", DailyRollup.Models)} (Markov and Shapley need a whole period: see the attribution page)."));
            if (body.LookbackDays is < 1 or > 365) errors.Add(new("lookbackDays", "Between 1 and 365 days."));
            var currency = body.Currency?.Trim().ToUpperInvariant();
            if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))) errors.Add(new("currency", "An ISO 4217 code such as RON or EUR."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var settings = await rollup.SettingsAsync(ct);
            var before = View(settings);
            settings.Model = model ?? settings.Model;
            settings.LookbackDays = body.LookbackDays ?? settings.LookbackDays;
            settings.Currency = currency ?? settings.Currency;
            settings.UpdatedAt = clock.GetUtcNow();
            settings.UpdatedBy = actor.Id;
            audit.Record("analytics_settings.changed", "analytics_settings", settings.TenantId.ToString(), before, View(settings));
            await db.SaveChangesAsync(ct);
            if (settings.RollupBuiltFor != settings.BuildKey) await schedule.QueueAsync(settings.TenantId, ct); // rebuilt for the new model
            return Results.Ok(View(settings));
        }).RequireAuthorization(manage)
          .WithSummary("Set the reporting model (a rule-based one), lookback window and currency; a new model or window rebuilds the rollup in the background")
          .Produces<SettingsView>().ProducesValidationProblem();

        group.MapPost("/rollup", async (AnalyticsRollup rollup, CancellationToken ct) => Results.Ok(await rollup.RunAsync(ct)))
            .RequireAuthorization(manage)
            .WithSummary("Bring the daily rollup up to date now (it otherwise follows within about a minute); answers how many days were recomputed")
            .Produces<AnalyticsRollup.RollupRun>();
        return app;
    }

    private static SettingsView View(AnalyticsSettings s) => new(s.Model, s.LookbackDays, s.Currency, s.RolledUpAt, s.RollupBuiltFor);
}
