using BrandHub.Core.Segments;
using BrandHub.Data;
using BrandHub.Modules.Platform.Outbox;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Changes a segment's members set-wise in SQL — one INSERT … SELECT for those who enter, one DELETE for those who leave —
/// and writes an <c>audience.segment.entered</c> / <c>exited</c> outbox row for each, by INSERT … SELECT in the same
/// transaction, so the events exist exactly when the change does.
/// </summary>
public sealed class SegmentMembership(BrandHubDb db, TimeProvider clock)
{
    /// <summary>Makes the members exactly the live contacts matching <paramref name="predicate"/> (a predicate over <c>c</c>).</summary>
    public Task<(int Entered, int Exited)> ReplaceAsync(Guid segmentId, CompiledCriteria predicate, CancellationToken ct) =>
        ApplyAsync(segmentId, predicate, enter: true, exitNonMatching: true, ct);

    /// <summary>Adds the live contacts matching <paramref name="predicate"/> who are not members yet.</summary>
    public Task<(int Entered, int Exited)> AddAsync(Guid segmentId, CompiledCriteria predicate, CancellationToken ct) =>
        ApplyAsync(segmentId, predicate, enter: true, exitNonMatching: false, ct);

    /// <summary>Removes the given contacts (live or not) from the segment.</summary>
    public async Task<int> RemoveAsync(Guid segmentId, IReadOnlyList<Guid> contactIds, CancellationToken ct)
    {
        var (ids, idsParam) = db.IdList(contactIds);
        var p = Common(segmentId);
        p.Add(idsParam);
        var leavers = $"FROM segment_members sm WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment AND sm.contact_id IN ({ids})";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ExecuteAsync(Outbox(SegmentTopics.Exited, "sm.contact_id", leavers), p, ct);
        var removed = await db.ExecuteAsync($"DELETE FROM segment_members WHERE tenant_id = @tenant AND segment_id = @segment AND contact_id IN ({ids})", p, ct);
        await UpdateCountAsync(p, ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    private async Task<(int Entered, int Exited)> ApplyAsync(Guid segmentId, CompiledCriteria predicate, bool enter, bool exitNonMatching, CancellationToken ct)
    {
        var p = Common(segmentId);
        p.AddRange(predicate.Parameters);
        var matching = $"SELECT 1 FROM contacts c WHERE c.tenant_id = sm.tenant_id AND c.id = sm.contact_id AND {SegmentCriteria.LiveContacts} AND ({predicate.Sql})";
        var leavers = $"FROM segment_members sm WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment AND NOT EXISTS ({matching})";
        var entrants = $@"FROM contacts c WHERE c.tenant_id = @tenant AND {SegmentCriteria.LiveContacts} AND ({predicate.Sql})
            AND NOT EXISTS (SELECT 1 FROM segment_members sm WHERE sm.tenant_id = c.tenant_id AND sm.segment_id = @segment AND sm.contact_id = c.id)";

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.IsPostgres) // one refresh of a segment at a time; the other waits and then sees the first one's result
            await db.ExecuteAsync("SELECT 1 FROM segments WHERE tenant_id = @tenant AND id = @segment FOR UPDATE", p, ct);
        var exited = 0;
        if (exitNonMatching)
        {
            await db.ExecuteAsync(Outbox(SegmentTopics.Exited, "sm.contact_id", leavers), p, ct);
            exited = await db.ExecuteAsync($@"DELETE FROM segment_members WHERE tenant_id = @tenant AND segment_id = @segment AND contact_id IN
                (SELECT sm.contact_id {leavers})", p, ct);
        }
        var entered = 0;
        if (enter)
        {
            await db.ExecuteAsync(Outbox(SegmentTopics.Entered, "c.id", entrants), p, ct);
            entered = await db.ExecuteAsync($"INSERT INTO segment_members (tenant_id, segment_id, contact_id, added_at) SELECT c.tenant_id, @segment, c.id, @now {entrants}", p, ct);
        }
        await UpdateCountAsync(p, ct);
        await tx.CommitAsync(ct);
        return (entered, exited);
    }

    private async Task UpdateCountAsync(List<(string Name, object? Value)> p, CancellationToken ct) =>
        await db.ExecuteAsync($@"UPDATE segments SET refreshed_at = @now, member_count = (SELECT COUNT(*) FROM segment_members sm
                JOIN contacts c ON c.tenant_id = sm.tenant_id AND c.id = sm.contact_id
                WHERE sm.tenant_id = @tenant AND sm.segment_id = @segment AND {SegmentCriteria.LiveContacts})
            WHERE tenant_id = @tenant AND id = @segment", p, ct);

    /// <summary>One outbox row per selected contact; the payload's ids are lower-case text on both databases.</summary>
    private string Outbox(string topic, string contactColumn, string from)
    {
        var payload = db.IsPostgres
            ? $"jsonb_build_object('segmentId', CAST(@segment AS text), 'contactId', CAST({contactColumn} AS text), 'at', @atText)"
            : $"json_object('segmentId', lower(@segment), 'contactId', lower({contactColumn}), 'at', @atText)";
        var topicLiteral = topic == SegmentTopics.Entered ? "@topicEntered" : "@topicExited";
        return $"INSERT INTO outbox_messages ({OutboxWriter.InsertColumns}) SELECT @tenant, {OutboxWriter.NewIdSql(db.IsPostgres)}, {topicLiteral}, " +
               $"{payload}, @now, NULL, 0, NULL {from}";
    }

    private List<(string Name, object? Value)> Common(Guid segmentId)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        return
        [
            ("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@segment", db.Id(segmentId)), ("@now", db.Instant(now)),
            ("@atText", now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            ("@topicEntered", SegmentTopics.Entered), ("@topicExited", SegmentTopics.Exited),
        ];
    }

    /// <summary>A predicate over <c>c</c>: the contact is one of <paramref name="ids"/>.</summary>
    public CompiledCriteria ContactIn(IReadOnlyList<Guid> ids)
    {
        var (sql, parameter) = db.IdList(ids);
        return new CompiledCriteria($"c.id IN ({sql})", [parameter]);
    }
}
