using System.Data.Common;
using System.Text;

namespace BrandHub.Tests.Audience.Support;

/// <summary>
/// Reads the whole database the way an auditor would: every table the schema has (from sqlite_master or
/// information_schema, not from the EF model), every row, every text, JSON or binary column.
/// </summary>
public static class DatabaseScan
{
    public sealed record Hit(string Table, string Column, string Needle);

    public static async Task<IReadOnlyList<string>> TablesAsync(BrandHubDb db)
    {
        var tables = new List<string>();
        await WithConnectionAsync(db, async conn =>
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = db.IsPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        });
        return tables;
    }

    /// <summary>Every place any of the needles occurs (case-insensitive for text; UTF-8 bytes for blobs).</summary>
    public static async Task<IReadOnlyList<Hit>> FindAsync(BrandHubDb db, params string[] needles)
    {
        var hits = new List<Hit>();
        var tables = await TablesAsync(db);
        await WithConnectionAsync(db, async conn =>
        {
            foreach (var table in tables)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{table}\"";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        if (r.IsDBNull(i)) continue;
                        var text = r.GetValue(i) switch
                        {
                            string s => s,
                            byte[] b => Encoding.UTF8.GetString(b),
                            var other => other.ToString() ?? "",
                        };
                        foreach (var needle in needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                            hits.Add(new Hit(table, r.GetName(i), needle));
                    }
            }
        });
        return hits.Distinct().ToList();
    }

    /// <summary>Row count of every table, to prove a rejected request stored nothing anywhere.</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(BrandHubDb db)
    {
        var counts = new Dictionary<string, long>();
        var tables = await TablesAsync(db);
        await WithConnectionAsync(db, async conn =>
        {
            foreach (var table in tables)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await cmd.ExecuteScalarAsync());
            }
        });
        return counts;
    }

    public static async Task<Dictionary<string, long>> RowCountsAsync(BrandHubHost host)
    {
        var (scope, db) = host.Database();
        using var _ = scope;
        return await RowCountsAsync(db);
    }

    private static async Task WithConnectionAsync(BrandHubDb db, Func<DbConnection, Task> work)
    {
        await db.Database.OpenConnectionAsync();
        try { await work(db.Database.GetDbConnection()); }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
