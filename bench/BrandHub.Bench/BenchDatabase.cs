using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Bench;

/// <summary>A fresh, empty database of the provider under test (and a data directory), dropped when disposed.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public static string PostgresServer => Environment.GetEnvironmentVariable("BRANDHUB_BENCH_PG")
                                           ?? "Host=127.0.0.1;Username=brandhub;Password=brandhub;Database=postgres";

    private BenchDatabase(string provider, string dataDir, string connection, string? pgDatabase, bool kept = false)
    {
        Provider = provider; DataDir = dataDir; Connection = connection; PgDatabase = pgDatabase; Kept = kept;
    }

    public string Provider { get; }
    public string DataDir { get; }
    public string Connection { get; }
    private string? PgDatabase { get; }
    /// <summary>A named database that outlives the run (<see cref="OpenKeptAsync"/>): not dropped when disposed.</summary>
    public bool Kept { get; }

    public static string KeptDir(string provider, string name) => Path.Combine(Path.GetTempPath(), "brandhub-bench", $"{name}-{provider}");

    /// <summary>
    /// A database (and data directory) named <paramref name="name"/> that is kept between runs: created when missing,
    /// reused as it is otherwise (<c>brandhub-bench/{name}</c> in the temp directory; on PostgreSQL the database
    /// <c>bh_{name}</c>). The caller tells from its own marker whether the data in it is complete.
    /// </summary>
    /// <param name="reset">Drop what is there first (an earlier run stopped half-way).</param>
    public static async Task<BenchDatabase> OpenKeptAsync(string provider, string name, bool reset)
    {
        var dir = KeptDir(provider, name);
        if (reset && Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        if (provider != "postgres") return new BenchDatabase(provider, dir, $"Data Source={Path.Combine(dir, "brandhub.db")}", null, kept: true);
        var database = "bh_" + name.Replace('-', '_');
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        if (reset) await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        if (await new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{database}'", admin).ExecuteScalarAsync() is 0L)
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        return new BenchDatabase(provider, dir, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ToString(), database, kept: true);
    }

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
        if (Kept) return;
        if (PgDatabase is not null)
        {
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            try { await new NpgsqlCommand($"DROP DATABASE IF EXISTS {PgDatabase} WITH (FORCE)", admin).ExecuteNonQueryAsync(); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may not terminate an autovacuum worker (it runs as the superuser, after a big load); a plain
                // DROP does stop autovacuum itself, and our own connections are gone by now.
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {PgDatabase}", admin).ExecuteNonQueryAsync();
            }
        }
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
