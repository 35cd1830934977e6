using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandHub.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace BrandHub.Tests.Infrastructure;

/// <summary>
/// The real BrandHub host on Kestrel (loopback, random port) over a fresh database of the provider under test:
/// SQLite by default, PostgreSQL when <c>BRANDHUB_TEST_PROVIDER=postgres</c> (server from <c>BRANDHUB_TEST_PG</c>,
/// connecting as a non-superuser so row-level security applies). Each host gets its own database, dropped at the end.
/// </summary>
public class BrandHubHost : IAsyncLifetime
{
    public static string Provider => Environment.GetEnvironmentVariable("BRANDHUB_TEST_PROVIDER") is "postgres" ? "postgres" : "sqlite";
    public static bool IsPostgres => Provider == "postgres";
    public static string PostgresServer => Environment.GetEnvironmentVariable("BRANDHUB_TEST_PG")
                                           ?? "Host=127.0.0.1;Username=brandhub;Password=brandhub;Database=postgres";

    public WebApplication App { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "brandhub-tests", Guid.NewGuid().ToString("N"));
    public string ConnectionString { get; private set; } = "";
    public string? DatabaseName { get; private set; }
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Extra service registrations (test job handlers, a fake clock…), applied before the host's own;
    /// set it, like <see cref="Settings"/>, before <see cref="InitializeAsync"/> (e.g. in a subclass constructor).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        if (IsPostgres)
        {
            DatabaseName = "bh_test_" + Guid.NewGuid().ToString("N")[..12];
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using (var cmd = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin)) await cmd.ExecuteNonQueryAsync();
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName }.ToString();
        }
        else ConnectionString = $"Data Source={Path.Combine(DataDir, "brandhub.db")}";

        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["ConnectionStrings:BrandHub"] = ConnectionString,
            ["BrandHub:DataDir"] = DataDir,
            ["BrandHub:Demo:Enabled"] = "false",
            ["BrandHub:Auth:PasswordIterations"] = "1000",
            ["BrandHub:Auth:LoginAttemptsPerMinute"] = "1000",
            ["BrandHub:Jobs:PollSeconds"] = "0.1",
            ["BrandHub:Seo:AllowPrivateAddresses"] = "true", // the test shop is on loopback
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in Settings) settings[k] = v;
        App = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            ConfigureServices?.Invoke(b.Services);
        });
        await BrandHubApp.MigrateAsync(App.Services);
        await App.StartAsync();
        var address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public virtual async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (DatabaseName is not null) await ScratchPostgres.DropAsync(DatabaseName);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A new tenant with an owner, and a client signed in as that owner.</summary>
    public async Task<TenantSession> NewTenantAsync(string? name = null)
    {
        var email = $"owner-{Guid.NewGuid():N}@tenant.test";
        var (created, errors) = await App.Services.GetRequiredService<BrandHub.Modules.Platform.Tenancy.TenantProvisioning>()
            .CreateTenantAsync(name ?? "Tenant " + Guid.NewGuid().ToString("N")[..6], email, "correct horse battery", "RO", "Europe/Bucharest");
        if (created is null) throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
        return new TenantSession(created.Tenant.Id, email, await SignInAsync(email, "correct horse battery"));
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        using var anon = Anonymous();
        var response = await anon.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A DbContext on the test database in the given tenant (or platform scope when null), for assertions.</summary>
    public (IServiceScope Scope, BrandHubDb Db) Database(Guid? tenantId = null)
    {
        var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        if (tenantId is { } t) db.Scope.Enter(t); else db.Scope.EnterPlatform();
        return (scope, db);
    }
}

public sealed record TenantSession(Guid TenantId, string OwnerEmail, HttpClient Client);
