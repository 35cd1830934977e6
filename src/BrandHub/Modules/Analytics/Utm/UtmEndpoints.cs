using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Utm;

/// <summary>UTM governance: the tenant's naming rules, a validator that names every violation with a fix, and a link builder that only builds compliant links.</summary>
public static class UtmEndpoints
{
    /// <param name="AllowedSources">Allowed utm_source values; empty allows any.</param>
    /// <param name="AllowedMediums">Allowed utm_medium values; empty allows any.</param>
    /// <param name="Separator">The one character between words: '-', '_' or '.'.</param>
    /// <param name="Required">Fields that must be present: source, medium, campaign, term, content.</param>
    /// <param name="CampaignPattern">A regular expression campaign names must match, or null.</param>
    public sealed record UtmRulesView(IReadOnlyList<string> AllowedSources, IReadOnlyList<string> AllowedMediums, bool LowerCase, string Separator,
        IReadOnlyList<string> Required, string? CampaignPattern, string? CampaignPatternHint);
    public sealed record UtmRulesRequest(IReadOnlyList<string>? AllowedSources, IReadOnlyList<string>? AllowedMediums, bool? LowerCase, string? Separator,
        IReadOnlyList<string>? Required, string? CampaignPattern, string? CampaignPatternHint);
    public sealed record UtmRequest(string? Source, string? Medium, string? Campaign, string? Term, string? Content);
    public sealed record UtmValidation(bool Valid, IReadOnlyList<UtmViolation> Violations);
    /// <param name="Shorten">Also make a short tracked link (<c>/l/{code}</c>) that redirects to the tagged URL and counts clicks.</param>
    public sealed record UtmLinkRequest(string? Url, string? Source, string? Medium, string? Campaign, string? Term, string? Content, bool? Shorten);
    /// <param name="ShortUrl">The short tracked link, when asked for.</param>
    public sealed record UtmLink(string Url, string? ShortUrl = null);

    public static IEndpointRouteBuilder MapUtm(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/utm").WithTags("UTM");
        var read = Scopes.Policy(Scopes.AnalyticsRead);

        group.MapGet("/rules", async (BrandHubDb db, CancellationToken ct) => Results.Ok(View(await UtmRuleSet.RulesAsync(db, ct))))
            .RequireAuthorization(read).WithSummary("The tenant's UTM naming rules (the defaults until set)").Produces<UtmRulesView>();

        group.MapPut("/rules", async (UtmRulesRequest body, BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var separator = body.Separator ?? "-";
            if (separator.Length != 1) errors.Add(new("separator", "One character: '-', '_' or '.'."));
            var rules = new UtmRules(Clean(body.AllowedSources), Clean(body.AllowedMediums), body.LowerCase ?? true, separator.Length == 1 ? separator[0] : '-',
                body.Required is null ? UtmRules.Default.Required : Clean(body.Required),
                string.IsNullOrWhiteSpace(body.CampaignPattern) ? null : body.CampaignPattern.Trim(),
                string.IsNullOrWhiteSpace(body.CampaignPatternHint) ? null : body.CampaignPatternHint.Trim());
            errors.AddRange(rules.Validate());
            if (body.CampaignPatternHint is { Length: > 100 }) errors.Add(new("campaignPatternHint", "At most 100 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var row = await db.Set<UtmRuleSet>().FirstOrDefaultAsync(ct);
            var before = row is null ? null : View(UtmRuleSet.Parse(row.RulesJson));
            if (row is null) db.Add(row = new UtmRuleSet { TenantId = db.Scope.RequiredTenantId });
            row.RulesJson = JsonSerializer.Serialize(View(rules));
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = actor.Id;
            audit.Record("utm_rules.changed", "utm_rules", row.TenantId.ToString(), before, View(rules));
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(rules));
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsManage)).WithSummary("Set the tenant's UTM naming rules")
          .Produces<UtmRulesView>().ProducesValidationProblem();

        group.MapPost("/validate", async (UtmRequest body, BrandHubDb db, CancellationToken ct) =>
        {
            var violations = UtmValidator.Validate(new UtmParameters(body.Source, body.Medium, body.Campaign, body.Term, body.Content), await UtmRuleSet.RulesAsync(db, ct));
            return Results.Ok(new UtmValidation(violations.Count == 0, violations));
        }).RequireAuthorization(read).WithSummary("Check UTM parameters against the tenant's rules: every violation, each with a suggestion when there is an obvious fix")
          .Produces<UtmValidation>();

        group.MapPost("/links", async (UtmLinkRequest body, BrandHubDb db, Delivery.Tracking.TrackingLinks links, AuditTrail audit, Actor actor, TimeProvider clock,
            CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (UtmLinks.CheckUrl(body.Url) is { } urlError) errors.Add(urlError);
            var utm = new UtmParameters(body.Source, body.Medium, body.Campaign, body.Term, body.Content);
            errors.AddRange(UtmValidator.Validate(utm, await UtmRuleSet.RulesAsync(db, ct))
                .Select(v => new FieldError(v.Field, v.Suggestion is null ? v.Message : $"{v.Message} Suggestion: {v.Suggestion}")));
            if (errors.Count > 0) return Problems.Validation(errors);
            var tagged = UtmLinks.Build(body.Url!.Trim(), utm);
            if (body.Shorten != true) return Results.Ok(new UtmLink(tagged));
            var link = new ShortLink { TenantId = db.Scope.RequiredTenantId, Code = ShortLink.NewCode(), Target = tagged, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id };
            db.Add(link);
            audit.Record("short_link.created", "short_link", link.Code, null, new { link.Target });
            await db.SaveChangesAsync(ct);
            return Results.Ok(new UtmLink(tagged, $"{links.BaseUrl}/l/{link.Code}"));
        }).RequireAuthorization(read).WithSummary("Build a link tagged with UTM parameters (and, with shorten, a short tracked link); refused (400, field by field) unless they follow the tenant's rules")
          .Produces<UtmLink>().ProducesValidationProblem();
        group.MapGet("/links/{code}", async (string code, BrandHubDb db, CancellationToken ct) =>
            await db.Set<ShortLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, ct) is { } l
                ? Results.Ok(new ShortLinkView(l.Code, l.Target, l.Clicks, l.LastClickedAt, l.CreatedAt, l.CreatedBy)) : Problems.NotFound("Short link"))
            .RequireAuthorization(read).WithSummary("A short link and how often it was clicked").Produces<ShortLinkView>().ProducesProblem(404);
        return app;
    }

    public sealed record ShortLinkView(string Code, string Target, long Clicks, DateTimeOffset? LastClickedAt, DateTimeOffset CreatedAt, string CreatedBy);

    private static UtmRulesView View(UtmRules r) =>
        new(r.AllowedSources, r.AllowedMediums, r.LowerCase, r.Separator.ToString(), r.Required, r.CampaignPattern, r.CampaignPatternHint);

    private static IReadOnlyList<string> Clean(IReadOnlyList<string>? values) =>
        values is null ? [] : [.. values.Where(v => v is not null).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
}
