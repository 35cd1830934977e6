using BrandHub.Data.Migrations;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BrandHub.Tests.Platform;

/// <summary>The hand-written SQL migrations must build exactly the schema the EF model maps (see docs/decisions/0002).</summary>
public sealed class SchemaTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Migrated_schema_matches_what_the_code_maps()
    {
        var (scope, db) = host.Database();
        using var _ = scope;
        var actual = await ReadColumnsAsync(db);
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            if (!actual.ContainsKey(table)) { problems.Add($"missing table {table}"); continue; }
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(id)!;
                if (!actual[table].TryGetValue(column, out var found)) { problems.Add($"missing column {table}.{column}"); continue; }
                var expectedType = Normalise(property.GetColumnType());
                if (expectedType != found.Type) problems.Add($"{table}.{column}: model {expectedType}, database {found.Type}");
                if (property.IsNullable != found.Nullable) problems.Add($"{table}.{column}: model nullable={property.IsNullable}, database nullable={found.Nullable}");
            }
            var mapped = entity.GetProperties().Select(p => p.GetColumnName(id)).ToHashSet();
            foreach (var (column, info) in actual[table])
                if (!mapped.Contains(column) && !info.Nullable) problems.Add($"{table}.{column} is NOT NULL in the database but not mapped: inserts would fail");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_tenant_owned_key_starts_with_tenant_id()
    {
        var (scope, db) = host.Database();
        using var _ = scope;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            entity.FindPrimaryKey()!.Properties[0].Name.ShouldBe("TenantId", $"primary key of {entity.GetTableName()}");
            foreach (var index in entity.GetIndexes().Where(i => i.Properties[0].Name != "Email" && i.Properties[0].Name != "Prefix"))
                index.Properties[0].Name.ShouldBe("TenantId", $"index {index.GetDatabaseName()}");
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_data()
    {
        var tenant = await host.NewTenantAsync();
        (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "kept@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BrandHubApp.MigrateAsync(host.App.Services)).ShouldBeEmpty();
        (await BrandHubApp.MigrateAsync(host.App.Services)).ShouldBeEmpty();
        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<BrandHub.Modules.Audience.Contacts.Contact>().CountAsync(c => c.Email == "kept@example.com")).ShouldBe(1);
        (await scope.ServiceProvider.GetRequiredService<MigrationRunner>().PendingAsync()).ShouldBeEmpty();
    }

    private sealed record ColumnInfo(string Type, bool Nullable);

    private static async Task<Dictionary<string, Dictionary<string, ColumnInfo>>> ReadColumnsAsync(BrandHubDb db)
    {
        var result = new Dictionary<string, Dictionary<string, ColumnInfo>>();
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();
            foreach (var table in tables)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = db.IsPostgres
                    ? $"SELECT column_name, udt_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'"
                    : $"SELECT name, type, \"notnull\" = 0 FROM pragma_table_info('{table}')";
                await using var r = await cmd.ExecuteReaderAsync();
                var columns = new Dictionary<string, ColumnInfo>();
                while (await r.ReadAsync()) columns[r.GetString(0)] = new ColumnInfo(Normalise(r.GetString(1)), Convert.ToBoolean(r.GetValue(2)));
                if (columns.Count > 0) result[table] = columns;
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return result;
    }

    private static string Normalise(string? type) => (type ?? "").ToLowerInvariant() switch
    {
        "timestamp with time zone" or "timestamptz" => "timestamptz",
        "integer" or "int4" => "integer",
        "bigint" or "int8" => "bigint",
        "boolean" or "bool" => "boolean",
        "double precision" or "float8" => "double",
        "real" => "real",
        var t when t.StartsWith("numeric") => "numeric", // information_schema's udt_name carries no precision
        var t => t,
    };
}
