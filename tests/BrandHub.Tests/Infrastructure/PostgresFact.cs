namespace BrandHub.Tests.Infrastructure;

/// <summary>A fact about PostgreSQL only (row-level security, session settings): skipped on the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!BrandHubHost.IsPostgres) Skip = "PostgreSQL only (run with BRANDHUB_TEST_PROVIDER=postgres).";
    }
}
