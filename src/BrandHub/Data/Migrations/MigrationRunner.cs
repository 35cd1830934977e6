using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts embedded under <c>Data/Migrations/{sqlite|postgres}/V####__name.sql</c>
/// in order, each in its own transaction, recording them in <c>schema_migrations</c>. Safe to run twice and by
/// several nodes at once (an advisory lock on PostgreSQL, <c>BEGIN IMMEDIATE</c> on SQLite). An applied script
/// whose text changed is refused: migrations are append-only. See docs/decisions/0002-sql-migrations.md.
/// </summary>
public sealed class MigrationRunner(BrandHubDb db, ILogger<MigrationRunner> log)
{
    private const long PostgresLockKey = 0x4272616E64487562; // "BrandHub"

    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Script> ScriptsFor(bool postgres)
    {
        var folder = postgres ? ".postgres." : ".sqlite.";
        var asm = typeof(MigrationRunner).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.Contains(".Data.Migrations" + folder) && n.EndsWith(".sql"))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4]; // V0001__foundation
                var parts = file.Split("__", 2);
                var sql = Read(asm, n);
                return new Script(int.Parse(parts[0].TrimStart('V')), parts[1], sql,
                    Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n")))));
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Brings the schema up to date; returns the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct = default)
    {
        db.Scope.EnterPlatform();
        var postgres = db.IsPostgres;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Exec(conn, null, postgres
                ? "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
                : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)", ct);
            if (!postgres) await Exec(conn, null, "PRAGMA journal_mode=WAL", ct);

            var applied = new List<int>();
            foreach (var script in ScriptsFor(postgres))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                if (postgres) await Exec(conn, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
                else await Exec(conn, tx, "UPDATE schema_migrations SET version = version WHERE 0", ct); // takes the write lock now

                var existing = await Scalar(conn, tx, $"SELECT checksum FROM schema_migrations WHERE version = {script.Version}", ct);
                if (existing is string checksum)
                {
                    if (checksum != script.Checksum)
                        throw new InvalidOperationException(
                            $"Migration V{script.Version:0000} '{script.Name}' was changed after it was applied. Add a new migration instead.");
                    await tx.RollbackAsync(ct);
                    continue;
                }

                log.LogInformation("Applying migration V{Version:0000} {Name}", script.Version, script.Name);
                await Exec(conn, tx, script.Sql, ct);
                await using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@v, @n, @c)";
                    Add(cmd, "@v", script.Version); Add(cmd, "@n", script.Name); Add(cmd, "@c", script.Checksum);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                applied.Add(script.Version);
            }
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Versions not yet applied (used by the readiness check).</summary>
    public async Task<IReadOnlyList<int>> PendingAsync(CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var applied = new HashSet<int>();
            try
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT version FROM schema_migrations";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) applied.Add(Convert.ToInt32(r.GetValue(0)));
            }
            catch (DbException) { /* no table yet: everything is pending */ }
            return ScriptsFor(db.IsPostgres).Select(s => s.Version).Where(v => !applied.Contains(v)).ToList();
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static string Read(Assembly asm, string name)
    {
        using var s = asm.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    private static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0; // a migration that rewrites a large table takes as long as it takes; it runs once
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is DBNull ? null : v;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
