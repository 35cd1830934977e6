using BrandHub.Data;
using BrandHub.Modules.Segments;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>One audience member as the launcher needs them.</summary>
public sealed record AudienceMember(Guid ContactId, string? Address, string? Timezone);

/// <summary>
/// A campaign's audience, resolved by the database: members of the included segments minus the excluded ones, live
/// contacts only. Counted for the readiness check and read in id order, a chunk at a time, by the launcher.
/// </summary>
public sealed class CampaignAudienceReader(BrandHubDb db, SegmentRefresh segments, AudienceSql audienceSql)
{
    /// <summary>Dynamic segments are re-evaluated first, so the audience is who matches now, at send time.</summary>
    public async Task RefreshAsync(CampaignAudience audience, CancellationToken ct)
    {
        foreach (var id in audience.Include.Concat(audience.Exclude).Distinct()) await segments.RefreshAsync(id, ct);
    }

    /// <summary>
    /// The audience size and, in the same pass over it, how many match each predicate (constant SQL over <c>c</c>,
    /// keyed like <paramref name="predicates"/>): one scan of a million-member audience instead of one per channel.
    /// </summary>
    public async Task<(long Size, Dictionary<string, long> Matching)> CountAsync(CampaignAudience audience, IReadOnlyDictionary<string, string> predicates,
        CancellationToken ct)
    {
        var keys = predicates.Keys.ToList();
        if (audience.Include.Count == 0) return (0, keys.ToDictionary(k => k, _ => 0L));
        var sums = string.Concat(keys.Select(k => $", SUM(CASE WHEN {predicates[k]} THEN 1 ELSE 0 END)"));
        var sql = $"SELECT COUNT(*){sums} FROM contacts c WHERE " + Where(audience, out var ps);
        return (await db.QueryAsync(sql, ps, r => (Convert.ToInt64(r.GetValue(0)),
            keys.Select((k, i) => (k, r.IsDBNull(i + 1) ? 0L : Convert.ToInt64(r.GetValue(i + 1)))).ToDictionary(x => x.k, x => x.Item2)), ct)).Single();
    }

    public async Task<List<AudienceMember>> NextAsync(CampaignAudience audience, string addressColumn, Guid? after, int limit, CancellationToken ct)
    {
        if (audience.Include.Count == 0) return [];
        // The cursor bounds the members too, not only the contacts: otherwise the database walks the members from the
        // start on every chunk (a merge join from the first member id) and each chunk reads slower than the last.
        var where = Where(audience, out var ps, after is null ? null : "contact_id > @after");
        if (after is { } a) { where += " AND c.id > @after"; ps.Add(("@after", db.Id(a))); }
        ps.Add(("@limit", limit));
        return await db.QueryAsync($"SELECT c.id, c.{addressColumn}, c.timezone FROM contacts c WHERE {where} ORDER BY c.id LIMIT @limit", ps,
            r => new AudienceMember(r.GetId(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)), ct);
    }

    /// <param name="memberFilter">A condition on the members' <c>contact_id</c>, applied inside the member query.</param>
    private string Where(CampaignAudience audience, out List<(string Name, object? Value)> parameters, string? memberFilter = null)
    {
        var compiled = audienceSql.Compile(audience.Include, audience.Exclude, db.IsPostgres);
        parameters = [.. compiled.Parameters, ("@t", db.Id(db.Scope.RequiredTenantId))];
        var members = memberFilter is null ? compiled.Sql : $"SELECT m.contact_id FROM ({compiled.Sql}) m WHERE m.{memberFilter}";
        return $"c.tenant_id = @t AND c.deleted_at IS NULL AND c.merged_into_id IS NULL AND c.id IN ({members})";
    }
}
