using BrandHub.Core.Segments;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Brings a dynamic segment's members up to date with its criteria (public: the campaign launcher calls it before it reads
/// <see cref="AudienceSql"/>). Segments a criteria tree refers to are refreshed first, so <c>{"segment":…}</c> reads current
/// members; the tenant comes from the current scope.
/// </summary>
public sealed class SegmentRefresh(BrandHubDb db, SegmentCriteria criteria, SegmentMembership membership, ILogger<SegmentRefresh> log)
{
    /// <summary>Refreshes a dynamic segment and returns its member count; for a static segment just returns its count.</summary>
    /// <exception cref="KeyNotFoundException">No live segment with this id in the current tenant.</exception>
    public async Task<long> RefreshAsync(Guid segmentId, CancellationToken ct) =>
        await RefreshAsync(segmentId, [], ct);

    /// <summary>Refreshes every dynamic segment of the current tenant (the recurring and debounced jobs).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct)
    {
        var ids = await db.Set<Segment>().AsNoTracking().Where(s => s.DeletedAt == null && s.Type == SegmentTypes.Dynamic)
            .OrderBy(s => s.CreatedAt).Select(s => s.Id).ToListAsync(ct);
        var done = new HashSet<Guid>();
        foreach (var id in ids) await RefreshAsync(id, done, ct);
        return ids.Count;
    }

    private async Task<long> RefreshAsync(Guid segmentId, HashSet<Guid> done, CancellationToken ct)
    {
        var segment = await db.Set<Segment>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == segmentId && s.DeletedAt == null, ct)
                      ?? throw new KeyNotFoundException($"Segment {segmentId} not found.");
        if (segment.Type != SegmentTypes.Dynamic || segment.CriteriaJson is null || !done.Add(segmentId)) return await CountAsync(segmentId, ct);

        foreach (var referenced in SegmentCriteria.References(segment.CriteriaJson).Distinct())
            if (referenced != segmentId && !done.Contains(referenced) && await db.Set<Segment>().AnyAsync(s => s.Id == referenced && s.DeletedAt == null, ct))
                await RefreshAsync(referenced, done, ct);

        var tree = await criteria.ParseStoredAsync(segment.CriteriaJson, ct);
        if (tree is null)
        {
            // An attribute the criteria used was removed since: keep the last members rather than guess.
            log.LogWarning("Segment {Segment} has criteria that no longer parse; its members are left as they were", segmentId);
            return await CountAsync(segmentId, ct);
        }
        var (entered, exited) = await membership.ReplaceAsync(segmentId, criteria.Compile(tree), ct);
        log.LogInformation("Segment {Segment} refreshed: {Entered} entered, {Exited} exited", segmentId, entered, exited);
        return await CountAsync(segmentId, ct);
    }

    private Task<long> CountAsync(Guid segmentId, CancellationToken ct) =>
        db.Set<Segment>().AsNoTracking().Where(s => s.Id == segmentId).Select(s => s.MemberCount).FirstAsync(ct);
}
