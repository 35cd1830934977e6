using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BrandHub.Tests.Platform;

/// <summary>
/// The <c>brandhub</c> executable's verbs, run as an operator would run them (the built brandhub.dll in its own
/// process), configured only through the documented environment variables, each test on a fresh database.
/// </summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("brandhub-cli-").FullName;
    private string connectionString = "";
    private string? databaseName;

    public async Task InitializeAsync()
    {
        if (BrandHubHost.IsPostgres)
        {
            databaseName = "bh_cli_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(BrandHubHost.PostgresServer);
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE {databaseName}");
            connectionString = new NpgsqlConnectionStringBuilder(BrandHubHost.PostgresServer) { Database = databaseName }.ToString();
        }
        else connectionString = $"Data Source={Path.Combine(dataDir, "cli.db")}";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        if (databaseName is not null) await ScratchPostgres.DropAsync(databaseName);
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }

    private Task<ProcessResult> BrandHub(params string[] args) =>
        Processes.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "brandhub.dll"), .. args], new Dictionary<string, string?>
        {
            ["Database__Provider"] = BrandHubHost.Provider,
            ["ConnectionStrings__BrandHub"] = connectionString,
            ["BrandHub__DataDir"] = dataDir,
            ["BrandHub__Auth__PasswordIterations"] = "1000",
            ["DOTNET_NOLOGO"] = "1",
        }, workingDirectory: dataDir);

    private async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection conn = BrandHubHost.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await conn.OpenAsync();
        if (BrandHubHost.IsPostgres) await conn.ExecuteAsync("SELECT set_config('app.bypass_rls', 'on', false)");
        return conn;
    }

    private async Task<JsonElement> CreateTenantAsync(string name, string email)
    {
        var result = await BrandHub("tenant", "create", "--name", name, "--admin-email", email, "--admin-password", "correct horse battery");
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonDocument.Parse(result.StdOut).RootElement.Clone();
    }

    [Fact]
    public async Task Tenant_create_prints_the_new_tenant_as_JSON()
    {
        var result = await BrandHub("tenant", "create", "--name", "Acme Ltd", "--admin-email", "Owner@Acme.TEST", "--admin-password", "correct horse battery");

        result.ExitCode.ShouldBe(0, result.ToString());
        var tenant = JsonDocument.Parse(result.StdOut).RootElement; // stdout is the JSON document and nothing else
        Guid.TryParse(tenant.GetProperty("id").GetString(), out var id).ShouldBeTrue();
        tenant.GetProperty("name").GetString().ShouldBe("Acme Ltd");
        tenant.GetProperty("slug").GetString().ShouldBe("acme-ltd");
        tenant.GetProperty("defaultCountry").GetString().ShouldBe("RO");
        tenant.GetProperty("timezone").GetString().ShouldBe("Europe/Bucharest");
        tenant.GetProperty("admin").GetProperty("email").GetString().ShouldBe("owner@acme.test");
        tenant.GetProperty("admin").GetProperty("role").GetString().ShouldBe("owner");
        result.StdOut.ShouldNotContain("correct horse battery");

        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<long>("SELECT count(*) FROM tenants WHERE slug = 'acme-ltd'")).ShouldBe(1);
        (await db.ScalarAsync<string>("SELECT role FROM users WHERE email = 'owner@acme.test'")).ShouldBe("owner");
        (await db.ScalarAsync<long>("SELECT count(*) FROM audit_entries")).ShouldBe(2, "tenant.created and user.created");
    }

    [Fact]
    public async Task Tenant_create_takes_a_country_and_time_zone_and_keeps_slugs_unique()
    {
        await CreateTenantAsync("Beta Shop", "one@beta.test");
        var result = await BrandHub("tenant", "create", "--name", "Beta Shop", "--admin-email", "two@beta.test", "--admin-password", "correct horse battery",
            "--default-country", "DE", "--timezone", "Europe/Berlin");

        result.ExitCode.ShouldBe(0, result.ToString());
        var tenant = JsonDocument.Parse(result.StdOut).RootElement;
        tenant.GetProperty("slug").GetString().ShouldBe("beta-shop-2");
        tenant.GetProperty("defaultCountry").GetString().ShouldBe("DE");
        tenant.GetProperty("timezone").GetString().ShouldBe("Europe/Berlin");
    }

    [Fact]
    public async Task Tenant_create_with_an_invalid_email_fails_with_a_message_and_creates_nothing()
    {
        var result = await BrandHub("tenant", "create", "--name", "Broken", "--admin-email", "not-an-email", "--admin-password", "correct horse battery");

        result.ExitCode.ShouldNotBe(0);
        result.StdErr.ShouldContain("email", Case.Insensitive);
        result.StdOut.ShouldNotContain("\"slug\"");
        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(0);
    }

    [Fact]
    public async Task Tenant_create_with_a_short_password_or_a_taken_email_fails()
    {
        var shortPassword = await BrandHub("tenant", "create", "--name", "Weak", "--admin-email", "weak@weak.test", "--admin-password", "short");
        shortPassword.ExitCode.ShouldNotBe(0);
        shortPassword.StdErr.ShouldContain("password", Case.Insensitive);

        await CreateTenantAsync("First", "taken@owner.test");
        var taken = await BrandHub("tenant", "create", "--name", "Second", "--admin-email", "taken@owner.test", "--admin-password", "correct horse battery");
        taken.ExitCode.ShouldNotBe(0);
        taken.StdErr.ShouldContain("already exists");
        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(1);
    }

    [Fact]
    public async Task Tenant_create_without_its_required_options_fails()
    {
        var result = await BrandHub("tenant", "create", "--admin-email", "x@y.test");
        result.ExitCode.ShouldNotBe(0);
        (result.StdErr + result.StdOut).ShouldContain("--name");
    }

    [Fact]
    public async Task Migrate_applies_the_schema_once_and_then_reports_it_up_to_date()
    {
        var first = await BrandHub("migrate");
        var second = await BrandHub("migrate");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdOut.Trim().ShouldStartWith("Applied migrations: 1");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StdOut.Trim().ShouldBe("Schema is up to date.");
    }

    [Fact]
    public async Task Migrate_keeps_existing_data()
    {
        var tenant = await CreateTenantAsync("Kept", "kept@kept.test");

        var result = await BrandHub("migrate");

        result.StdOut.Trim().ShouldBe("Schema is up to date.");
        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<string>("SELECT name FROM tenants WHERE slug = 'kept'")).ShouldBe("Kept");
        tenant.GetProperty("slug").GetString().ShouldBe("kept");
    }

    [Fact]
    public async Task User_create_adds_a_user_with_a_role_to_a_tenant_found_by_slug_or_id()
    {
        var tenant = await CreateTenantAsync("Gamma Co", "owner@gamma.test");

        var bySlug = await BrandHub("user", "create", "--tenant", "gamma-co", "--email", "Viewer@Gamma.test", "--password", "viewer password", "--role", "viewer", "--name", "Vera Viewer");
        var byId = await BrandHub("user", "create", "--tenant", tenant.GetProperty("id").GetString()!, "--email", "marketer@gamma.test", "--password", "marketer password");

        bySlug.ExitCode.ShouldBe(0, bySlug.ToString());
        var viewer = JsonDocument.Parse(bySlug.StdOut).RootElement;
        viewer.GetProperty("email").GetString().ShouldBe("viewer@gamma.test");
        viewer.GetProperty("role").GetString().ShouldBe("viewer");
        viewer.GetProperty("displayName").GetString().ShouldBe("Vera Viewer");
        viewer.GetProperty("tenantId").GetString().ShouldBe(tenant.GetProperty("id").GetString());
        byId.ExitCode.ShouldBe(0, byId.ToString());
        JsonDocument.Parse(byId.StdOut).RootElement.GetProperty("role").GetString().ShouldBe("marketer", "the default role");

        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<string>("SELECT role FROM users WHERE email = 'viewer@gamma.test'")).ShouldBe("viewer");
        (await db.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'user.created'")).ShouldBe(3);
    }

    [Fact]
    public async Task User_create_refuses_an_unknown_tenant_role_or_a_taken_email()
    {
        await CreateTenantAsync("Delta", "owner@delta.test");

        var unknownTenant = await BrandHub("user", "create", "--tenant", "no-such-tenant", "--email", "a@delta.test", "--password", "long enough pw");
        var unknownRole = await BrandHub("user", "create", "--tenant", "delta", "--email", "b@delta.test", "--password", "long enough pw", "--role", "emperor");
        var taken = await BrandHub("user", "create", "--tenant", "delta", "--email", "owner@delta.test", "--password", "long enough pw");

        unknownTenant.ExitCode.ShouldNotBe(0);
        unknownTenant.StdErr.ShouldContain("no-such-tenant");
        unknownRole.ExitCode.ShouldNotBe(0);
        unknownRole.StdErr.ShouldContain("role", Case.Insensitive);
        taken.ExitCode.ShouldNotBe(0);
        taken.StdErr.ShouldContain("already exists");
        await using var db = await OpenDatabaseAsync();
        (await db.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(1);
    }
}
