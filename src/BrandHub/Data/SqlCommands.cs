using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BrandHub.Data;

/// <summary>
/// Runs provider SQL with named parameters (<c>@name</c>) on the context's connection and inside its current transaction,
/// for the set-wise statements EF cannot express (compiled segment criteria, INSERT … SELECT). Values must already be in
/// the provider's storage form (see <see cref="BrandHubDbInstants.Instant"/>, <see cref="Core.Segments.SqlDialect"/>).
/// </summary>
public static class SqlCommands
{
    public static async Task<int> ExecuteAsync(this BrandHubDb db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        await using var cmd = await CommandAsync(db, sql, parameters, ct);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(this BrandHubDb db, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var cmd = await CommandAsync(db, sql, parameters, ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    private static async Task<DbCommand> CommandAsync(BrandHubDb db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken ct)
    {
        // The connection is opened through EF so its interceptors run (PostgreSQL session settings carry the tenant into RLS).
        await db.Database.OpenConnectionAsync(ct);
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters) cmd.With(name, value);
        return cmd;
    }

    /// <summary>Adds a named parameter (null becomes DBNull) to a raw command.</summary>
    public static DbParameter With(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>A GUID as each provider stores it: uuid on PostgreSQL, EF's upper-case text on SQLite.</summary>
    public static object Id(this BrandHubDb db, Guid id) => db.IsPostgres ? id : id.ToString().ToUpperInvariant();

    /// <summary>
    /// A list of ids as one parameter named <c>@ids</c>, read by a query of one column <c>id</c> — for <c>x IN (…)</c> or
    /// <c>FROM (…) AS i</c>: a uuid[] on PostgreSQL, a JSON array read by json_each on SQLite. One statement whatever the
    /// count, and no null handling for a list that holds none.
    /// </summary>
    public static (string Sql, (string Name, object? Value) Parameter) IdList(this BrandHubDb db, IEnumerable<Guid> ids) => db.IsPostgres
        ? ("SELECT unnest(@ids) AS id", ("@ids", ids.Distinct().ToArray()))
        : ("SELECT value AS id FROM json_each(@ids)", ("@ids", System.Text.Json.JsonSerializer.Serialize(ids.Distinct().Select(i => i.ToString().ToUpperInvariant()))));

    /// <summary>Reads a GUID column whatever the provider returns (uuid or text).</summary>
    public static Guid GetId(this DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is Guid g ? g : Guid.Parse(reader.GetString(ordinal));
}
