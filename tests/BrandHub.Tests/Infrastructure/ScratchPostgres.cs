using Npgsql;

namespace BrandHub.Tests.Infrastructure;

/// <summary>Dropping a test's own PostgreSQL database when it is done.</summary>
public static class ScratchPostgres
{
    /// <summary>
    /// Drops the database, ending the test's leftover connections. <c>WITH (FORCE)</c> refuses (42501) when an autovacuum
    /// worker — a superuser process — is busy on it after a big write; a plain DROP stops autovacuum itself, and our own
    /// connections are gone by then (pools cleared).
    /// </summary>
    public static async Task DropAsync(string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(BrandHubHost.PostgresServer);
        await admin.OpenAsync();
        try { await new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin).ExecuteNonQueryAsync(); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName}", admin).ExecuteNonQueryAsync();
        }
    }
}
