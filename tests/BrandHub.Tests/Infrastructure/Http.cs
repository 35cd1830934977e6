using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BrandHub.Tests.Infrastructure;

public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string raw, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(raw, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) => client.PatchAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body);

    /// <summary>The field-level errors of a validation problem.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ProblemErrorsAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
    }

    public static MultipartFormDataContent CsvUpload(byte[] csv, string fileName = "contacts.csv", object? mapping = null, object? options = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        if (mapping is not null) form.Add(new StringContent(JsonSerializer.Serialize(mapping)), "mapping");
        if (options is not null) form.Add(new StringContent(JsonSerializer.Serialize(options)), "options");
        return form;
    }
}
