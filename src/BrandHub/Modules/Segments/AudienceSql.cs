using System.Text;
using BrandHub.Core.Segments;
using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>SQL selecting contact ids, to embed as a subquery (<c>… WHERE c.id IN (Sql)</c>), and its named parameters.</summary>
public sealed record CompiledAudience(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// A campaign's audience as SQL (public: the campaign launcher embeds it): the live contacts in any of the included segments
/// and in none of the excluded ones, read from segment_members — so refresh dynamic segments first (<see cref="SegmentRefresh"/>).
/// The tenant comes from the current scope.
/// </summary>
public sealed class AudienceSql(TenantScope scope)
{
    /// <param name="parameterPrefix">Parameter names are <c>@{prefix}…</c>, so the SQL can share a command with the caller's own.</param>
    public CompiledAudience Compile(IReadOnlyList<Guid> include, IReadOnlyList<Guid> exclude, bool postgres, string parameterPrefix = "aud")
    {
        var dialect = SqlDialect.For(postgres);
        var parameters = new List<(string Name, object? Value)> { ($"@{parameterPrefix}_t", dialect.Guid(scope.RequiredTenantId)) };
        string List(IReadOnlyList<Guid> ids, string stem) => string.Join(", ", ids.Distinct().Select((id, i) =>
        {
            var name = $"@{parameterPrefix}_{stem}{i}";
            parameters.Add((name, dialect.Guid(id)));
            return name;
        }));

        var sql = new StringBuilder($"SELECT DISTINCT am.contact_id FROM segment_members am JOIN contacts ac ON ac.tenant_id = am.tenant_id AND ac.id = am.contact_id " +
                                    $"WHERE am.tenant_id = @{parameterPrefix}_t AND ac.deleted_at IS NULL AND ac.merged_into_id IS NULL");
        sql.Append(include.Count == 0 ? " AND 1 = 0" : $" AND am.segment_id IN ({List(include, "i")})");
        if (exclude.Count > 0)
            sql.Append($" AND NOT EXISTS (SELECT 1 FROM segment_members ax WHERE ax.tenant_id = am.tenant_id AND ax.contact_id = am.contact_id " +
                       $"AND ax.segment_id IN ({List(exclude, "x")}))");
        return new CompiledAudience(sql.ToString(), parameters);
    }
}
