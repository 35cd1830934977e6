namespace BrandHub.Modules.Segments;

/// <summary>TEMPORARY (replaced by the segments module merge).</summary>
public sealed class SegmentRefresh
{
    public Task<long> RefreshAsync(Guid segmentId, CancellationToken ct) => Task.FromResult(0L);
}
