using BrandHub.Modules.Audience;
using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Campaigns;
using BrandHub.Data;
using BrandHub.Modules.Campaigns.Steps;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns;

/// <summary>
/// Writing campaigns: create, edit, steps and their variants, duplicate, templates, soft delete. Every change is on the
/// audit trail with its actor; the lifecycle decides whether the campaign may be edited at all.
/// </summary>
public sealed class CampaignPlanner(BrandHubDb db, AuditTrail audit, Actor actor, TimeProvider clock, IEnumerable<ICampaignChannel> channels)
{
    public const int MaxName = 200, MaxGoal = 200, MaxDescription = 2_000, MaxVariants = 10, MaxSteps = 20, MaxSegments = 50;
    public const int MaxDelayMinutes = 90 * 24 * 60;

    public IReadOnlyList<string> Channels => channels.Select(c => c.Channel).ToList();

    public ICampaignChannel? Channel(string name) => channels.FirstOrDefault(c => c.Channel == name);

    public Task<Campaign?> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var q = db.Set<Campaign>().Where(c => c.Id == id && c.DeletedAt == null);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    public Task<List<CampaignStep>> StepsAsync(Guid campaignId, CancellationToken ct, bool track = false)
    {
        var q = db.Set<CampaignStep>().Where(s => s.CampaignId == campaignId).OrderBy(s => s.Position);
        return (track ? q : q.AsNoTracking()).ToListAsync(ct);
    }

