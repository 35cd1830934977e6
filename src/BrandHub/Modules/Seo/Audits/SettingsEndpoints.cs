using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>The rule catalogue and the tenant's changes to it.</summary>
public static class SettingsEndpoints
{
    /// <summary>A rule as the tenant runs it: the shipped defaults and the effective values.</summary>
    public sealed record RuleView(string Id, string Description, string Fix, bool SiteWide, bool Enabled,
        [property: OpenApiValues(typeof(SeoSeverities), nameof(SeoSeverities.All))] string Severity, int Weight,
        IReadOnlyDictionary<string, decimal> Thresholds, [property: OpenApiValues(typeof(SeoSeverities), nameof(SeoSeverities.All))] string DefaultSeverity,
        IReadOnlyDictionary<string, decimal> DefaultThresholds);
    public sealed record AuditRulesView(IReadOnlyList<RuleView> Rules, DateTimeOffset? UpdatedAt, string? UpdatedBy);
    /// <summary>rules: rule id → its overrides; a rule left out keeps what it had, a rule set to null goes back to the defaults.</summary>
    public sealed record AuditRulesRequest([property: OpenApiNullableValues] Dictionary<string, SeoRuleOverride?>? Rules);

    public static IEndpointRouteBuilder MapSeoSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/seo/settings").WithTags("SEO");
        group.MapGet("", async (BrandHubDb db, SeoAuditor auditor, CancellationToken ct) =>
            Results.Ok(View(await auditor.SettingsAsync(ct), await db.Set<SeoSettings>().AsNoTracking().FirstOrDefaultAsync(ct))))
            .RequireAuthorization(Scopes.Policy(Scopes.SeoRead)).WithSummary("Every audit rule with its default and effective severity, weight and thresholds").Produces<AuditRulesView>();

        group.MapPut("", async (AuditRulesRequest body, BrandHubDb db, SeoAuditor auditor, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.Rules is null) return Problems.Validation("rules", "Rule id → {enabled, severity, thresholds, weight}, or null to restore a rule's defaults.");
            var current = (await auditor.SettingsAsync(ct)).Overrides.ToDictionary(r => r.Key, r => r.Value);
            foreach (var (id, change) in body.Rules)
                if (change is null) current.Remove(id);
                else current[id] = change;
            var errors = SeoAuditSettings.Check(current.Where(r => body.Rules.ContainsKey(r.Key)).ToDictionary(r => r.Key, r => r.Value));
            foreach (var unknown in body.Rules.Where(r => r.Value is null && !SeoRules.ById.ContainsKey(r.Key))) errors.Add(new($"rules.{unknown.Key}", "No such rule."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var row = await db.Set<SeoSettings>().FirstOrDefaultAsync(ct) ?? db.Add(new SeoSettings { TenantId = db.Scope.RequiredTenantId }).Entity;
            var before = row.RulesJson;
            row.RulesJson = JsonSerializer.Serialize(current, SeoAuditor.Json);
            (row.UpdatedAt, row.UpdatedBy) = (clock.GetUtcNow(), actor.Id);
            audit.Record("seo.settings.changed", "seo_settings", row.TenantId.ToString(), JsonSerializer.Deserialize<JsonElement>(before), JsonSerializer.Deserialize<JsonElement>(row.RulesJson));
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(new SeoAuditSettings(current), row));
        }).RequireAuthorization(Scopes.Policy(Scopes.SeoWrite))
          .WithSummary("Change rules: {\"rules\":{\"title-length\":{\"thresholds\":{\"min\":45}},\"h1-multiple\":{\"enabled\":false},\"noindex\":null}}; errors as rules.{id}.{field}")
          .Produces<AuditRulesView>().ProducesValidationProblem();
        return app;
    }

    private static AuditRulesView View(SeoAuditSettings s, SeoSettings? row) => new(SeoRules.All.Select(r => new RuleView(r.Id, r.Description, r.Fix, r.SiteWide,
        s.Enabled(r.Id), s.Severity(r.Id), s.Weight(r.Id), r.Thresholds.ToDictionary(t => t.Key, t => s.Threshold(r.Id, t.Key)), r.Severity, r.Thresholds)).ToList(),
        row?.UpdatedAt, row?.UpdatedBy);
}
