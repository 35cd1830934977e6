using System.Text.Json;
using System.Text.Json.Nodes;
using BrandHub.Core.Campaigns;
using BrandHub.Modules.Campaigns.Steps;

namespace BrandHub.Modules.Campaigns;

public sealed record CampaignSummary(Guid Id, string Name, string Goal, string Status, string Timezone, DateTimeOffset? NextRunAt,
    DateTimeOffset? LaunchedAt, int Steps, string OwnerId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record StepView(Guid Id, int Position, string Name, string Channel, int DelayMinutes, decimal HoldoutPercent, IReadOnlyList<StepVariant> Variants);

/// <param name="Actions">What may be done now (lifecycle moves), for the UI's buttons.</param>
/// <param name="Schedule">The schedule as requested.</param>
public sealed record CampaignView(Guid Id, string Name, string Goal, string? Description, string Status, string Timezone, CampaignAudience Audience,
    decimal? Budget, string? Currency, IReadOnlyDictionary<string, decimal> Costs, JsonObject? Schedule, DateTimeOffset? NextRunAt, int CurrentRun,
    string? PausedReason, bool IsTemplate, string? Niche, string OwnerId, DateTimeOffset? LaunchedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? ArchivedAt, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt,
    IReadOnlyList<StepView> Steps, IReadOnlyList<string> Actions)
{
    public static CampaignView Of(Campaign c, IEnumerable<CampaignStep> steps) => new(c.Id, c.Name, c.Goal, c.Description, c.Status, c.Timezone,
        CampaignAudience.Parse(c.AudienceJson), c.Budget, c.Currency, CostsOf(c), c.ScheduleJson is null ? null : JsonNode.Parse(c.ScheduleJson) as JsonObject,
        c.NextRunAt, c.CurrentRun, c.PausedReason, c.IsTemplate, c.Niche, c.OwnerId, c.LaunchedAt, c.CompletedAt, c.ArchivedAt, c.CreatedBy, c.CreatedAt,
        c.UpdatedBy, c.UpdatedAt, steps.OrderBy(s => s.Position).Select(Step).ToList(),
        CampaignStatuses.TryParse(c.Status, out var status) ? CampaignLifecycle.Allowed(status).Select(a => a.ToString().ToLowerInvariant()).ToList() : []);

    public static StepView Step(CampaignStep s) => new(s.Id, s.Position, s.Name, s.Channel, s.DelayMinutes, s.HoldoutPercent, StepVariant.ParseAll(s.VariantsJson));

    public static IReadOnlyDictionary<string, decimal> CostsOf(Campaign c) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(c.CostsJson, CampaignJson.Options) ?? [];

    public static CampaignSummary Summary(Campaign c, int steps) =>
        new(c.Id, c.Name, c.Goal, c.Status, c.Timezone, c.NextRunAt, c.LaunchedAt, steps, c.OwnerId, c.CreatedAt, c.UpdatedAt);
}

public sealed record CommentView(Guid Id, Guid? ParentId, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool Deleted,
    IReadOnlyList<CommentView> Replies);

public sealed record RoleView(Guid UserId, string? Email, string? DisplayName, string Role, string GrantedBy, DateTimeOffset GrantedAt);

public sealed record AlertView(Guid Id, string Kind, string Message, DateTimeOffset CreatedAt);

/// <summary>The readiness check's answer: ready when <see cref="Problems"/> is empty.</summary>
public sealed record ReadinessView(bool Ready, long AudienceSize, IReadOnlyDictionary<string, long> Reachable, IReadOnlyList<ReadinessProblem> Problems);
