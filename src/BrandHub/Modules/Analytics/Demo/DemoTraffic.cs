using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Analytics.Costs;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Analytics.Tracking;
using BrandHub.Modules.Audience.Contacts;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Demo;

/// <summary>
/// Ninety days of a shop's traffic for the demo tenant, so the dashboard tells a story on first run: visits over eight
/// channels with weekly seasonality and a Black-Friday lift in the last two weeks, purchases (some by known contacts who
/// identified), ad spend per day for the paid channels and a newsletter tool fee. Generated, seeded, no real data.
/// </summary>
public static class DemoTraffic
{
    public const int Days = 90;

    /// <summary>A traffic source: its share of visits, the chance a visit ends in a purchase, the average order and the daily spend.</summary>
    private sealed record Source(string Url, string? Referrer, double Share, double Converts, decimal AverageOrder, decimal Spend, string SpendChannel, string Campaign);

    private static readonly Source[] Sources =
    [
        new("https://shop.demo.brandhub.test/?gclid={id}&utm_campaign=brand-search", null, 0.17, 0.045, 240, 120, TouchChannels.PaidSearch, "brand-search"),
        new("https://shop.demo.brandhub.test/?gclid={id}&utm_campaign=generic-search", null, 0.10, 0.025, 210, 80, TouchChannels.PaidSearch, "generic-search"),
        new("https://shop.demo.brandhub.test/?utm_source=facebook&utm_medium=paid_social&utm_campaign=xmas-2026", null, 0.14, 0.03, 190, 110, TouchChannels.PaidSocial, "xmas-2026"),
        new("https://shop.demo.brandhub.test/blog/winter-guide", "https://www.google.ro/", 0.18, 0.02, 220, 0, "", ""),
        new("https://shop.demo.brandhub.test/", "https://www.instagram.com/", 0.09, 0.008, 170, 0, "", ""),
        new("https://shop.demo.brandhub.test/?utm_source=newsletter&utm_medium=email&utm_campaign=weekly-newsletter", null, 0.12, 0.05, 230, 25, TouchChannels.Email, "weekly-newsletter"),
        new("https://shop.demo.brandhub.test/?utm_source=brandhub&utm_medium=sms&utm_campaign=flash-sale", null, 0.04, 0.06, 160, 0, "", ""),
        new("https://shop.demo.brandhub.test/", "https://blog.example.org/best-gifts", 0.05, 0.025, 260, 0, "", ""),
        new("https://shop.demo.brandhub.test/", null, 0.11, 0.03, 250, 0, "", ""),
    ];

    public static async Task SeedAsync(IServiceProvider services, Guid tenantId, CancellationToken ct)
    {
        var random = new Random(7);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.Enter(tenantId);
        var calendar = await scope.ServiceProvider.GetRequiredService<Reports.TenantCalendar>().DaysAsync(ct);
        var today = calendar.DayOf(DateTimeOffset.UtcNow);
        var contacts = await db.Set<Contact>().Where(c => c.Email != null).OrderBy(c => c.Id).Select(c => c.Id).Take(2000).ToListAsync(ct);
        var received = DateTimeOffset.UtcNow;
        var orders = 0;
        var identified = new Dictionary<string, VisitorIdentity>();

        for (var d = Days - 1; d >= 0; d--)
        {
            var day = today.AddDays(-d);
            var dayStart = calendar.Start(day);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var lift = (weekend ? 1.25 : 1.0) * (1 + 0.4 * (Days - d) / Days) * (d < 14 ? 1.6 : 1.0);
            var visits = (int)(130 * lift * (0.85 + 0.3 * random.NextDouble()));
            for (var v = 0; v < visits; v++)
            {
                var source = Pick(random);
                var visitor = $"demo-{random.Next(0, 40_000)}";
                var at = dayStart.AddSeconds(random.Next(6 * 3600, 23 * 3600));
                if (at > received) at = received.AddMinutes(-random.Next(1, 600));
                var url = source.Url.Replace("{id}", Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())));
                Add(db, tenantId, "page_view", visitor, at, received, url, source.Referrer);
                Add(db, tenantId, "view_content", visitor, at.AddSeconds(40), received, "https://shop.demo.brandhub.test/p/" + random.Next(1, 300), null);
                if (random.NextDouble() < source.Converts * (d < 14 ? 1.3 : 1.0) * 2.5)
                    Add(db, tenantId, "add_to_cart", visitor, at.AddMinutes(3), received, "https://shop.demo.brandhub.test/cart", null);
                if (random.NextDouble() >= source.Converts * (d < 14 ? 1.3 : 1.0)) continue;
                // Most buyers sign in (identify) at checkout: the visitor becomes one of the demo contacts, for good.
                Guid? contact = identified.TryGetValue(visitor, out var known) ? known.ContactId
                    : contacts.Count > 0 && random.NextDouble() < 0.6 ? contacts[random.Next(contacts.Count)] : null;
                if (contact is { } c && known is null)
                    identified[visitor] = db.Add(new VisitorIdentity { TenantId = tenantId, AnonymousId = visitor, ContactId = c, IdentifiedAt = at.AddMinutes(8) }).Entity;
                var order = Add(db, tenantId, "purchase", visitor, at.AddMinutes(9), received, "https://shop.demo.brandhub.test/checkout/done", null);
                order.ContactId = contact;
                order.Revenue = decimal.Round(source.AverageOrder * (decimal)(0.5 + random.NextDouble()), 2);
                order.Currency = "RON";
                order.OrderId = $"DEMO-{++orders:00000}";
            }

            foreach (var spend in Sources.Where(s => s.Spend > 0))
                db.Add(new MarketingCost
                {
                    TenantId = tenantId, Day = Core.Attribution.ReportDays.Key(day), Channel = spend.SpendChannel, Campaign = spend.Campaign, Currency = "RON", Source = "demo",
                    Amount = decimal.Round(spend.Spend * (decimal)(lift * (0.8 + 0.4 * random.NextDouble())), 2), UpdatedAt = received, UpdatedBy = "demo",
                });
        }
        await db.SaveChangesInBulkAsync(ct);
        await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>().RunAsync(ct);
    }

    private static Source Pick(Random random)
    {
        var x = random.NextDouble() * Sources.Sum(s => s.Share);
        foreach (var s in Sources) if ((x -= s.Share) <= 0) return s;
        return Sources[^1];
    }

    private static TrackEvent Add(BrandHubDb db, Guid tenantId, string type, string visitor, DateTimeOffset at, DateTimeOffset received, string url, string? referrer)
    {
        var e = new TrackEvent
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(at), EventId = Guid.NewGuid().ToString("N"), Type = type, Name = type,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()), ReceivedAt = received, AnonymousId = visitor,
            Url = url, Referrer = referrer, PropertiesJson = "{}",
        };
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query);
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        (e.UtmSource, e.UtmMedium, e.UtmCampaign) = (Param("utm_source"), Param("utm_medium"), Param("utm_campaign"));
        if (Param("gclid") is { } gclid) (e.ClickKind, e.ClickId) = ("gclid", gclid);
        e.Channel = ChannelClassifier.Classify(new TouchSource(e.UtmSource, e.UtmMedium, referrer, Gclid: e.ClickId, SiteHosts: ["shop.demo.brandhub.test"]));
        e.Source = TrackEventReader.SourceOf(e);
        db.Add(e);
        return e;
    }
}
