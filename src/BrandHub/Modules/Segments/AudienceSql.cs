namespace BrandHub.Modules.Segments;

/// <summary>TEMPORARY (replaced by the segments module merge): members of included segments minus excluded, from segment_members.</summary>
public sealed record CompiledAudience(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

public static class AudienceSql
{
    public static CompiledAudience Compile(IReadOnlyList<Guid> include, IReadOnlyList<Guid> exclude, bool postgres)
    {
        var ps = new List<(string, object?)>();
        string List(IReadOnlyList<Guid> ids, string prefix) => string.Join(", ", ids.Select((id, i) =>
        {
            ps.Add(($"@{prefix}{i}", postgres ? id : id.ToString().ToUpperInvariant()));
            return $"@{prefix}{i}";
        }));
        var sql = $"SELECT sm.contact_id FROM segment_members sm WHERE sm.tenant_id = @aud_tenant AND sm.segment_id IN ({List(include, "aud_in")})";
        if (exclude.Count > 0)
            sql += $" AND NOT EXISTS (SELECT 1 FROM segment_members sx WHERE sx.tenant_id = sm.tenant_id AND sx.contact_id = sm.contact_id AND sx.segment_id IN ({List(exclude, "aud_ex")}))";
        return new CompiledAudience(sql, ps);
    }
}
