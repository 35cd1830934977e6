using System.Text;
using BrandHub.Core.Segments;
using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>
/// SQL selecting contact ids, to embed as a subquery over live contacts (<c>… WHERE c.id IN (Sql)</c>), and its named
/// parameters. The ids may repeat (a contact in two included segments) and include deleted or merged contacts: the
/// caller's <c>IN</c> and its live-contact filter settle both.
/// </summary>
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

        // Members only — no DISTINCT, no join back to contacts: with them PostgreSQL hashed and sorted every remaining
        // member for each launch chunk (1 s a chunk over a million); without, it merge-joins members and contacts in id
        // order and stops at the chunk's LIMIT (5 ms). docs/BENCHMARKS.md, campaign-launch.
        var sql = new StringBuilder($"SELECT am.contact_id FROM segment_members am WHERE am.tenant_id = @{parameterPrefix}_t");
        sql.Append(include.Count == 0 ? " AND 1 = 0" : $" AND am.segment_id IN ({List(include, "i")})");
        if (exclude.Count > 0)
            sql.Append($" AND NOT EXISTS (SELECT 1 FROM segment_members ax WHERE ax.tenant_id = am.tenant_id AND ax.contact_id = am.contact_id " +
                       $"AND ax.segment_id IN ({List(exclude, "x")}))");
        return new CompiledAudience(sql.ToString(), parameters);
    }
}
