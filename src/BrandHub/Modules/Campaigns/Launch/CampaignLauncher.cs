using BrandHub.Modules.Audience;
using System.Text.Json;
using BrandHub.Core.Campaigns;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Campaigns.Steps;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>
/// The launch job: resolves the audience at send time and writes one delivery per member per step through the delivery
/// engine, a chunk at a time. Each chunk's deliveries and the run's checkpoint commit together, and every delivery's
/// idempotency key is (step, run, contact, variant): a relaunch, a resume or a crash mid-launch continues from the
/// checkpoint and can never queue anyone twice. Pausing stops it between chunks; the budget guard stops it before the
/// chunk that would overspend, pausing the campaign with an alert.
/// </summary>
public sealed class CampaignLauncher(BrandHubDb db, CampaignPlanner planner, CampaignControl control, CampaignAudienceReader audience,
    CampaignDeliveries deliveries, AuditTrail audit, Actor actor, TimeProvider clock, CampaignOptions options, ILogger<CampaignLauncher> log) : IJobHandler
{
    public string Kind => CampaignControl.LaunchJob;

    public async Task RunAsync(JobContext context)
    {
        var ct = context.Cancellation;
        actor.Set("system:campaigns");
        var order = JsonSerializer.Deserialize<LaunchOrder>(context.Job.PayloadJson, CampaignJson.Options)
                    ?? throw new PermanentJobFailure("The launch order is unreadable.");
        var c = await planner.FindAsync(order.CampaignId, ct, track: true);
        if (c is null) return;

        if (order.ScheduledFor is { } due)
        {
            // A scheduled run: only if the campaign still waits for exactly this one (it may have been unscheduled or moved).
            var waiting = c.NextRunAt == due && order.Run == c.CurrentRun + 1
                          && (c.Status == CampaignStatuses.Scheduled || c.Status == CampaignStatuses.Running);
            if (!waiting) return;
            var readiness = await control.ReadinessAsync(c, needsSchedule: false, ct);
            if (!readiness.Ready)
            {
                await AlertAsync(c, "not-ready", "The scheduled launch did not start: " + string.Join(" ", readiness.Problems.Select(p => p.Message)), ct);
                c.NextRunAt = null;
                if (c.Status == CampaignStatuses.Scheduled) c.Status = CampaignStatuses.Draft;
                planner.Touch(c);
                audit.Record("campaign.launch_refused", "campaign", c.Id.ToString(), null, readiness.Problems);
                await db.SaveChangesAsync(ct);
                return;
            }
            await control.StartRunAsync(c, "scheduled", ct);
            return;
        }
        if (order.Run != c.CurrentRun || c.Status != CampaignStatuses.Running) return;

        var who = CampaignAudience.Parse(c.AudienceJson);
        await audience.RefreshAsync(who, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Timezone);
        var schedule = CampaignControl.Schedule(c);
        var committed = c.Budget is null ? 0 : await deliveries.CommittedAsync(c, ct);
        var costs = CampaignView.CostsOf(c);

        foreach (var step in await planner.StepsAsync(c.Id, ct))
        {
            var channel = planner.Channel(step.Channel) ?? throw new PermanentJobFailure($"The {step.Channel} channel is not available.");
            var run = await db.Set<CampaignRun>().FirstOrDefaultAsync(r => r.CampaignId == c.Id && r.Run == order.Run && r.StepId == step.Id, ct);
            if (run is null)
            {
                run = new CampaignRun
                {
                    TenantId = c.TenantId, CampaignId = c.Id, Run = order.Run, StepId = step.Id, Audience = (await audience.CountAsync(who, NoPredicates, ct)).Size,
                    LaunchedAt = clock.Now(),
                };
                db.Add(run);
                await db.SaveChangesAsync(ct);
            }
            if (run.Status == "queued") continue;

            var variants = StepVariant.ParseAll(step.VariantsJson);
            var split = new VariantSplit(variants.Select(v => (v.Id, v.Weight)).ToList(), step.HoldoutPercent);
            var byId = variants.ToDictionary(v => v.Id);
            var cost = costs.GetValueOrDefault(step.Channel);
            var launchedAt = run.LaunchedAt;

            while (true)
            {
                // Paused, cancelled or completed meanwhile: stop between chunks (resume re-queues this job).
                var status = await db.Set<Campaign>().AsNoTracking().Where(x => x.Id == c.Id).Select(x => x.Status).FirstAsync(ct);
                if (status != CampaignStatuses.Running) return;

                var watch = System.Diagnostics.Stopwatch.StartNew();
                var members = await audience.NextAsync(who, channel.AddressColumn, run.Cursor, Math.Max(1, options.LaunchChunkSize), ct);
                if (members.Count == 0)
                {
                    run.Status = "queued";
                    run.FinishedAt = clock.Now();
                    await db.SaveChangesAsync(ct);
                    break;
                }

                var readMs = watch.ElapsedMilliseconds;
                var now = clock.Now();
                var planned = members.Select(m => Plan(m, step, split, byId, order.Run)).ToList();
                var payable = planned.Count(p => p.Reason is null);
                var affordable = BudgetGuard.Affordable(c.Budget, committed, cost, payable);
                if (affordable < payable)
                {
                    // Queue exactly what the budget covers, then stop before the rest.
                    var take = 0;
                    for (long paid = 0; take < planned.Count; take++)
                    {
                        if (planned[take].Reason is null) { if (paid == affordable) break; paid++; }
                    }
                    planned = planned.Take(take).ToList();
                }

                var planMs = watch.ElapsedMilliseconds;
                var rows = new List<Delivery.Delivery>(planned.Count);
                var history = new List<Delivery.DeliveryTransition>(planned.Count);
                var queuedDetail = $"Campaign {c.Name}, run {order.Run}";
                foreach (var p in planned)
                {
                    var dueAt = (schedule?.DueFor(launchedAt, Zone(p.Member.Timezone, zone)) ?? launchedAt) + TimeSpan.FromMinutes(step.DelayMinutes);
                    var delivery = new Delivery.Delivery
                    {
                        TenantId = c.TenantId, Id = Core.Identifiers.RowIds.NewVersion7(now), Channel = step.Channel, Category = MessageCategories.Marketing,
                        ContactId = p.Member.ContactId, Address = p.Member.Address ?? "", TemplateId = p.Variant?.TemplateId,
                        TemplateVersion = p.Variant?.TemplateVersion, DataJson = "{}", IdempotencyKey = p.Key,
                        Status = p.Reason is null ? DeliveryStatuses.Queued : DeliveryStatuses.Suppressed, Reason = p.Reason,
                        RunAt = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(dueAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds())),
                        CampaignId = c.Id, StepId = step.Id, VariantId = p.Variant?.Id, CreatedAt = now, UpdatedAt = now,
                    };
                    rows.Add(delivery);
                    history.Add(Delivery.DeliveryHistory.Entry(delivery, null, delivery.Status, now, p.Reason ?? queuedDetail));
                }
                committed += affordable * cost;
                run.Queued += planned.Count;
                if (planned.Count > 0) run.Cursor = planned[^1].Member.ContactId;
                var buildMs = watch.ElapsedMilliseconds;
                // The chunk's deliveries and the checkpoint commit together: a crash re-reads from the previous cursor.
                var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                try
                {
                    // A pause that committed since the check above must win: lock the campaign row, look again.
                    if (!await StillRunningAsync(c.Id, ct)) return;
                    await LaunchChunkWriter.WriteAsync(db, rows, history, ct);
                    var writeMs = watch.ElapsedMilliseconds;
                    await db.SaveChangesAsync(ct);
                    if (own is not null) await own.CommitAsync(ct);
                    log.LogDebug("Launch chunk of {Count}: read {Read} ms, plan {Plan} ms, build {Build} ms, write {Write} ms, checkpoint+commit {Commit} ms",
                        rows.Count, readMs, planMs - readMs, buildMs - planMs, writeMs - buildMs, watch.ElapsedMilliseconds - writeMs);
                }
                finally
                {
                    if (own is not null) await own.DisposeAsync();
                }
                await context.ReportProgressAsync(run.Queued, run.Audience);

                if (planned.Count < members.Count)
                {
                    var reason = $"Budget reached: {committed:0.####} {c.Currency} of {c.Budget:0.####} committed; {step.Name} stopped after {run.Queued:N0} of {run.Audience:N0}.";
                    await AlertAsync(c, "budget-exhausted", reason, ct);
                    var paused = await control.PauseAsync(c, reason, ct);
                    log.LogInformation("Campaign {Campaign} paused by the budget guard: {Reason} ({Done})", c.Id, reason, paused.Done);
                    return;
                }
            }
        }
        await context.ReportProgressAsync(1, 1);
    }

    private sealed record Planned(AudienceMember Member, StepVariant? Variant, string Key, string? Reason);

    private static Planned Plan(AudienceMember m, CampaignStep step, VariantSplit split, Dictionary<Guid, StepVariant> variants, int run)
    {
        var variantId = split.Assign(step.Id, m.ContactId);
        var key = $"campaign:{step.Id:N}:{run}:{m.ContactId:N}:{(variantId is { } v ? v.ToString("N") : "holdout")}";
        if (variantId is null) return new Planned(m, null, key, "holdout");
        var variant = variants[variantId.Value];
        return string.IsNullOrWhiteSpace(m.Address) ? new Planned(m, variant, key, $"no_{step.Channel}_address") : new Planned(m, variant, key, null);
    }

    /// <summary>
    /// Locks the campaign row for this chunk's transaction and reads its status: a concurrent pause (which updates the
    /// same row) waits for the chunk to commit and then parks its deliveries too, or commits first and is seen here.
    /// </summary>
    private async Task<bool> StillRunningAsync(Guid campaignId, CancellationToken ct)
    {
        (string, object?)[] ps = [("@t", db.Id(db.Scope.RequiredTenantId)), ("@c", db.Id(campaignId))];
        await db.ExecuteAsync("UPDATE campaigns SET status = status WHERE tenant_id = @t AND id = @c", ps, ct);
        var status = await db.QueryAsync("SELECT status FROM campaigns WHERE tenant_id = @t AND id = @c", ps, r => r.GetString(0), ct);
        return status.SingleOrDefault() == CampaignStatuses.Running;
    }

    private static readonly Dictionary<string, string> NoPredicates = [];

    private static TimeZoneInfo Zone(string? id, TimeZoneInfo fallback) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : fallback;

    private async Task AlertAsync(Campaign c, string kind, string message, CancellationToken ct)
    {
        db.Add(new CampaignAlert { TenantId = c.TenantId, Id = Guid.CreateVersion7(), CampaignId = c.Id, Kind = kind, Message = message, CreatedAt = clock.Now() });
        audit.Record("campaign.alert", "campaign", c.Id.ToString(), null, new { Kind = kind, Message = message });
        await db.SaveChangesAsync(ct);
    }
}
