using System.CommandLine;
using System.Text.Json;
using BrandHub.Data;
using BrandHub.Modules.Audience.Demo;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Cli;

/// <summary>The command-line verbs. Each builds the same host as <c>serve</c>, so configuration is read the same way.</summary>
public static class Verbs
{
    private static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Serve()
    {
        var serve = new Command("serve", "Serve the API, the web app and the background workers (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, ct) => ServeAsync(result.UnmatchedTokens.ToArray(), ct));
        return serve;
    }

    public static async Task<int> ServeAsync(string[] args, CancellationToken ct)
    {
        var app = BrandHubApp.Build(args);
        await BrandHubApp.MigrateAsync(app.Services, ct);
        await DemoSeeder.SeedIfEmptyAsync(app.Services, ct);
        await app.RunAsync();
        return 0;
    }

    public static Command Migrate()
    {
        var migrate = new Command("migrate", "Apply pending database migrations and exit.") { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction(async (result, ct) =>
        {
            var app = BuildForVerb(result.UnmatchedTokens.ToArray());
            var applied = await BrandHubApp.MigrateAsync(app.Services, ct);
            Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied migrations: {string.Join(", ", applied)}");
            return 0;
        });
        return migrate;
    }

    public static Command SeedDemo()
    {
        var contacts = new Option<int>("--contacts") { Description = "How many demo contacts", DefaultValueFactory = _ => DemoSeeder.DefaultContacts };
        var seed = new Command("seed-demo", "Create a demo tenant with an admin and realistic demo contacts.") { contacts };
        seed.TreatUnmatchedTokensAsErrors = false;
        seed.SetAction(async (result, ct) =>
        {
            var app = BuildForVerb(result.UnmatchedTokens.ToArray());
            await BrandHubApp.MigrateAsync(app.Services, ct);
            await DemoSeeder.SeedAsync(app.Services, result.GetValue(contacts), ct);
            return 0;
        });
        return seed;
    }

    public static Command Tenant()
    {
        var name = new Option<string>("--name") { Required = true, Description = "Tenant (company) name" };
        var email = new Option<string>("--admin-email") { Required = true };
        var password = new Option<string>("--admin-password") { Required = true };
        var country = new Option<string>("--default-country") { DefaultValueFactory = _ => "RO" };
        var timezone = new Option<string>("--timezone") { DefaultValueFactory = _ => "Europe/Bucharest" };
        var create = new Command("create", "Create a tenant and its owner; prints the tenant as JSON.") { name, email, password, country, timezone };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, ct) =>
        {
            var app = BuildForVerb(result.UnmatchedTokens.ToArray());
            await BrandHubApp.MigrateAsync(app.Services, ct);
            var (created, errors) = await app.Services.GetRequiredService<TenantProvisioning>().CreateTenantAsync(
                result.GetValue(name)!, result.GetValue(email)!, result.GetValue(password)!, result.GetValue(country)!, result.GetValue(timezone)!, ct);
            if (created is null) return Fail(errors);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                created.Tenant.Id, created.Tenant.Name, created.Tenant.Slug, created.Tenant.DefaultCountry, created.Tenant.Timezone,
                admin = new { created.Admin.Id, created.Admin.Email, created.Admin.Role },
            }, Pretty));
            return 0;
        });
        return new Command("tenant", "Manage tenants.") { create };
    }

    public static Command User()
    {
        var tenant = new Option<string>("--tenant") { Required = true, Description = "Tenant id or slug" };
        var email = new Option<string>("--email") { Required = true };
        var password = new Option<string>("--password") { Required = true };
        var role = new Option<string>("--role") { DefaultValueFactory = _ => "marketer", Description = "owner, admin, marketer, agent, analyst or viewer" };
        var display = new Option<string?>("--name") { Description = "Display name" };
        var create = new Command("create", "Create a user in a tenant; prints the user as JSON.") { tenant, email, password, role, display };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, ct) =>
        {
            var app = BuildForVerb(result.UnmatchedTokens.ToArray());
            await BrandHubApp.MigrateAsync(app.Services, ct);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.EnterPlatform();
            var key = result.GetValue(tenant)!;
            var found = Guid.TryParse(key, out var id)
                ? await db.Set<Modules.Platform.Tenancy.Tenant>().FirstOrDefaultAsync(t => t.Id == id, ct)
                : await db.Set<Modules.Platform.Tenancy.Tenant>().FirstOrDefaultAsync(t => t.Slug == key, ct);
            if (found is null) return Fail([new("tenant", $"No tenant '{key}'.")]);
            using var tenantScope = app.Services.CreateScope();
            var tdb = tenantScope.ServiceProvider.GetRequiredService<BrandHubDb>();
            tdb.Scope.Enter(found.Id);
            var (user, errors) = await app.Services.GetRequiredService<TenantProvisioning>().CreateUserAsync(tdb,
                tenantScope.ServiceProvider.GetRequiredService<AuditTrail>(), result.GetValue(email)!, result.GetValue(display), result.GetValue(role)!, result.GetValue(password)!, ct);
            if (user is null) return Fail(errors);
            Console.WriteLine(JsonSerializer.Serialize(new { user.Id, user.TenantId, user.Email, user.DisplayName, user.Role }, Pretty));
            return 0;
        });
        return new Command("user", "Manage users.") { create };
    }

    /// <summary>
    /// The host for a one-shot verb. Its stdout is the verb's result (JSON that scripts parse, or a message), so logs go
    /// to stderr, and without the SQL of every command.
    /// </summary>
    private static WebApplication BuildForVerb(string[] args) => BrandHubApp.Build(args, b =>
    {
        b.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        b.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
    });

    private static int Fail(IEnumerable<Core.FieldError> errors)
    {
        foreach (var e in errors) Console.Error.WriteLine($"{e.Field}: {e.Message}");
        return 2;
    }
}
