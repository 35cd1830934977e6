using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BrandHub.Data;

/// <summary>
/// Prepares every connection as it opens. PostgreSQL: carries the unit of work's tenant into row-level security
/// (<c>app.tenant_id</c>), or <c>app.bypass_rls</c> for platform work. SQLite: secure_delete so erased personal
/// data is overwritten in the file, and a busy timeout so concurrent writers wait instead of failing.
/// </summary>
public sealed class SessionSettingsInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        if (eventData.Context is not BrandHubDb db) return;
        await using var cmd = connection.CreateCommand();
        if (db.IsPostgres)
        {
            cmd.CommandText = "SELECT set_config('app.tenant_id', @tenant, false), set_config('app.bypass_rls', @bypass, false)";
            AddParameter(cmd, "tenant", db.Scope.TenantId?.ToString() ?? "");
            AddParameter(cmd, "bypass", db.Scope.IsPlatform ? "on" : "off");
        }
        else
        {
            cmd.CommandText = "PRAGMA secure_delete=ON; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, string value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
