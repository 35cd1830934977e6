using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Tests.Audience.Support;

/// <summary>A fresh, empty database of the provider under test (its own SQLite directory, or a new PostgreSQL database), dropped at the end.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "brandhub-tests", "scratch-" + Guid.NewGuid().ToString("N"));
    public string ConnectionString { get; private set; } = "";
    private string? databaseName;

    public static async Task<ScratchDatabase> CreateAsync()
    {
        var db = new ScratchDatabase();
        Directory.CreateDirectory(db.DataDir);
        if (BrandHubHost.IsPostgres)
        {
            db.databaseName = "bh_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(BrandHubHost.PostgresServer);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {db.databaseName}", admin);
            await cmd.ExecuteNonQueryAsync();
            db.ConnectionString = new NpgsqlConnectionStringBuilder(BrandHubHost.PostgresServer) { Database = db.databaseName }.ToString();
        }
        else db.ConnectionString = $"Data Source={Path.Combine(db.DataDir, "brandhub.db")}";
        return db;
    }

    /// <summary>The environment a brandhub process needs to run on this database.</summary>
    public Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["Database__Provider"] = BrandHubHost.Provider,
            ["ConnectionStrings__BrandHub"] = ConnectionString,
            ["BrandHub__DataDir"] = DataDir,
            ["BrandHub__Demo__Enabled"] = "false",
            ["BrandHub__Auth__PasswordIterations"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    /// <summary>A plain connection that sees every tenant's rows (row-level security bypassed on PostgreSQL).</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection conn = BrandHubHost.IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await conn.OpenAsync();
        if (BrandHubHost.IsPostgres)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT set_config('app.bypass_rls', 'on', false)";
            await cmd.ExecuteNonQueryAsync();
        }
        return conn;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        if (databaseName is not null) await ScratchPostgres.DropAsync(databaseName);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
