using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Delivery.Support;

/// <summary>Short calls to the messages and deliveries API for tests.</summary>
public static class MessagesApi
{
    public static object Email(string subject = "Order {{data.order}}", string html = "<p>Hello {{contact.firstName}}, order {{data.order}}</p>") =>
        new { subject, html, text = "Order {{data.order}}" };

    public static async Task<List<JsonElement>> SendAsync(this HttpClient client, object request)
    {
        var response = await client.PostJsonAsync("/api/v1/messages", request);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, json.ToString());
        return json.GetProperty("messages").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> SendOneAsync(this HttpClient client, string category, object recipient, string? key = null, object? data = null) =>
        (await client.SendAsync(new { channel = "email", category, recipients = new[] { recipient }, content = Email(), data = data ?? new { order = "A-1" }, idempotencyKey = key })).Single();

    public static Guid DeliveryId(this JsonElement message) => message.GetProperty("deliveryId").GetGuid();

    public static Task<JsonElement> DeliveryAsync(this HttpClient client, Guid id) => client.GetJsonAsync($"/api/v1/deliveries/{id}");

    /// <summary>Waits until the delivery reaches one of the statuses; returns its detail (delivery + history).</summary>
    public static Task<JsonElement> WaitForStatusAsync(this HttpClient client, Guid id, params string[] statuses) =>
        Eventually.PollAsync(() => client.DeliveryAsync(id), d => statuses.Contains(d.GetProperty("delivery").Str("status")), $"delivery {id} to become {string.Join("/", statuses)}");

    public static string Status(this JsonElement detail) => detail.GetProperty("delivery").Str("status")!;

    public static List<(string? From, string To)> History(this JsonElement detail) =>
        detail.GetProperty("history").EnumerateArray().Select(h => (h.Str("from"), h.Str("to")!)).ToList();

    public static async Task<Guid> OptedInContactAsync(this HttpClient client, string email, object? extra = null)
    {
        var id = await client.CreateContactIdAsync(extra ?? new { email, firstName = "Ana" });
        await client.PutConsentAsync(id, AudienceApi.OptIn("email"));
        return id;
    }

    public static string UniqueEmail(string tag = "r") => $"{tag}-{Guid.NewGuid():N}@deliveries.test";
}
