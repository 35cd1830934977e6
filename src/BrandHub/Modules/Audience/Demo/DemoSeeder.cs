using System.Security.Cryptography;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Demo;

/// <summary>
/// The demo tenant a newcomer sees on first start: an owner whose password is printed once, and a few thousand
/// generated contacts with a realistic consent mix. No real personal data: emails use the reserved example.* domains,
/// phones the UK's fictional 07700 900xxx range, names are random combinations.
/// </summary>
public static class DemoSeeder
{
    public const int DefaultContacts = 3000;
    public const string AdminEmail = "admin@demo.brandhub.test";

    private static readonly string[] FirstNames = ["Andrei", "Maria", "Ioana", "Alexandru", "Elena", "Mihai", "Ana", "Stefan", "Cristina", "Gabriel",
        "Ioan", "Raluca", "Vlad", "Diana", "Radu", "Bianca", "Sorin", "Irina", "Florin", "Oana", "Lukas", "Sophie", "Marco", "Giulia", "Jan", "Eva"];
    private static readonly string[] LastNames = ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin", "Gheorghe", "Rusu", "Matei", "Marin", "Tudor",
        "Munteanu", "Florea", "Dobre", "Barbu", "Nistor", "Lungu", "Ene", "Toma", "Moldovan", "Zamfir", "Becker", "Rossi", "Novak", "Horvat"];
    private static readonly string[] Cities = ["Bucuresti", "Cluj-Napoca", "Iasi", "Timisoara", "Brasov", "Constanta", "Sibiu", "Oradea", "Vienna", "Milan", "Budapest"];
    private static readonly string[] Tags = ["newsletter", "vip", "b2b", "loyalty", "fitness", "fashion", "gaming", "wholesale", "winback"];
    private static readonly string[] Stages = ["subscriber", "lead", "prospect", "customer", "repeat_customer", "churned"];
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];

    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.EnterPlatform();
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!config.GetValue("BrandHub:Demo:Enabled", true) || await db.Set<Tenant>().AnyAsync(ct)) return;
        await SeedAsync(services, config.GetValue("BrandHub:Demo:Contacts", DefaultContacts), ct);
    }

    public static async Task SeedAsync(IServiceProvider services, int contacts, CancellationToken ct)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var password = config["BrandHub:Demo:AdminPassword"] is { Length: > 0 } configured ? configured
            : Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var existing = 0;
        for (; ; existing++)
        {
            var email = existing == 0 ? AdminEmail : $"admin{existing + 1}@demo.brandhub.test";
            var (created, errors) = await services.GetRequiredService<TenantProvisioning>().CreateTenantAsync(
                existing == 0 ? "Demo Shop" : $"Demo Shop {existing + 1}", email, password, "RO", "Europe/Bucharest", ct);
            if (created is null && errors.Any(e => e.Message.Contains("already exists"))) continue;
            if (created is null) throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
            await SeedContactsAsync(services, created.Tenant.Id, contacts, ct);
            await Content.Templates.StarterTemplates.SeedAsync(services, created.Tenant.Id, ct);
            await Analytics.Demo.DemoTraffic.SeedAsync(services, created.Tenant.Id, ct);
            await Seo.Demo.DemoCatalogue.SeedAsync(services, created.Tenant.Id, ct);
            // Printed once, on purpose: the password is not stored anywhere readable.
            Console.WriteLine($"""

                ================ BrandHub demo tenant ================
                  Tenant:   {created.Tenant.Name} ({contacts:N0} demo contacts)
                  Sign in:  {email}
                  Password: {password}
                ======================================================

                """);
            return;
        }
    }

    private static async Task SeedContactsAsync(IServiceProvider services, Guid tenantId, int count, CancellationToken ct)
    {
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.Enter(tenantId);
            db.AddRange(
                new AttributeDefinition { TenantId = tenantId, Name = "loyalty_points", Type = "number", Label = "Loyalty points", CreatedAt = now },
                new AttributeDefinition { TenantId = tenantId, Name = "birthday", Type = "date", Label = "Birthday", CreatedAt = now },
                new AttributeDefinition { TenantId = tenantId, Name = "newsletter_frequency", Type = "string", Label = "Newsletter frequency", CreatedAt = now },
                new AttributeDefinition { TenantId = tenantId, Name = "b2b_account", Type = "bool", Label = "B2B account", CreatedAt = now });
            scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("demo.seeded", "tenant", tenantId.ToString(), null, new { contacts = count });
            await db.SaveChangesAsync(ct);
        }

        for (var start = 0; start < count; start += 500)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
            db.Scope.Enter(tenantId);
            var timeline = scope.ServiceProvider.GetRequiredService<ContactTimeline>();
            for (var i = start; i < Math.Min(count, start + 500); i++)
            {
                var first = FirstNames[random.Next(FirstNames.Length)];
                var last = LastNames[random.Next(LastNames.Length)];
                var created = now.AddDays(-random.Next(1, 720)).AddMinutes(-random.Next(1440));
                var c = new Contact
                {
                    TenantId = tenantId, Id = Guid.CreateVersion7(created), FirstName = first, LastName = last,
                    Email = $"{Fold(first)}.{Fold(last)}.{i + 1}@{Domains[i % Domains.Length]}",
                    Phone = i < 1000 ? $"+447700900{i:000}" : null,
                    City = Cities[random.Next(Cities.Length)], Country = random.NextDouble() < 0.8 ? "RO" : "AT",
                    Locale = random.NextDouble() < 0.75 ? "ro-RO" : "en-GB", Timezone = "Europe/Bucharest",
                    LifecycleStage = Stages[random.Next(Stages.Length)],
                    Company = random.NextDouble() < 0.2 ? $"{last} Trading SRL" : null,
                    AttributesJson = $$"""{"loyalty_points":{{random.Next(0, 5000)}},"newsletter_frequency":"{{(random.NextDouble() < 0.5 ? "weekly" : "monthly")}}"}""",
                    CreatedAt = created, UpdatedAt = created,
                };
                c.MatchKey = Core.Audience.IdentityMatcher.BlockingKey(new(c.FirstName, c.LastName, c.Company, c.City));
                foreach (var tag in Tags.Where(_ => random.NextDouble() < 0.18))
                    c.Tags.Add(new ContactTag { TenantId = tenantId, ContactId = c.Id, Tag = tag });
                AddConsent(c, "email", random.NextDouble() switch { < 0.6 => "opted_in", < 0.7 => "opted_out", _ => null }, created);
                AddConsent(c, "sms", c.Phone is null ? null : random.NextDouble() switch { < 0.35 => "opted_in", < 0.45 => "opted_out", _ => null }, created);
                AddConsent(c, "whatsapp", c.Phone is null ? null : random.NextDouble() < 0.2 ? "opted_in" : null, created);
                AddConsent(c, "profiling", random.NextDouble() < 0.4 ? "opted_in" : null, created);
                if (random.NextDouble() < 0.03) c.GlobalUnsubscribeAt = created.AddDays(3);
                db.Add(c);
                timeline.Add(c.Id, "contact.created", "Created by the demo seed");
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static void AddConsent(Contact c, string channel, string? status, DateTimeOffset at)
    {
        if (status is null) return;
        c.Consents.Add(new ContactConsent
        {
            TenantId = c.TenantId, ContactId = c.Id, Channel = channel, Status = status, Source = "demo-signup-form",
            LegalBasis = status == "opted_in" ? "consent" : null, ProofReference = status == "opted_in" ? "demo-seed" : null, UpdatedAt = at,
        });
    }

    private static string Fold(string s) => Core.Audience.NameFolding.Fold(s).Replace(' ', '-');
}
