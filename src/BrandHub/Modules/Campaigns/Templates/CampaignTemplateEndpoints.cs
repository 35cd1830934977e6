using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Templates;

public sealed record CampaignTemplateSummary(string Id, string Source, string Niche, string Name, string Goal, string? Description, int Steps);

/// <summary>Campaign templates: the starter set by niche plus the workspace's own (saved from campaigns); create a campaign from one.</summary>
public static class CampaignTemplateEndpoints
{
    public static IEndpointRouteBuilder MapCampaignTemplates(this IEndpointRouteBuilder app)
    {
        var read = Scopes.Policy(Scopes.CampaignsRead);
        var write = Scopes.Policy(Scopes.CampaignsWrite);

        app.MapGet("/api/v1/marketing/campaign-templates", async (string? niche, BrandHubDb db, CancellationToken ct) =>
        {
            var saved = await db.Set<Campaign>().AsNoTracking().Where(c => c.IsTemplate && c.DeletedAt == null && (niche == null || c.Niche == niche))
                .OrderBy(c => c.Name).ToListAsync(ct);
            var ids = saved.Select(c => c.Id).ToList();
            var steps = await db.Set<CampaignStep>().AsNoTracking().Where(s => ids.Contains(s.CampaignId)).GroupBy(s => s.CampaignId)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
            var list = StarterCampaigns.All.Where(t => niche is null || t.Niche == niche)
                .Select(t => new CampaignTemplateSummary(t.Id, "starter", t.Niche, t.Name, t.Goal, t.Description, t.Steps.Count))
                .Concat(saved.Select(c => new CampaignTemplateSummary(c.Id.ToString(), "workspace", c.Niche ?? "other", c.Name, c.Goal, c.Description,
                    steps.GetValueOrDefault(c.Id))))
                .ToList();
            return Results.Ok(list);
        }).WithTags("Campaigns").RequireAuthorization(read)
          .WithSummary("Starter templates by niche (retail, fashion, fitness, gaming, b2b) and the workspace's saved ones").Produces<List<CampaignTemplateSummary>>();

        app.MapPost("/api/v1/marketing/campaigns/from-template", async (FromTemplateRequest body, CampaignPlanner planner, BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(body.TemplateId)) errors.Add(new("templateId", "Choose a template."));
            if (errors.Count > 0) return Problems.Validation(errors);
            if (Guid.TryParse(body.TemplateId, out var savedId))
            {
                var saved = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == savedId && c.IsTemplate && c.DeletedAt == null, ct);
                if (saved is null) return Problems.Validation("templateId", "No campaign template with this id.");
                var copy = await planner.CopyAsync(saved, CampaignEndpoints.Trim(body.Name?.Trim() is { Length: > 0 } n ? n : saved.Name), asTemplate: false, null, ct);
                return Results.Created($"/api/v1/marketing/campaigns/{copy.Id}", CampaignView.Of(copy, await planner.StepsAsync(copy.Id, ct)));
            }
            var starter = StarterCampaigns.All.FirstOrDefault(t => t.Id == body.TemplateId);
            if (starter is null) return Problems.Validation("templateId", $"No template '{body.TemplateId}'.");
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var c = await planner.CreateAsync(new CampaignRequest(body.Name?.Trim() is { Length: > 0 } name ? name : starter.Name, starter.Goal, starter.Description,
                body.Timezone), errors, ct);
            if (c is null) return Problems.Validation(errors);
            c.Niche = starter.Niche;
            foreach (var step in starter.Steps)
                if (await planner.SaveStepAsync(c, null, step, errors, ct) is null)
                    throw new InvalidOperationException($"Starter template {starter.Id} is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
            await tx.CommitAsync(ct);
            return Results.Created($"/api/v1/marketing/campaigns/{c.Id}", CampaignView.Of(c, await planner.StepsAsync(c.Id, ct)));
        }).WithTags("Campaigns").RequireAuthorization(write)
          .WithSummary("Create a draft campaign from a starter template (its slug) or a saved one (its id)").Produces<CampaignView>(201).ProducesValidationProblem();

        app.MapPost("/api/v1/marketing/campaigns/{id:guid}/save-as-template", async (Guid id, SaveAsTemplateRequest body, CampaignPlanner planner, CancellationToken ct) =>
        {
            var c = await planner.FindAsync(id, ct);
            if (c is null) return Problems.NotFound("Campaign");
            if (body.Niche is { Length: > 50 }) return Problems.Validation("niche", "At most 50 characters.");
            var copy = await planner.CopyAsync(c, CampaignEndpoints.Trim(body.Name?.Trim() is { Length: > 0 } n ? n : c.Name), asTemplate: true, body.Niche?.Trim().ToLowerInvariant(), ct);
            return Results.Created($"/api/v1/marketing/campaigns/{copy.Id}", CampaignView.Of(copy, await planner.StepsAsync(copy.Id, ct)));
        }).WithTags("Campaigns").RequireAuthorization(write)
          .WithSummary("Save the campaign's steps, budget and costs (not its audience) as a reusable template").Produces<CampaignView>(201).ProducesProblem(404);

        return app;
    }
}
