using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>A fresh, empty database of the provider under test (and a data directory), dropped when disposed.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public static string PostgresServer => Environment.GetEnvironmentVariable("BRANDHUB_BENCH_PG")
                                           ?? "Host=127.0.0.1;Username=brandhub;Password=brandhub;Database=postgres";

    private BenchDatabase(string provider, string dataDir, string connection, string? pgDatabase)
    {
        Provider = provider; DataDir = dataDir; Connection = connection; PgDatabase = pgDatabase;
    }

    public string Provider { get; }
    public string DataDir { get; }
    public string Connection { get; }
    private string? PgDatabase { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "brandhub-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (provider != "postgres") return new BenchDatabase(provider, dir, $"Data Source={Path.Combine(dir, "brandhub.db")}", null);
        var name = "bh_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        return new BenchDatabase(provider, dir, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString(), name);
    }

    /// <summary>The host settings for this database, as configuration keys (also usable as environment variables with <c>__</c>).</summary>
    public Dictionary<string, string?> HostSettings() => new()
    {
        ["Database:Provider"] = Provider, ["ConnectionStrings:BrandHub"] = Connection, ["BrandHub:DataDir"] = DataDir,
        ["BrandHub:Demo:Enabled"] = "false", ["BrandHub:Jobs:PollSeconds"] = "1", ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>One scalar read straight from the database, across tenants (on PostgreSQL as platform work, past row-level security).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        if (Provider == "postgres")
        {
            await using var conn = new NpgsqlConnection(Connection);
            await conn.OpenAsync();
            return Convert.ToInt64(await new NpgsqlCommand("SET app.bypass_rls = 'on'; " + sql, conn).ExecuteScalarAsync());
        }
        await using var sqlite = new SqliteConnection(Connection);
        await sqlite.OpenAsync();
        return Convert.ToInt64(await new SqliteCommand(sql, sqlite).ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        if (PgDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {PgDatabase} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
