using BrandHub.Data;
using BrandHub.Modules.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Suppressions;

/// <summary>The suppression list as other modules use it: which addresses are blocked, and blocking one after a hard bounce or complaint.</summary>
public sealed class SuppressionList(BrandHubDb db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The addresses among <paramref name="addresses"/> (normalised) that are suppressed on the channel.</summary>
    public async Task<HashSet<string>> SuppressedAsync(string channel, IReadOnlyCollection<string> addresses, CancellationToken ct)
    {
        var list = addresses.Distinct().ToList();
        if (list.Count == 0) return [];
        var found = await db.Set<Suppression>().AsNoTracking().Where(s => s.Channel == channel && list.Contains(s.Address))
            .Select(s => s.Address).ToListAsync(ct);
        return found.ToHashSet();
    }

    /// <summary>Stages a suppression (idempotent: false when the address is already blocked). The caller saves.</summary>
    /// <param name="reason">hard_bounce, complaint, invalid, manual or unsubscribed.</param>
    public async Task<bool> StageAsync(string channel, string address, string reason, string? note, string createdBy, CancellationToken ct)
    {
        if (await db.Set<Suppression>().AnyAsync(s => s.Channel == channel && s.Address == address, ct)) return false;
        if (db.ChangeTracker.Entries<Suppression>().Any(e => e.Entity.Channel == channel && e.Entity.Address == address)) return false;
        var s = new Suppression
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Channel = channel, Address = address, Reason = reason,
            Note = note, CreatedBy = createdBy, CreatedAt = clock.Now(),
        };
        db.Add(s);
        audit.Record("suppression.created", "suppression", s.Id.ToString(), null, new { s.Channel, s.Address, s.Reason, s.Note });
        return true;
    }
}
