using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Attribution;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Analytics.Rollups;

/// <summary>The tenant's reporting settings, and bringing the rollup up to date now instead of within the minute.</summary>
public static partial class RollupEndpoints
{
    /// <param name="ConversionEvents">The event names that count as conversions (standard types or custom event names).</param>
    /// <param name="ChannelRules">The tenant's own classification lists, null where it keeps the shipped ones.</param>
    public sealed record SettingsView(string Model, int LookbackDays, string Currency, string Industry, IReadOnlyList<string> ConversionEvents,
        Tracking.ChannelRulesInput? ChannelRules, DateTimeOffset? RolledUpAt, string? RollupBuiltFor);
    /// <param name="ChannelRules">Each list given replaces the shipped one; an empty object restores them all.</param>
    public sealed record SettingsRequest(string? Model, int? LookbackDays, string? Currency, List<string>? ConversionEvents, Tracking.ChannelRulesInput? ChannelRules);

    public static IEndpointRouteBuilder MapRollups(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/analytics").WithTags("Analytics");
        var manage = Scopes.Policy(Scopes.AnalyticsManage);

        group.MapGet("/settings", async (AnalyticsRollup rollup, CancellationToken ct) => Results.Ok(View(await rollup.SettingsAsync(ct))))
            .RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
            .WithSummary("The reporting model, lookback window and currency the dashboard uses, and when its rollup last ran").Produces<SettingsView>();

        group.MapPut("/settings", async (SettingsRequest body, AnalyticsRollup rollup, RollupSchedule schedule, Tracking.TenantChannelRules channelRulesCache,
            Reports.TenantCalendar calendar, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var model = body.Model?.Trim().ToLowerInvariant();
            if (model is not null && !DailyRollup.Models.Contains(model))
                errors.Add(new("model", $"One of {string.Join(", ", DailyRollup.Models)} (Markov and Shapley need a whole period: see the attribution page)."));
            if (body.LookbackDays is < 1 or > 365) errors.Add(new("lookbackDays", "Between 1 and 365 days."));
            var currency = body.Currency?.Trim().ToUpperInvariant();
            if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))) errors.Add(new("currency", "An ISO 4217 code such as RON or EUR."));
            var conversions = body.ConversionEvents?.Select(e => e?.Trim() ?? "").Distinct().ToList();
            if (conversions is not null && (conversions.Count is < 1 or > 10 || conversions.Any(c => !ConversionName().IsMatch(c) || c is "page_view" or "identify")))
                errors.Add(new("conversionEvents", "1–10 event names (letters, digits, _ . -), such as purchase or demo_requested; not page_view or identify."));
            if (body.ChannelRules is { } channelRules) errors.AddRange(channelRules.Validate());
            if (errors.Count > 0) return Problems.Validation(errors);

            var settings = await rollup.SettingsAsync(ct);
            var before = View(settings);
            settings.Model = model ?? settings.Model;
            settings.LookbackDays = body.LookbackDays ?? settings.LookbackDays;
            settings.Currency = currency ?? settings.Currency;
            if (conversions is not null) settings.ConversionEvents = string.Join(',', conversions);
            if (body.ChannelRules is { } newRules)
            {
                var empty = newRules is { Mediums: null, SearchEngines: null, SocialNetworks: null, Webmail: null };
                settings.ChannelRulesJson = empty ? null : JsonSerializer.Serialize(newRules, Tracking.ChannelRulesInput.Json);
                channelRulesCache.Forget(settings.TenantId);
            }
            settings.UpdatedAt = clock.GetUtcNow();
            settings.UpdatedBy = actor.Id;
            audit.Record("analytics_settings.changed", "analytics_settings", settings.TenantId.ToString(), before, View(settings));
            await db.SaveChangesAsync(ct);
            if (settings.RollupBuiltFor != settings.BuildKey(await calendar.DaysAsync(ct))) await schedule.QueueAsync(settings.TenantId, ct); // rebuilt for the new model
            return Results.Ok(View(settings));
        }).RequireAuthorization(manage)
          .WithSummary("Set the reporting model (a rule-based one), lookback window, currency, conversion events and channel classification lists; a new model, window or conversion list rebuilds the rollup in the background; new classification lists apply to events from now on")
          .Produces<SettingsView>().ProducesValidationProblem();

        group.MapPost("/rollup", async (AnalyticsRollup rollup, CancellationToken ct) => Results.Ok(await rollup.RunAsync(ct)))
            .RequireAuthorization(manage)
            .WithSummary("Bring the daily rollup up to date now (it otherwise follows within about a minute); answers how many days were recomputed")
            .Produces<AnalyticsRollup.RollupRun>();
        return app;
    }

    private static SettingsView View(AnalyticsSettings s) => new(s.Model, s.LookbackDays, s.Currency, s.Industry, s.Conversions,
        s.ChannelRulesJson is null ? null : JsonSerializer.Deserialize<Tracking.ChannelRulesInput>(s.ChannelRulesJson, Tracking.ChannelRulesInput.Json), s.RolledUpAt, s.RollupBuiltFor);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex ConversionName();
}
