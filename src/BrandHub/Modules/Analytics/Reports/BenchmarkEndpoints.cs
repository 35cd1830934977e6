using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Analytics;
using BrandHub.Core.Delivery;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>A channel's results rated poor / average / good / excellent against the tenant's industry benchmarks (shipped, or its own).</summary>
public static class BenchmarkEndpoints
{
    public sealed record MetricRating(string Metric, decimal? Value, [property: OpenApiValues(typeof(BenchmarkBands), nameof(BenchmarkBands.Ratings))] string? Rating,
        BenchmarkBands Bands, bool Custom);
    public sealed record BenchmarkView(string Channel, [property: OpenApiValues(typeof(IndustryBenchmarks), nameof(IndustryBenchmarks.Industries))] string Industry,
        DateOnly From, DateOnly To, IReadOnlyList<MetricRating> Metrics);
    public sealed record BandsInput(decimal? Average, decimal? Good, decimal? Excellent);
    public sealed record BenchmarkRequest([property: OpenApiValues(typeof(IndustryBenchmarks), nameof(IndustryBenchmarks.Industries))] string? Industry,
        [property: OpenApiNullableValues] Dictionary<string, BandsInput?>? Metrics);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapBenchmarks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/marketing/analytics/benchmarks").WithTags("Analytics");

        group.MapGet("/{channel}", async (string channel, DateOnly? from, DateOnly? to, string? industry, Dashboard dashboard, AnalyticsRollup rollup,
            BrandHubDb db, TenantCalendar calendar, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var days = await calendar.DaysAsync(ct);
            var (first, last) = DashboardEndpoints.Days(from, to, days, clock, errors);
            if (!TouchChannels.All.Contains(channel)) errors.Add(new("channel", $"One of {string.Join(", ", TouchChannels.All)}."));
            if (industry is not null && !IndustryBenchmarks.Industries.Contains(industry)) errors.Add(new("industry", $"One of {string.Join(", ", IndustryBenchmarks.Industries)}."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var settings = await rollup.SettingsAsync(ct);
            var chosen = industry ?? settings.Industry;
            var custom = Overrides(settings).GetValueOrDefault(channel) ?? [];
            var kpis = (await dashboard.BuildAsync(first, last, channel, ct)).Totals.Kpis;
            var values = new Dictionary<string, decimal?>
            {
                ["conversionRate"] = kpis.ConversionRate, ["roas"] = kpis.Roas, ["cpa"] = kpis.Cpa, ["cac"] = kpis.Cac,
            };
            if (channel == TouchChannels.Email) foreach (var (metric, value) in await EmailRatesAsync(db, days, first, last, ct)) values[metric] = value;
            var metrics = IndustryBenchmarks.For(chosen, channel).Select(b =>
            {
                var bands = custom.GetValueOrDefault(b.Key) ?? b.Value;
                var value = values.GetValueOrDefault(b.Key);
                return new MetricRating(b.Key, value, value is { } v ? bands.Rate(v) : null, bands, custom.ContainsKey(b.Key));
            }).ToList();
            return Results.Ok(new BenchmarkView(channel, chosen, first, last, metrics));
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead))
          .WithSummary("The channel's conversion rate, ROAS, CPA, CAC (and for email open and click rates) in the days [from, to], each rated against the industry's bands")
          .Produces<BenchmarkView>().ProducesValidationProblem();

        group.MapPut("/{channel}", async (string channel, BenchmarkRequest body, AnalyticsRollup rollup, BrandHubDb db, AuditTrail audit, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (!TouchChannels.All.Contains(channel)) errors.Add(new("channel", $"One of {string.Join(", ", TouchChannels.All)}."));
            if (body.Industry is not null && !IndustryBenchmarks.Industries.Contains(body.Industry)) errors.Add(new("industry", $"One of {string.Join(", ", IndustryBenchmarks.Industries)}."));
            var bands = new Dictionary<string, BenchmarkBands>();
            foreach (var (metric, input) in body.Metrics ?? [])
            {
                var field = $"metrics.{metric}";
                if (!IndustryBenchmarks.Metrics.Contains(metric)) { errors.Add(new(field, $"One of {string.Join(", ", IndustryBenchmarks.Metrics)}.")); continue; }
                if (input is null) continue; // null: back to the shipped bands
                if (input.Average is not { } a || input.Good is not { } g || input.Excellent is not { } e) { errors.Add(new(field, "average, good and excellent.")); continue; }
                var b = new BenchmarkBands(a, g, e, !IndustryBenchmarks.IsCost(metric));
                errors.AddRange(b.Validate(field));
                bands[metric] = b;
            }
            if (errors.Count > 0) return Problems.Validation(errors);

            var settings = await rollup.SettingsAsync(ct);
            var all = Overrides(settings);
            var before = all.GetValueOrDefault(channel);
            var mine = new Dictionary<string, BenchmarkBands>(before ?? []);
            foreach (var (metric, input) in body.Metrics ?? [])
                if (input is null) mine.Remove(metric); else mine[metric] = bands[metric];
            all[channel] = mine;
            settings.BenchmarksJson = JsonSerializer.Serialize(all, Json);
            settings.Industry = body.Industry ?? settings.Industry;
            audit.Record("benchmarks.changed", "benchmarks", channel, before, mine);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsManage))
          .WithSummary("Set the industry and the tenant's own bands for a channel's metrics ({\"metrics\":{\"roas\":{\"average\":2,\"good\":3,\"excellent\":5}}}; null restores the shipped bands)")
          .Produces(204).ProducesValidationProblem();
        return app;
    }

    private static Dictionary<string, Dictionary<string, BenchmarkBands>> Overrides(AnalyticsSettings settings) =>
        settings.BenchmarksJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, BenchmarkBands>>>(json, Json) ?? [] : [];

    /// <summary>Open and click rates of the email sent in the period: of the messages sent (or further), how many were opened, clicked.</summary>
    private static async Task<Dictionary<string, decimal?>> EmailRatesAsync(BrandHubDb db, Core.Attribution.ReportDays days, DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (from, to) = days.Span(first, last);
        string[] sentOrLater = [DeliveryStatuses.Sent, DeliveryStatuses.Delivered, DeliveryStatuses.Opened, DeliveryStatuses.Clicked];
        var counts = await db.Set<Delivery.Delivery>().AsNoTracking()
            .Where(d => d.Channel == "email" && d.SentAt >= from && d.SentAt < to && sentOrLater.Contains(d.Status))
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var sent = counts.Sum(c => c.Count);
        var opened = counts.Where(c => c.Status is DeliveryStatuses.Opened or DeliveryStatuses.Clicked).Sum(c => c.Count);
        var clicked = counts.Where(c => c.Status == DeliveryStatuses.Clicked).Sum(c => c.Count);
        return new() { ["openRate"] = sent == 0 ? null : decimal.Round((decimal)opened / sent, 4), ["clickRate"] = sent == 0 ? null : decimal.Round((decimal)clicked / sent, 4) };
    }
}
