using BrandHub.Modules.Audience;
using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Campaigns;
using BrandHub.Data;
using BrandHub.Modules.Campaigns.Launch;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Modules.Campaigns;

/// <summary>The outcome of a lifecycle request: done, refused by the state machine, or not ready (every problem listed).</summary>
public sealed record ControlResult(bool Done, string? Refusal = null, ReadinessView? Readiness = null, IReadOnlyList<FieldError>? Errors = null);

/// <summary>
/// Moves campaigns through their lifecycle (schedule, launch, pause, resume, complete, cancel, archive), checking
/// readiness before anything is sent, doing each move's work (queueing the launch, parking or withdrawing deliveries),
/// and writing every move to the audit trail with its actor.
/// </summary>
public sealed class CampaignControl(BrandHubDb db, CampaignPlanner planner, CampaignAudienceReader audience, CampaignDeliveries deliveries,
    AuditTrail audit, JobQueue jobs, Delivery.DeliveryOptions delivery, TimeProvider clock)
{
    public const string LaunchJob = "campaign.launch";

    public async Task<ReadinessView> ReadinessAsync(Campaign c, bool needsSchedule, CancellationToken ct)
    {
        var who = CampaignAudience.Parse(c.AudienceJson);
        await audience.RefreshAsync(who, ct);
        var steps = await planner.StepsAsync(c.Id, ct);
        var costs = CampaignView.CostsOf(c);
        var channels = steps.Select(s => planner.Channel(s.Channel)).OfType<Steps.ICampaignChannel>().DistinctBy(ch => ch.Channel).ToList();
        var (size, reachable) = await audience.CountAsync(who, channels.ToDictionary(ch => ch.Channel, ch => ch.ReachableSql), ct);
        var facts = new List<StepReadinessFacts>();
        foreach (var step in steps)
        {
            var channel = planner.Channel(step.Channel);
            var errors = new List<string>();
            var sender = false;
            if (channel is null) errors.Add($"The {step.Channel} channel is not available.");
            else
            {
                foreach (var variant in Steps.StepVariant.ParseAll(step.VariantsJson)) errors.AddRange(await channel.CheckAsync(variant, ct));
                sender = await channel.SenderConfiguredAsync(ct);
            }
            facts.Add(new StepReadinessFacts(step.Id, step.Position, step.Channel, errors, sender, reachable.GetValueOrDefault(step.Channel),
                costs.GetValueOrDefault(step.Channel)));
        }
        var committed = c.Budget is null ? 0 : await deliveries.CommittedAsync(c, ct);
        var problems = CampaignReadiness.Check(new CampaignReadinessFacts(who.Include.Count > 0, size, facts, c.Budget, committed, needsSchedule,
            c.ScheduleJson is not null));
        return new ReadinessView(problems.Count == 0, size, reachable, problems);
    }

    public async Task<ControlResult> ScheduleAsync(Campaign c, ScheduleRequest body, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Schedule) is { } refusal) return refusal;
        var errors = new List<FieldError>();
        var schedule = body.Read(errors);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Timezone);
        var now = clock.GetUtcNow();
        if (schedule is not null) errors.AddRange(schedule.Check(now, zone));
        if (errors.Count > 0) return new ControlResult(false, Errors: errors);

        var before = c.ScheduleJson;
        c.ScheduleJson = JsonSerializer.Serialize(body, CampaignJson.Options);
        var readiness = await ReadinessAsync(c, needsSchedule: true, ct);
        if (!readiness.Ready) { c.ScheduleJson = before; return new ControlResult(false, Readiness: readiness); }

        var at = schedule!.FirstLaunch(now, zone)!.Value;
        c.NextRunAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        await MoveAsync(c, CampaignAction.Schedule, new { Schedule = body, c.NextRunAt }, ct);
        await jobs.EnqueueAsync(c.TenantId, LaunchJob, new LaunchOrder(c.Id, c.CurrentRun + 1, c.NextRunAt), c.NextRunAt, ct: ct);
        return new ControlResult(true, Readiness: readiness);
    }

    public async Task<ControlResult> UnscheduleAsync(Campaign c, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Unschedule) is { } refusal) return refusal;
        c.NextRunAt = null; // the queued launch job finds nothing due and does nothing
        await MoveAsync(c, CampaignAction.Unschedule, null, ct);
        return new ControlResult(true);
    }

    public async Task<ControlResult> LaunchAsync(Campaign c, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Launch) is { } refusal) return refusal;
        var readiness = await ReadinessAsync(c, needsSchedule: false, ct);
        if (!readiness.Ready) return new ControlResult(false, Readiness: readiness);
        await StartRunAsync(c, "launched", ct);
        return new ControlResult(true, Readiness: readiness);
    }

    /// <summary>Starts the next run now: running, run number up, the launch job queued. Also what the scheduler does when a run falls due.</summary>
    public async Task StartRunAsync(Campaign c, string how, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Timezone);
        var now = clock.Now();
        c.CurrentRun++;
        c.LaunchedAt ??= now;
        c.NextRunAt = Schedule(c)?.NextLaunch(now, zone) is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next.ToUnixTimeMilliseconds()) : null;
        if (c.Status != CampaignStatuses.Running) await MoveAsync(c, CampaignAction.Launch, new { Run = c.CurrentRun, How = how }, ct);
        else
        {
            audit.Record("campaign.run_started", "campaign", c.Id.ToString(), null, new { Run = c.CurrentRun, How = how });
            await db.SaveChangesAsync(ct);
        }
        await jobs.EnqueueAsync(c.TenantId, LaunchJob, new LaunchOrder(c.Id, c.CurrentRun, null), ct: ct);
        if (c.NextRunAt is { } nextRun) await jobs.EnqueueAsync(c.TenantId, LaunchJob, new LaunchOrder(c.Id, c.CurrentRun + 1, nextRun), nextRun, ct: ct);
    }

    public async Task<ControlResult> PauseAsync(Campaign c, string? reason, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Pause) is { } refusal) return refusal;
        c.PausedReason = reason;
        await MoveAsync(c, CampaignAction.Pause, new { Reason = reason }, ct);
        var parked = await deliveries.ParkAsync(c.Id, ct);
        audit.Record("campaign.deliveries_parked", "campaign", c.Id.ToString(), null, new { Parked = parked });
        await db.SaveChangesAsync(ct);
        return new ControlResult(true);
    }

    public async Task<ControlResult> ResumeAsync(Campaign c, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Resume) is { } refusal) return refusal;
        c.PausedReason = null;
        await MoveAsync(c, CampaignAction.Resume, null, ct);
        await deliveries.UnparkAsync(c.Id, ct);
        // Dispatch rounds in flight now record their held messages when they end (parked): sweep again after them.
        var now = clock.GetUtcNow();
        foreach (var after in new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(delivery.LeaseSeconds + 5) })
            await jobs.EnqueueAsync(c.TenantId, CampaignUnparkJob.JobKind, new UnparkOrder(c.Id), now + after, ct: ct);
        // The launch continues from its checkpoint if it had not queued everyone yet (harmless when it had).
        if (c.CurrentRun > 0) await jobs.EnqueueAsync(c.TenantId, LaunchJob, new LaunchOrder(c.Id, c.CurrentRun, null), ct: ct);
        return new ControlResult(true);
    }

    public Task<ControlResult> CompleteAsync(Campaign c, CancellationToken ct) => StopAsync(c, CampaignAction.Complete, "campaign_completed", ct);

    public Task<ControlResult> CancelAsync(Campaign c, CancellationToken ct) => StopAsync(c, CampaignAction.Cancel, "campaign_cancelled", ct);

    private async Task<ControlResult> StopAsync(Campaign c, CampaignAction action, string reason, CancellationToken ct)
    {
        if (Refused(c, action) is { } refusal) return refusal;
        c.NextRunAt = null;
        if (action == CampaignAction.Complete) c.CompletedAt = clock.Now();
        await MoveAsync(c, action, null, ct);
        var withdrawn = await deliveries.WithdrawAsync(c.Id, reason, clock.Now(), ct);
        if (withdrawn > 0)
        {
            audit.Record("campaign.deliveries_withdrawn", "campaign", c.Id.ToString(), null, new { Withdrawn = withdrawn, Reason = reason });
            await db.SaveChangesAsync(ct);
        }
        return new ControlResult(true);
    }

    public async Task<ControlResult> ArchiveAsync(Campaign c, CancellationToken ct)
    {
        if (Refused(c, CampaignAction.Archive) is { } refusal) return refusal;
        c.ArchivedAt = clock.Now();
        await MoveAsync(c, CampaignAction.Archive, null, ct);
        return new ControlResult(true);
    }

    /// <summary>Null when the move is allowed; the 409's reason otherwise.</summary>
    public static ControlResult? Refused(Campaign c, CampaignAction action)
    {
        if (c.IsTemplate) return new ControlResult(false, "This is a campaign template; create a campaign from it to send.");
        var status = Status(c);
        var move = CampaignLifecycle.Decide(status, action);
        return move.Allowed ? null : new ControlResult(false, move.Reason);
    }

    public static CampaignStatus Status(Campaign c) =>
        CampaignStatuses.TryParse(c.Status, out var s) ? s : throw new InvalidOperationException($"Unknown campaign status {c.Status}.");

    public static CampaignSchedule? Schedule(Campaign c)
    {
        if (c.ScheduleJson is null) return null;
        var request = JsonSerializer.Deserialize<ScheduleRequest>(c.ScheduleJson, CampaignJson.Options);
        return request?.Read(new List<FieldError>());
    }

    private async Task MoveAsync(Campaign c, CampaignAction action, object? detail, CancellationToken ct)
    {
        var from = c.Status;
        c.Status = CampaignStatuses.Format(CampaignLifecycle.Decide(Status(c), action).To);
        planner.Touch(c);
        audit.Record($"campaign.{action.ToString().ToLowerInvariant()}", "campaign", c.Id.ToString(), new { Status = from }, new { c.Status, Detail = detail });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The launch job's payload: which run of which campaign, and the instant it was scheduled for (null: now).</summary>
public sealed record LaunchOrder(Guid CampaignId, int Run, DateTimeOffset? ScheduledFor);
