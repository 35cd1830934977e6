namespace BrandHub.Tests.Audience.Support;

/// <summary>A fact about SQLite's own database files: skipped on the PostgreSQL run.</summary>
public sealed class SqliteFileFactAttribute : FactAttribute
{
    public SqliteFileFactAttribute()
    {
        if (BrandHubHost.IsPostgres) Skip = "SQLite only: PostgreSQL's files belong to the server (its erase vacuums the tables instead).";
    }
}
