using System.Net.Http.Json;
using System.Text.Json;

namespace BrandHub.Tests.Audience.Support;

/// <summary>Short, intention-revealing calls to the audience API for tests.</summary>
public static class AudienceApi
{
    public static async Task<JsonElement> CreateContactAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/contacts", body);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<Guid> CreateContactIdAsync(this HttpClient client, object body) =>
        (await client.CreateContactAsync(body)).Id();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {json}");
        return json;
    }

    public static async Task<JsonElement> PutConsentAsync(this HttpClient client, Guid contactId, object change)
    {
        var response = await client.PutJsonAsync($"/api/v1/contacts/{contactId}/consents", change);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// <summary>A consent change that is valid for opted_in: basis consent with proof.</summary>
    public static object OptIn(string channel, string reference = "form-42") => new
    {
        channel, status = "opted_in", source = "signup_form", legalBasis = "consent",
        proof = new { ip = "203.0.113.7", userAgent = "Mozilla/5.0 (test)", reference },
    };

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static string? Str(this JsonElement json, string property) =>
        json.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static List<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static List<Guid> ItemIds(this JsonElement page) => page.Items().Select(i => i.Id()).ToList();

    public static int Total(this JsonElement page) => page.GetProperty("total").GetInt32();

    public static List<string> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>Asserts an RFC 9457 validation problem naming the given fields, and returns its errors.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ShouldBeValidationProblemAsync(this HttpResponseMessage response, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe(400);
        var errors = json.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
        foreach (var field in fields) errors.Keys.ShouldContain(field, body);
        return errors;
    }

    /// <summary>Asserts a problem-details response with the given status.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        return json;
    }

    /// <summary>Letters only, so it survives name normalisation and never matches anything else by accident.</summary>
    public static string UniqueWord(int length = 10)
    {
        const string letters = "bcdfghjklmnpqrstvwxz";
        return string.Concat(Enumerable.Range(0, length).Select(_ => letters[Random.Shared.Next(letters.Length)]));
    }

    /// <summary>A random Romanian mobile number in national format (07xx xxx xxx) and its E.164 form.</summary>
    public static (string National, string E164) UniqueRomanianMobile()
    {
        var subscriber = Random.Shared.Next(1_000_000, 10_000_000).ToString();
        return ($"072{subscriber[..1]} {subscriber[1..4]} {subscriber[4..]}", $"+4072{subscriber}");
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string rawJson) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(rawJson, System.Text.Encoding.UTF8, "application/json") });

    public static async Task<JsonElement> ReadJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>();
}
