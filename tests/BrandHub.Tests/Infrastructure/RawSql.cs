using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Tests.Infrastructure;

/// <summary>
/// Plain ADO.NET access to the test database, beside the app (no EF, no tenant filter): for tampering with rows and
/// for checking what is really stored. On PostgreSQL the connection sees rows only as row-level security allows:
/// <see cref="RawSql.OpenAsync"/> with <c>bypassRls</c> sets <c>app.bypass_rls</c>, with a tenant sets <c>app.tenant_id</c>,
/// and with neither sets nothing at all.
/// </summary>
public static class RawSql
{
    public static async Task<DbConnection> OpenAsync(this BrandHubHost host, bool bypassRls = true, Guid? tenantId = null)
    {
        DbConnection conn = BrandHubHost.IsPostgres ? new NpgsqlConnection(host.ConnectionString) : new SqliteConnection(host.ConnectionString);
        await conn.OpenAsync();
        if (BrandHubHost.IsPostgres)
        {
            if (bypassRls) await conn.ExecuteAsync("SELECT set_config('app.bypass_rls', 'on', false)");
            if (tenantId is { } t) await conn.ExecuteAsync("SELECT set_config('app.tenant_id', @p0, false)", t.ToString());
        }
        else await conn.ExecuteAsync("PRAGMA busy_timeout=10000");
        return conn;
    }

    /// <summary>Runs SQL with positional parameters <c>@p0, @p1…</c>; returns the rows affected.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection conn, string sql, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        return await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(this DbConnection conn, string sql, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        var value = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row as column → value (as stored).</summary>
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(this DbConnection conn, string sql, params object?[] args)
    {
        await using var cmd = Command(conn, sql, args);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await r.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < r.FieldCount; i++) row[r.GetName(i)] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>How a tenant id is written in SQL on this provider (uuid on PostgreSQL, text on SQLite).</summary>
    public static object Id(Guid id) => BrandHubHost.IsPostgres ? id : id.ToString().ToUpperInvariant();

    /// <summary>How an instant is written in SQL on this provider (timestamptz, or Unix milliseconds on SQLite).</summary>
    public static object Instant(DateTimeOffset value) => BrandHubHost.IsPostgres ? value.ToUniversalTime() : value.ToUnixTimeMilliseconds();

    private static DbCommand Command(DbConnection conn, string sql, object?[] args)
    {
        var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = args[i] ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }
}