    /// <summary>Checks a create (all required) or a patch (only what is given) and applies it to <paramref name="c"/>.</summary>
    public async Task ApplyAsync(Campaign c, CampaignRequest body, bool creating, List<FieldError> errors, CancellationToken ct)
    {
        if (creating || body.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(body.Name)) errors.Add(new("name", "A name is required."));
            else if (body.Name.Trim().Length > MaxName) errors.Add(new("name", $"At most {MaxName} characters."));
            else c.Name = body.Name.Trim();
        }
        if (creating || body.Goal is not null)
        {
            if (string.IsNullOrWhiteSpace(body.Goal)) errors.Add(new("goal", "A goal is required (e.g. awareness, conversion, retention, win-back)."));
            else if (body.Goal.Trim().Length > MaxGoal) errors.Add(new("goal", $"At most {MaxGoal} characters."));
            else c.Goal = body.Goal.Trim();
        }
        if (body.Description is not null)
        {
            if (body.Description.Length > MaxDescription) errors.Add(new("description", $"At most {MaxDescription} characters."));
            else c.Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim();
        }
        if (body.Timezone is not null)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(body.Timezone, out _)) errors.Add(new("timezone", "Use an IANA time zone, e.g. Europe/Bucharest."));
            else c.Timezone = body.Timezone;
        }
        if (body.Audience is { } audience)
        {
            await CheckSegmentsAsync(audience, errors, ct);
            c.AudienceJson = JsonSerializer.Serialize(new CampaignAudience(audience.Include.Distinct().ToList(), audience.Exclude.Distinct().ToList()), CampaignJson.Options);
        }
        if (body.Budget is { } budget)
        {
            if (budget < 0) errors.Add(new("budget", "The budget cannot be negative."));
            else c.Budget = budget;
        }
        if (body.Currency is not null)
        {
            if (body.Currency.Length != 3 || !body.Currency.All(char.IsAsciiLetter)) errors.Add(new("currency", "Use a three-letter ISO 4217 code, e.g. EUR."));
            else c.Currency = body.Currency.ToUpperInvariant();
        }
        if (body.Costs is { } costs)
        {
            foreach (var (channel, cost) in costs)
            {
                if (!KnownChannels.Contains(channel)) errors.Add(new($"costs.{channel}", $"Unknown channel; use one of: {string.Join(", ", KnownChannels)}."));
                else if (cost < 0) errors.Add(new($"costs.{channel}", "A cost cannot be negative."));
            }
            c.CostsJson = JsonSerializer.Serialize(costs, CampaignJson.Options);
        }
        if (c.Budget is not null && c.Currency is null && (creating || body.Budget is not null)) errors.Add(new("currency", "Say which currency the budget is in."));
    }

    /// <summary>Channels a cost may be set for, including those whose steps are still to come.</summary>
    public static readonly string[] KnownChannels = ["email", "sms", "whatsapp", "push", "inapp", "social", "ads"];

    private async Task CheckSegmentsAsync(CampaignAudience audience, List<FieldError> errors, CancellationToken ct)
    {
        if (audience.Include.Count + audience.Exclude.Count > MaxSegments) { errors.Add(new("audience", $"At most {MaxSegments} segments.")); return; }
        var all = audience.Include.Concat(audience.Exclude).Distinct().ToList();
        var found = await SegmentIdsAsync(all, ct);
        for (var i = 0; i < audience.Include.Count; i++)
            if (!found.Contains(audience.Include[i])) errors.Add(new($"audience.segmentIds[{i}]", "No segment with this id."));
        for (var i = 0; i < audience.Exclude.Count; i++)
            if (!found.Contains(audience.Exclude[i])) errors.Add(new($"audience.excludeSegmentIds[{i}]", "No segment with this id."));
        foreach (var both in audience.Include.Intersect(audience.Exclude)) errors.Add(new("audience.excludeSegmentIds", $"Segment {both} is both included and excluded."));
    }

    private async Task<HashSet<Guid>> SegmentIdsAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var parameters = ids.Select((id, i) => ("@s" + i, db.Id(id))).Append(("@t", db.Id(db.Scope.RequiredTenantId))).ToList();
        var found = await db.QueryAsync($"SELECT id FROM segments WHERE tenant_id = @t AND deleted_at IS NULL AND id IN ({string.Join(", ", ids.Select((_, i) => "@s" + i))})",
            parameters, r => r.GetId(0), ct);
        return found.ToHashSet();
    }

    public async Task<Campaign?> CreateAsync(CampaignRequest body, List<FieldError> errors, CancellationToken ct)
    {
        var now = clock.Now();
        var tenantZone = await db.Set<Platform.Tenancy.Tenant>().AsNoTracking().Where(t => t.Id == db.Scope.RequiredTenantId).Select(t => t.Timezone).FirstAsync(ct);
        var c = new Campaign
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Timezone = tenantZone, OwnerId = actor.Id, CreatedBy = actor.Id, CreatedAt = now,
            UpdatedBy = actor.Id, UpdatedAt = now, AudienceJson = JsonSerializer.Serialize(new CampaignAudience([], []), CampaignJson.Options),
        };
        await ApplyAsync(c, body, creating: true, errors, ct);
        if (errors.Count > 0) return null;
        db.Add(c);
        if (actor.UserId is { } userId)
            db.Add(new CampaignRole { TenantId = c.TenantId, CampaignId = c.Id, UserId = userId, Role = Team.CampaignAccess.Owner, GrantedBy = actor.Id, GrantedAt = now });
        audit.Record("campaign.created", "campaign", c.Id.ToString(), null, Audited(c));
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task UpdateAsync(Campaign c, CampaignRequest body, List<FieldError> errors, CancellationToken ct)
    {
        var before = Audited(c);
        await ApplyAsync(c, body, creating: false, errors, ct);
        if (errors.Count > 0) return;
        Touch(c);
        audit.Record("campaign.updated", "campaign", c.Id.ToString(), before, Audited(c));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a step (or replaces <paramref name="existing"/>): validates the channel and every variant's content.</summary>
    public async Task<CampaignStep?> SaveStepAsync(Campaign c, CampaignStep? existing, StepRequest body, List<FieldError> errors, CancellationToken ct)
    {
        var steps = await StepsAsync(c.Id, ct);
        if (existing is null && steps.Count >= MaxSteps) { errors.Add(new("steps", $"At most {MaxSteps} steps.")); return null; }
        var channelName = body.Channel ?? existing?.Channel;
        var channel = channelName is null ? null : Channel(channelName);
        if (channel is null)
        {
            errors.Add(new("channel", channelName is null ? $"A channel is required: one of {string.Join(", ", Channels)}."
                : $"Campaign steps on {channelName} are not available yet; available: {string.Join(", ", Channels)}."));
            return null;
        }
        if (body.HoldoutPercent is < 0 or > 50) errors.Add(new("holdoutPercent", "The holdout is 0–50 %."));
        if (body.DelayMinutes is < 0 or > MaxDelayMinutes) errors.Add(new("delayMinutes", $"The delay is 0–{MaxDelayMinutes} minutes (90 days)."));
        if (body.Name is { Length: > MaxName }) errors.Add(new("name", $"At most {MaxName} characters."));

        var position = existing?.Position ?? (steps.Count == 0 ? 1 : steps.Max(s => s.Position) + 1);
        var label = string.IsNullOrWhiteSpace(body.Name) ? existing?.Name ?? $"Step {position}" : body.Name.Trim();
        var requested = body.Variants is { Count: > 0 } v ? v : [new VariantRequest("A", 100, body.Content, body.TemplateId)];
        if (body.Variants is { Count: > 0 } && (body.Content is not null || body.TemplateId is not null))
            errors.Add(new("variants", "Give content on each variant, or one content for the step — not both."));
        if (requested.Count > MaxVariants) errors.Add(new("variants", $"At most {MaxVariants} variants."));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requested.Count; i++)
        {
            var name = requested[i].Name?.Trim();
            if (string.IsNullOrEmpty(name)) errors.Add(new($"variants[{i}].name", "Each variant needs a name (A, B…)."));
            else if (name.Length > 50) errors.Add(new($"variants[{i}].name", "At most 50 characters."));
            else if (!names.Add(name)) errors.Add(new($"variants[{i}].name", "Variant names must be unique within the step."));
            if (requested[i].Weight is < 1 or > 10_000) errors.Add(new($"variants[{i}].weight", "A weight is 1–10000 (shares are weight / total)."));
        }
        if (errors.Count > 0) return null;

        var previous = existing is null ? [] : StepVariant.ParseAll(existing.VariantsJson);
        var variants = new List<StepVariant>();
        for (var i = 0; i < requested.Count; i++)
        {
            var r = requested[i];
            var field = body.Variants is { Count: > 0 } ? $"variants[{i}]" : "";
            // A variant keeps its id across edits (by name), so deliveries already made still point at it.
            var id = previous.FirstOrDefault(p => string.Equals(p.Name, r.Name!.Trim(), StringComparison.OrdinalIgnoreCase))?.Id ?? Guid.CreateVersion7();
            var prepared = await channel.PrepareAsync(c, label, id, r.Name!.Trim(), r.Weight ?? 100, r.Content, r.TemplateId, field, errors, ct);
            if (prepared is not null) variants.Add(prepared);
        }
        if (errors.Count > 0)
        {
            foreach (var e in errors.Where(e => e.Field.StartsWith('.')).ToList()) { errors.Remove(e); errors.Add(e with { Field = e.Field[1..] }); }
            return null;
        }

        var now = clock.Now();
        var step = existing ?? new CampaignStep { TenantId = c.TenantId, Id = Guid.CreateVersion7(), CampaignId = c.Id, Position = position, CreatedAt = now };
        var before = existing is null ? null : CampaignView.Step(existing);
        step.Name = label;
        step.Channel = channel.Channel;
        step.DelayMinutes = body.DelayMinutes ?? existing?.DelayMinutes ?? 0;
        step.HoldoutPercent = body.HoldoutPercent ?? existing?.HoldoutPercent ?? 0;
        step.VariantsJson = StepVariant.Serialize(variants);
        step.UpdatedAt = now;
        if (existing is null) db.Add(step);
        else db.Update(step);
        Touch(c);
        db.Update(c);
        audit.Record(existing is null ? "campaign.step_added" : "campaign.step_updated", "campaign", c.Id.ToString(), before, CampaignView.Step(step));
        await db.SaveChangesAsync(ct);
        return step;
    }

    public async Task RemoveStepAsync(Campaign c, CampaignStep step, CancellationToken ct)
    {
        db.Remove(step);
        Touch(c);
        db.Update(c);
        audit.Record("campaign.step_removed", "campaign", c.Id.ToString(), CampaignView.Step(step), null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A new draft with the same audience, steps (same content versions), budget and costs.</summary>
    public async Task<Campaign> CopyAsync(Campaign source, string name, bool asTemplate, string? niche, CancellationToken ct)
    {
        var now = clock.Now();
        var copy = new Campaign
        {
            TenantId = source.TenantId, Id = Guid.CreateVersion7(), Name = name, Goal = source.Goal, Description = source.Description, Timezone = source.Timezone,
            AudienceJson = asTemplate ? JsonSerializer.Serialize(new CampaignAudience([], []), CampaignJson.Options) : source.AudienceJson,
            Budget = source.Budget, Currency = source.Currency, CostsJson = source.CostsJson, IsTemplate = asTemplate, Niche = niche ?? source.Niche,
            OwnerId = actor.Id, CreatedBy = actor.Id, CreatedAt = now, UpdatedBy = actor.Id, UpdatedAt = now,
        };
        db.Add(copy);
        foreach (var s in await StepsAsync(source.Id, ct))
            db.Add(new CampaignStep
            {
                TenantId = s.TenantId, Id = Guid.CreateVersion7(), CampaignId = copy.Id, Position = s.Position, Name = s.Name, Channel = s.Channel,
                DelayMinutes = s.DelayMinutes, HoldoutPercent = s.HoldoutPercent,
                VariantsJson = StepVariant.Serialize(StepVariant.ParseAll(s.VariantsJson).Select(v => v with { Id = Guid.CreateVersion7() })),
                CreatedAt = now, UpdatedAt = now,
            });
        if (actor.UserId is { } userId)
            db.Add(new CampaignRole { TenantId = copy.TenantId, CampaignId = copy.Id, UserId = userId, Role = Team.CampaignAccess.Owner, GrantedBy = actor.Id, GrantedAt = now });
        audit.Record(asTemplate ? "campaign.saved_as_template" : "campaign.duplicated", "campaign", copy.Id.ToString(), null, new { From = source.Id, copy.Name });
        await db.SaveChangesAsync(ct);
        return copy;
    }

    public async Task DeleteAsync(Campaign c, CancellationToken ct)
    {
        c.DeletedAt = clock.Now();
        Touch(c);
        audit.Record("campaign.deleted", "campaign", c.Id.ToString(), Audited(c), null);
        await db.SaveChangesAsync(ct);
    }

    public void Touch(Campaign c)
    {
        c.UpdatedBy = actor.Id;
        c.UpdatedAt = clock.Now();
    }

    public static object Audited(Campaign c) => new { c.Name, c.Goal, c.Status, c.Timezone, c.AudienceJson, c.Budget, c.Currency, c.CostsJson, c.ScheduleJson };
}
