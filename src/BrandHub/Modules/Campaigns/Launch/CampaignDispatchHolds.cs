using BrandHub.Core.Campaigns;
using BrandHub.Data;
using BrandHub.Modules.Delivery.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>
/// The campaigns' answer to the dispatcher's last-moment question: messages of a paused campaign go back to the queue,
/// parked like the rest of its queue (resume brings them back); those of a cancelled or completed campaign are withdrawn.
/// </summary>
public sealed class CampaignDispatchHolds(BrandHubDb db, TimeProvider clock) : IDispatchHolds
{
    public async Task<IReadOnlyDictionary<Guid, DispatchHold>> HoldsAsync(IReadOnlyDictionary<Guid, Guid> campaigns, CancellationToken ct)
    {
        var ids = campaigns.Values.Distinct().ToList();
        var stopped = await db.Set<Campaign>().AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status != CampaignStatuses.Running && c.Status != CampaignStatuses.Scheduled)
            .ToDictionaryAsync(c => c.Id, c => c.Status, ct);
        if (stopped.Count == 0) return Empty;
        var parkedUntil = clock.GetUtcNow() + CampaignDeliveries.Parked;
        return campaigns.Where(kv => stopped.ContainsKey(kv.Value)).ToDictionary(kv => kv.Key, kv => stopped[kv.Value] switch
        {
            CampaignStatuses.Paused => new DispatchHold(parkedUntil, null, "The campaign was paused before this message went out; it waits for resume."),
            CampaignStatuses.Completed => new DispatchHold(null, "campaign_completed", "Withdrawn: the campaign was completed before this message went out."),
            _ => new DispatchHold(null, "campaign_cancelled", "Withdrawn: the campaign was cancelled before this message went out."),
        });
    }

    private static readonly IReadOnlyDictionary<Guid, DispatchHold> Empty = new Dictionary<Guid, DispatchHold>();
}
