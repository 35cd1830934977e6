using System.Text.Json;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;

namespace BrandHub.Tests.Campaigns;

/// <summary>Campaign API calls and audience set-up shared by the campaign tests.</summary>
public static class CampaignApi
{
    public const string Base = "/api/v1/marketing/campaigns";

    /// <summary>A static segment holding exactly these contacts, made through the segments API.</summary>
    public static async Task<Guid> StaticSegmentAsync(this HttpClient client, IEnumerable<Guid> contactIds, string name = "Test segment")
    {
        var created = await client.PostJsonAsync("/api/v1/segments", new { name, type = "static" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).Id();
        var added = await client.PostJsonAsync($"/api/v1/segments/{id}/members", new { contactIds = contactIds.ToArray() });
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary><paramref name="count"/> opted-in email contacts; returns their ids and addresses.</summary>
    public static async Task<List<(Guid Id, string Email)>> OptedInContactsAsync(this HttpClient client, int count, string tag = "c")
    {
        var result = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var email = MessagesApi.UniqueEmail(tag);
            result.Add((await client.OptedInContactAsync(email, new { email, firstName = $"Ana{i}" }), email));
        }
        return result;
    }

    public static async Task<JsonElement> CreateCampaignAsync(this HttpClient client, Guid[] segments, object? extra = null, string timezone = "Europe/Bucharest")
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Black Friday " + Guid.NewGuid().ToString("N")[..6], ["goal"] = "conversion", ["timezone"] = timezone,
            ["audience"] = new { segmentIds = segments, excludeSegmentIds = Array.Empty<Guid>() },
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        var response = await client.PostJsonAsync(Base, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static object EmailStep(string subject = "Hello {{default contact.firstName \"there\"}}", object? variants = null, decimal holdout = 0) =>
        variants is null
            ? new { channel = "email", name = "Announcement", content = new { subject, html = "<p>Hi {{default contact.firstName \"there\"}}, <a href=\"https://shop.example/sale\">shop</a></p>" }, holdoutPercent = holdout }
            : new { channel = "email", name = "Announcement", variants, holdoutPercent = holdout };

    public static async Task<JsonElement> AddStepAsync(this HttpClient client, Guid campaign, object step)
    {
        var response = await client.PostJsonAsync($"{Base}/{campaign}/steps", step);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid campaign, string action, object? body = null) =>
        client.PostJsonAsync($"{Base}/{campaign}/{action}", body ?? new { });

    public static Task<JsonElement> ProgressAsync(this HttpClient client, Guid campaign) => client.GetJsonAsync($"{Base}/{campaign}/progress");

    public static async Task<List<JsonElement>> MetricsAsync(this HttpClient client, Guid campaign) =>
        (await client.GetJsonAsync($"{Base}/{campaign}/metrics")).EnumerateArray().ToList();

    public static async Task<string> StatusAsync(this HttpClient client, Guid campaign) => (await client.GetJsonAsync($"{Base}/{campaign}")).Str("status")!;
}
