using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>How a segment's live members do: how many, how many each channel reaches, what was sent to them and how they responded, what they spent.</summary>
public sealed record SegmentPerformanceView(Guid SegmentId, string Name, long Members, ChannelReach Reach, long Sent, long Opened, long Clicked,
    decimal Revenue, decimal OpenRate, decimal ClickRate);

/// <summary>Per-segment figures computed by the database over segment_members (deliveries by contact, revenue from contact_metrics).</summary>
public sealed class SegmentPerformance(BrandHubDb db)
{
    // Statuses a delivery reaches only after the provider accepted it; opened includes clicked (a click implies an open).
    // As SQL lists, shared with the analytics insights that measure the same rates.
    public const string SentStatuses = "'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained'";
    public const string OpenedStatuses = "'opened', 'clicked'";

    public async Task<SegmentPerformanceView> MeasureAsync(Segment segment, CancellationToken ct)
    {
        var p = new List<(string Name, object? Value)> { ("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@segment", db.Id(segment.Id)) };
        const string members = "FROM segment_members sm JOIN contacts c ON c.tenant_id = sm.tenant_id AND c.id = sm.contact_id " +
                               "WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment AND c.deleted_at IS NULL AND c.merged_into_id IS NULL";
        var (count, reach, revenue) = (await db.QueryAsync(
            $"SELECT COUNT(*), {AudienceReach.ReachColumns("c")}, COALESCE(SUM((SELECT m.revenue FROM contact_metrics m WHERE m.tenant_id = c.tenant_id AND m.contact_id = c.id)), 0) {members}",
            p, r => (r.GetInt64(0), AudienceReach.ReadReach(r, 1), Convert.ToDecimal(r.GetValue(5))), ct)).Single();
        if (!db.IsPostgres) revenue /= 10_000m; // SQLite keeps ten-thousandths

        var (sent, opened, clicked) = (await db.QueryAsync($@"SELECT
                COALESCE(SUM(CASE WHEN d.status IN ({SentStatuses}) THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN d.status IN ({OpenedStatuses}) THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN d.status = 'clicked' THEN 1 ELSE 0 END), 0)
            FROM deliveries d WHERE d.tenant_id = @tenant AND d.contact_id IN (SELECT sm.contact_id {members})",
            p, r => (Convert.ToInt64(r.GetValue(0)), Convert.ToInt64(r.GetValue(1)), Convert.ToInt64(r.GetValue(2))), ct)).Single();
        return new SegmentPerformanceView(segment.Id, segment.Name, count, reach, sent, opened, clicked, decimal.Round(revenue, 2),
            Rate(opened, sent), Rate(clicked, sent));
    }

    /// <summary>Contacts in every one of the given segments.</summary>
    public async Task<long> OverlapAsync(IReadOnlyList<Guid> segmentIds, CancellationToken ct)
    {
        var p = new List<(string Name, object? Value)> { ("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@n", (long)segmentIds.Count) };
        var names = segmentIds.Select((id, i) => { p.Add(($"@s{i}", db.Id(id))); return $"@s{i}"; });
        return (await db.QueryAsync($@"SELECT COUNT(*) FROM (SELECT sm.contact_id FROM segment_members sm
                JOIN contacts c ON c.tenant_id = sm.tenant_id AND c.id = sm.contact_id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
                WHERE sm.tenant_id = @tenant AND sm.segment_id IN ({string.Join(", ", names)})
                GROUP BY sm.contact_id HAVING COUNT(*) = @n) x", p, r => r.GetInt64(0), ct)).Single();
    }

    private static decimal Rate(long part, long whole) => whole == 0 ? 0 : decimal.Round((decimal)part / whole, 4);
}
