using BrandHub.Core.Delivery;
using BrandHub.Core.Identifiers;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>
/// Set-wise changes to a campaign's queued deliveries, each one statement no matter the audience size: parking them
/// while the campaign is paused, withdrawing them when it is cancelled or completed by hand, and the money committed.
/// </summary>
public sealed class CampaignDeliveries(BrandHubDb db)
{
    /// <summary>
    /// A paused campaign's queued deliveries are moved a century ahead (the dispatcher only claims due rows) and moved
    /// back by the same amount on resume, so holds for quiet hours and retry backoffs come back exactly as they were.
    /// </summary>
    public static readonly TimeSpan Parked = TimeSpan.FromDays(36_525);

    public Task<int> ParkAsync(Guid campaignId, CancellationToken ct) => ShiftAsync(campaignId, Parked, ct);

    public Task<int> UnparkAsync(Guid campaignId, CancellationToken ct) => ShiftAsync(campaignId, -Parked, ct);

    private async Task<int> ShiftAsync(Guid campaignId, TimeSpan by, CancellationToken ct)
    {
        // Unparking only touches what was parked (more than half a century out).
        var guard = by < TimeSpan.Zero ? " AND run_at > @half" : " AND run_at < @half";
        return await ExecuteAsync($"UPDATE deliveries SET run_at = run_at + @by WHERE tenant_id = @t AND campaign_id = @c AND status = 'queued'{guard}",
            ct, ("@c", db.Id(campaignId)), ("@by", db.IsPostgres ? by : (long)by.TotalMilliseconds),
            ("@half", db.Instant(DateTimeOffset.UtcNow + TimeSpan.FromDays(36_525 / 2))));
    }

    /// <summary>Every queued delivery of the campaign becomes <c>suppressed</c> with <paramref name="reason"/>, with its history entry.</summary>
    public async Task<int> WithdrawAsync(Guid campaignId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var changed = await ExecuteAsync(
                "UPDATE deliveries SET status = 'suppressed', reason = @reason, updated_at = @now WHERE tenant_id = @t AND campaign_id = @c AND status = 'queued'",
                ct, ("@c", db.Id(campaignId)), ("@reason", reason), ("@now", db.Instant(at)));
            // This statement's rows are the campaign's suppressed ones stamped with this instant and reason. The history
            // entry id only has to be unique per delivery (the key includes the delivery id), so one id serves them all.
            if (changed > 0)
                await ExecuteAsync(
                    """
                    INSERT INTO delivery_transitions (tenant_id, delivery_id, id, from_status, to_status, at, detail)
                    SELECT tenant_id, id, @id, 'queued', 'suppressed', @now, @detail FROM deliveries
                    WHERE tenant_id = @t AND campaign_id = @c AND status = 'suppressed' AND updated_at = @now AND reason = @reason
                    """,
                    ct, ("@c", db.Id(campaignId)), ("@id", db.Id(RowIds.NewVersion7(at))), ("@now", db.Instant(at)), ("@reason", reason),
                    ("@detail", $"Withdrawn: {reason.Replace('_', ' ')}."));
            if (own is not null) await own.CommitAsync(ct);
            return changed;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Money committed so far: every delivery that was not suppressed, at its step's channel cost.</summary>
    public async Task<decimal> CommittedAsync(Campaign c, CancellationToken ct)
    {
        var costs = CampaignView.CostsOf(c);
        var counts = await db.Set<Delivery.Delivery>().AsNoTracking().Where(d => d.CampaignId == c.Id && d.Status != DeliveryStatuses.Suppressed)
            .GroupBy(d => d.Channel).Select(g => new { Channel = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return counts.Sum(x => costs.GetValueOrDefault(x.Channel) * x.Count);
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        db.ExecuteAsync(sql, parameters.Append(("@t", db.Id(db.Scope.RequiredTenantId))), ct);
}
