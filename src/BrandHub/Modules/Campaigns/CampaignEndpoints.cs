using BrandHub.Core;
using BrandHub.Core.Campaigns;
using BrandHub.Data;
using BrandHub.Modules.Campaigns.Team;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns;

/// <summary>Campaigns: CRUD with filters and paging, steps, and the lifecycle moves with their readiness check.</summary>
public static class CampaignEndpoints
{
    private static readonly string[] Sorts = ["name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "nextRunAt", "-nextRunAt"];

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/marketing/campaigns").WithTags("Campaigns");
        var read = Scopes.Policy(Scopes.CampaignsRead);
        var write = Scopes.Policy(Scopes.CampaignsWrite);

        campaigns.MapGet("/", async (BrandHubDb db, string? status, string? search, string? goal, string? sort, bool? templates, int? page, int? pageSize,
            CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            var statuses = status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            foreach (var s in statuses)
                if (!CampaignStatuses.TryParse(s, out _)) errors.Add(new("status", $"Status must be one or more (comma-separated) of: {string.Join(", ", CampaignStatuses.All)}."));
            if (sort is not null && !Sorts.Contains(sort)) errors.Add(new("sort", $"Sort must be one of: {string.Join(", ", Sorts)}."));
            if (search is { Length: > 200 }) errors.Add(new("search", "At most 200 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var q = db.Set<Campaign>().AsNoTracking().Where(c => c.DeletedAt == null && c.IsTemplate == (templates == true));
            if (statuses.Length > 0) q = q.Where(c => statuses.Contains(c.Status));
            else if (templates != true) q = q.Where(c => c.Status != CampaignStatuses.Archived);
            if (!string.IsNullOrWhiteSpace(goal)) q = q.Where(c => c.Goal == goal);
            if (!string.IsNullOrWhiteSpace(search)) { var s = search.Trim().ToLower(); q = q.Where(c => c.Name.ToLower().Contains(s)); }
            var total = await q.CountAsync(ct);
            q = (sort ?? "-updatedAt") switch
            {
                "name" => q.OrderBy(c => c.Name).ThenBy(c => c.Id),
                "-name" => q.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
                "createdAt" => q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
                "-createdAt" => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
                "updatedAt" => q.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
                "nextRunAt" => q.OrderBy(c => c.NextRunAt == null).ThenBy(c => c.NextRunAt).ThenBy(c => c.Id),
                "-nextRunAt" => q.OrderByDescending(c => c.NextRunAt).ThenByDescending(c => c.Id),
                _ => q.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
            };
            var items = await q.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            var ids = items.Select(c => c.Id).ToList();
            var stepCounts = await db.Set<CampaignStep>().AsNoTracking().Where(s => ids.Contains(s.CampaignId)).GroupBy(s => s.CampaignId)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
            return Results.Ok(new Page<CampaignSummary>(items.Select(c => CampaignView.Summary(c, stepCounts.GetValueOrDefault(c.Id))).ToList(),
                paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read)
          .WithSummary("Campaigns filtered by status (comma-separated), goal and name; archived ones only when asked by status; templates=true lists saved campaign templates")
          .Produces<Page<CampaignSummary>>().ProducesValidationProblem();

        campaigns.MapPost("/", async (CampaignRequest body, CampaignPlanner planner, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var c = await planner.CreateAsync(body, errors, ct);
            return c is null ? Problems.Validation(errors) : Results.Created($"/api/v1/marketing/campaigns/{c.Id}", CampaignView.Of(c, []));
        }).RequireAuthorization(write).WithSummary("Create a draft campaign: name, goal, timezone (default: the workspace's), audience segments and exclusions, budget and costs per channel")
          .Produces<CampaignView>(201).ProducesValidationProblem();

        campaigns.MapGet("/{id:guid}", async (Guid id, CampaignPlanner planner, CancellationToken ct) =>
            await planner.FindAsync(id, ct) is { } c ? Results.Ok(CampaignView.Of(c, await planner.StepsAsync(id, ct))) : Problems.NotFound("Campaign"))
            .RequireAuthorization(read).WithSummary("One campaign with its steps and the lifecycle actions allowed now").Produces<CampaignView>().ProducesProblem(404);

        campaigns.MapPatch("/{id:guid}", async (Guid id, CampaignRequest body, CampaignPlanner planner, CampaignAccess access, CancellationToken ct) =>
        {
            var (c, refusal) = await EditableAsync(id, planner, access, CampaignRight.Edit, ct);
            if (refusal is not null) return refusal;
            var errors = new List<FieldError>();
            await planner.UpdateAsync(c!, body, errors, ct);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(CampaignView.Of(c!, await planner.StepsAsync(id, ct)));
        }).RequireAuthorization(write).WithSummary("Edit a draft or paused campaign (absent fields are kept)")
          .Produces<CampaignView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapDelete("/{id:guid}", async (Guid id, CampaignPlanner planner, CampaignAccess access, CancellationToken ct) =>
        {
            var c = await planner.FindAsync(id, ct, track: true);
            if (c is null) return Problems.NotFound("Campaign");
            if (await access.RequireAsync(id, CampaignRight.Own, ct) is { } forbidden) return forbidden;
            if (c.Status is CampaignStatuses.Scheduled or CampaignStatuses.Running or CampaignStatuses.Paused)
                return Problems.Conflict($"A {c.Status} campaign cannot be deleted; cancel it first.");
            await planner.DeleteAsync(c, ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Soft-delete a campaign that is not scheduled, running or paused (its deliveries and history stay)")
          .Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapPost("/{id:guid}/steps", async (Guid id, StepRequest body, CampaignPlanner planner, CampaignAccess access, CancellationToken ct) =>
        {
            var (c, refusal) = await EditableAsync(id, planner, access, CampaignRight.Edit, ct);
            if (refusal is not null) return refusal;
            var errors = new List<FieldError>();
            var step = await planner.SaveStepAsync(c!, null, body, errors, ct);
            return step is null ? Problems.Validation(errors) : Results.Created($"/api/v1/marketing/campaigns/{id}/steps/{step.Id}", CampaignView.Step(step));
        }).RequireAuthorization(write)
          .WithSummary("Add a step: a channel with its content (or a templateId), or A/B variants with weights, an optional holdout and a delay after launch")
          .Produces<StepView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapPut("/{id:guid}/steps/{stepId:guid}", async (Guid id, Guid stepId, StepRequest body, CampaignPlanner planner, CampaignAccess access,
            BrandHubDb db, CancellationToken ct) =>
        {
            var (c, refusal) = await EditableAsync(id, planner, access, CampaignRight.Edit, ct);
            if (refusal is not null) return refusal;
            var step = await db.Set<CampaignStep>().FirstOrDefaultAsync(s => s.CampaignId == id && s.Id == stepId, ct);
            if (step is null) return Problems.NotFound("Step");
            var errors = new List<FieldError>();
            var saved = await planner.SaveStepAsync(c!, step, body, errors, ct);
            return saved is null ? Problems.Validation(errors) : Results.Ok(CampaignView.Step(saved));
        }).RequireAuthorization(write).WithSummary("Replace a step's content and variants (variants keep their ids by name)")
          .Produces<StepView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapDelete("/{id:guid}/steps/{stepId:guid}", async (Guid id, Guid stepId, CampaignPlanner planner, CampaignAccess access, BrandHubDb db,
            CancellationToken ct) =>
        {
            var (c, refusal) = await EditableAsync(id, planner, access, CampaignRight.Edit, ct);
            if (refusal is not null) return refusal;
            var step = await db.Set<CampaignStep>().FirstOrDefaultAsync(s => s.CampaignId == id && s.Id == stepId, ct);
            if (step is null) return Problems.NotFound("Step");
            if (await db.Set<Delivery.Delivery>().AnyAsync(d => d.CampaignId == id && d.StepId == stepId, ct))
                return Problems.Conflict("This step has already sent; it stays for its results. Pause or complete the campaign instead.");
            await planner.RemoveStepAsync(c!, step, ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Remove a step that has not sent yet").Produces(204).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        campaigns.MapGet("/{id:guid}/readiness", async (Guid id, CampaignPlanner planner, CampaignControl control, CancellationToken ct) =>
            await planner.FindAsync(id, ct) is { } c ? Results.Ok(await control.ReadinessAsync(c, needsSchedule: false, ct)) : Problems.NotFound("Campaign"))
            .RequireAuthorization(read).WithSummary("Every problem that would block a launch now: content, audience, reach, sender, budget")
            .Produces<ReadinessView>().ProducesProblem(404);

        campaigns.MapPost("/{id:guid}/schedule", (Guid id, ScheduleRequest body, CampaignPlanner planner, CampaignControl control, CampaignAccess access, CancellationToken ct) =>
            MoveAsync(id, planner, access, CampaignRight.Edit, c => control.ScheduleAsync(c, body, ct), ct))
            .RequireAuthorization(write)
            .WithSummary("Schedule: {kind:at, at:local time in the campaign's zone} | {kind:recipientLocal, date, time} | {kind:recurring, cron, until?}. 409 lists readiness problems")
            .Produces<CampaignView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        Move(campaigns, write, "unschedule", "Back to draft; the scheduled launch will not happen", (control, c, ct) => control.UnscheduleAsync(c, ct), CampaignRight.Edit);
        Move(campaigns, write, "launch", "Launch now: readiness check, then deliveries are queued in the background (409 lists problems)", (control, c, ct) => control.LaunchAsync(c, ct), CampaignRight.Edit);
        Move(campaigns, write, "pause", "Stop sending within seconds; queued deliveries wait", (control, c, ct) => control.PauseAsync(c, null, ct), CampaignRight.Edit);
        Move(campaigns, write, "resume", "Continue where it stopped", (control, c, ct) => control.ResumeAsync(c, ct), CampaignRight.Edit);
        Move(campaigns, write, "complete", "Finish now: what is still queued is withdrawn", (control, c, ct) => control.CompleteAsync(c, ct), CampaignRight.Edit);
        Move(campaigns, write, "cancel", "Stop for good: what is still queued is withdrawn", (control, c, ct) => control.CancelAsync(c, ct), CampaignRight.Edit);
        Move(campaigns, write, "archive", "Put a finished campaign away (kept with its history)", (control, c, ct) => control.ArchiveAsync(c, ct), CampaignRight.Own);

        campaigns.MapPost("/{id:guid}/duplicate", async (Guid id, CampaignPlanner planner, CancellationToken ct) =>
        {
            var c = await planner.FindAsync(id, ct);
            if (c is null) return Problems.NotFound("Campaign");
            var copy = await planner.CopyAsync(c, Trim($"{c.Name} (copy)"), asTemplate: false, null, ct);
            return Results.Created($"/api/v1/marketing/campaigns/{copy.Id}", CampaignView.Of(copy, await planner.StepsAsync(copy.Id, ct)));
        }).RequireAuthorization(write).WithSummary("A new draft with the same audience, steps, budget and costs").Produces<CampaignView>(201).ProducesProblem(404);

        return app;
    }

    internal static string Trim(string name) => name.Length > CampaignPlanner.MaxName ? name[..CampaignPlanner.MaxName] : name;

    private delegate Task<ControlResult> Control(CampaignControl control, Campaign c, CancellationToken ct);

    private static void Move(RouteGroupBuilder group, string policy, string action, string summary, Control move, CampaignRight right) =>
        group.MapPost($"/{{id:guid}}/{action}", (Guid id, CampaignPlanner planner, CampaignControl control, CampaignAccess access, CancellationToken ct) =>
                MoveAsync(id, planner, access, right, c => move(control, c, ct), ct))
            .RequireAuthorization(policy).WithSummary(summary)
            .Produces<CampaignView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    private static async Task<IResult> MoveAsync(Guid id, CampaignPlanner planner, CampaignAccess access, CampaignRight right,
        Func<Campaign, Task<ControlResult>> move, CancellationToken ct)
    {
        var c = await planner.FindAsync(id, ct, track: true);
        if (c is null) return Problems.NotFound("Campaign");
        if (await access.RequireAsync(id, right, ct) is { } forbidden) return forbidden;
        var result = await move(c);
        if (result.Errors is { Count: > 0 } errors) return Problems.Validation(errors);
        if (result.Readiness is { Ready: false } readiness)
            return TypedResults.Problem(title: "The campaign is not ready.", detail: string.Join(" ", readiness.Problems.Select(p => p.Message)),
                statusCode: StatusCodes.Status409Conflict, type: "https://brandhub.dev/problems/campaign-not-ready",
                extensions: new Dictionary<string, object?> { ["problems"] = readiness.Problems, ["audienceSize"] = readiness.AudienceSize });
        if (!result.Done) return Problems.Conflict(result.Refusal ?? "Not allowed now.");
        return Results.Ok(CampaignView.Of(c, await planner.StepsAsync(id, ct)));
    }

    /// <summary>The campaign, tracked, if it exists, the caller may change it and its state takes edits.</summary>
    private static async Task<(Campaign?, IResult?)> EditableAsync(Guid id, CampaignPlanner planner, CampaignAccess access, CampaignRight right, CancellationToken ct)
    {
        var c = await planner.FindAsync(id, ct, track: true);
        if (c is null) return (null, Problems.NotFound("Campaign"));
        if (await access.RequireAsync(id, right, ct) is { } forbidden) return (null, forbidden);
        if (!c.IsTemplate && CampaignLifecycle.Decide(CampaignControl.Status(c), CampaignAction.Edit) is { Allowed: false } move)
            return (null, Problems.Conflict(move.Reason!));
        return (c, null);
    }
}
