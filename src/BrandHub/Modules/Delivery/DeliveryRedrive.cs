using BrandHub.Core.Delivery;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery;

/// <summary>Bulk re-drive of the dead-letter queue, in chunks so a large backlog never becomes one huge transaction.</summary>
public static class DeliveryRedrive
{
    private const int Chunk = 1000;

    public static async Task<int> DeadAsync(BrandHubDb db, DeliveryEndpoints.BulkRedriveRequest filter, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var ids = await DeliveryEndpoints.Filter(db.Set<Delivery>().AsNoTracking(), filter).OrderBy(d => d.Id).Select(d => d.Id).Take(Chunk).ToListAsync(ct);
            if (ids.Count == 0) return total;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var moved = await db.Set<Delivery>().Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatuses.Dead)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatuses.Queued).SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.RunAt, now).SetProperty(d => d.UpdatedAt, now), ct);
            foreach (var id in ids) db.Add(DeliveryHistory.Entry(db.Scope.RequiredTenantId, id, DeliveryStatuses.Dead, DeliveryStatuses.Queued, now, $"Re-driven in bulk by {actor}"));
            await db.SaveChangesInBulkAsync(ct);
            await tx.CommitAsync(ct);
            total += moved;
            if (ids.Count < Chunk) return total;
        }
    }
}
