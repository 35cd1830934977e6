using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Segments;

/// <summary>
/// A fixed audience of 30 contacts (c01…c30@seg.test) whose fields, tags, attributes, consents and events follow simple rules
/// of their number, so each criteria case states its expected members as a rule too. One tenant, seeded once per host.
/// </summary>
public sealed class SegmentDataSet : BrandHubHost
{
    public const int Count = 30;
    public const string Hostile = "x' OR 1=1 --";

    public SegmentDataSet()
    {
        Settings["BrandHub:Segments:RefreshDebounceSeconds"] = "1";
        ConfigureServices = s => s.AddSingleton<BrandHub.Modules.Platform.Outbox.IOutboxSubscriber>(Subscriber);
    }

    /// <summary>Receives the outbox's segment events through the real relay.</summary>
    public RecordingSubscriber Subscriber { get; } = new();

    public TenantSession Tenant { get; private set; } = null!;
    public Dictionary<int, Guid> Ids { get; } = [];

    public static string Email(int i) => $"c{i:00}@seg.test";
    public static string? Country(int i) => i >= 29 ? null : i % 2 == 0 ? "RO" : "MD";
    public static string City(int i) => i == 30 ? Hostile : i <= 10 ? "Cluj-Napoca" : "Iasi";
    public static string Stage(int i) => i % 5 == 0 ? "customer" : "lead";
    public static bool Vip(int i) => i % 4 == 0;
    public static bool Newsletter(int i) => i % 6 == 0;
    public static string? Tier(int i) => i <= 5 ? "gold" : i <= 10 ? "silver" : null;
    public static int Points(int i) => i * 10;
    public static string? Birthday(int i) => i <= 3 ? $"2000-01-0{i}" : null;
    public static bool EmailConsent(int i) => i % 3 == 0;
    public static bool SmsConsent(int i) => i % 7 == 0;
    /// <summary>Recent purchases (within 10 days), 100 each; c07 and c08 bought 3 times long ago (200 days).</summary>
    public static int RecentPurchases(int i) => i <= 6 ? i : 0;
    public static int OldPurchases(int i) => i is 7 or 8 ? 3 : 0;
    public static bool LoggedInRecently(int i) => i <= 15;
    public static bool LoggedInLongAgo(int i) => i is > 15 and <= 20;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Tenant = await NewTenantAsync();
        var client = Tenant.Client;
        foreach (var (name, type) in new[] { ("tier", "string"), ("points", "number"), ("birthday", "date"), ("premium", "bool") })
            (await client.PostJsonAsync("/api/v1/contacts/attributes", new { name, type })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var now = DateTimeOffset.UtcNow;
        var events = new List<object>();
        for (var i = 1; i <= Count; i++)
        {
            var attributes = new Dictionary<string, object?> { ["points"] = Points(i), ["premium"] = i % 2 == 0 };
            if (Tier(i) is { } tier) attributes["tier"] = tier;
            if (Birthday(i) is { } birthday) attributes["birthday"] = birthday;
            var tags = new List<string>();
            if (Vip(i)) tags.Add("vip");
            if (Newsletter(i)) tags.Add("newsletter");
            var id = await client.CreateContactIdAsync(new
            {
                email = Email(i), firstName = i % 3 == 0 ? "Ana" : "Bogdan", lastName = i == 30 ? "O'Brien" : $"Pop{i}",
                country = Country(i), city = City(i), lifecycleStage = Stage(i), tags, attributes,
                phone = SmsConsent(i) ? $"+4072100{i:0000}" : null,
            });
            Ids[i] = id;
            if (EmailConsent(i)) await client.PutConsentAsync(id, AudienceApi.OptIn("email"));
            if (SmsConsent(i)) await client.PutConsentAsync(id, AudienceApi.OptIn("sms"));
            for (var n = 0; n < RecentPurchases(i); n++)
                events.Add(new { contactId = id, name = "purchase", occurredAt = now.AddDays(-1 - n), revenue = 100m, currency = "RON", properties = new { sku = n % 2 == 0 ? "SHOE" : "HAT", total = 100 } });
            for (var n = 0; n < OldPurchases(i); n++)
                events.Add(new { contactId = id, name = "purchase", occurredAt = now.AddDays(-200 - n), revenue = 200m, currency = "RON", properties = new { sku = "COAT" } });
            if (LoggedInRecently(i)) events.Add(new { email = Email(i), name = "login", occurredAt = now.AddDays(-5) });
            if (LoggedInLongAgo(i)) events.Add(new { email = Email(i), name = "login", occurredAt = now.AddDays(-60) });
        }
        var response = await client.PostJsonAsync("/api/v1/contacts/events", new { events });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> CreateSegmentAsync(object body, HttpClient? client = null)
    {
        var response = await (client ?? Tenant.Client).PostJsonAsync("/api/v1/segments", body);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public async Task<List<string>> MemberEmailsAsync(Guid segmentId, HttpClient? client = null)
    {
        var page = await (client ?? Tenant.Client).GetJsonAsync($"/api/v1/segments/{segmentId}/members?pageSize=200");
        return page.Items().Select(m => m.Str("email")!).Order().ToList();
    }
}
