using System.Text.Json;

namespace BrandHub.Tests.Audience.Support;

public static class Imports
{
    public static readonly string[] Finished = ["completed", "failed"];

    /// <summary>Uploads a CSV with its mapping and returns the accepted import.</summary>
    public static async Task<JsonElement> StartImportAsync(this HttpClient client, byte[] csv, object mapping, object? options = null, string fileName = "contacts.csv")
    {
        var response = await client.PostAsync("/api/v1/contacts/imports", Http.CsvUpload(csv, fileName, mapping, options));
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, json.ToString());
        return json;
    }

    public static Task<JsonElement> WaitForImportAsync(this HttpClient client, Guid importId, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => client.GetJsonAsync($"/api/v1/contacts/imports/{importId}"),
            i => Finished.Contains(i.Str("status")), $"import {importId} to finish", timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>Starts an import and waits until it completed (failing the test when it failed).</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient client, byte[] csv, object mapping, object? options = null)
    {
        var started = await client.StartImportAsync(csv, mapping, options);
        var done = await client.WaitForImportAsync(started.Id());
        done.Str("status").ShouldBe("completed", done.ToString());
        return done;
    }

    public static (int Created, int Updated, int Unchanged, int Failed) Counts(this JsonElement import) =>
        (import.GetProperty("created").GetInt32(), import.GetProperty("updated").GetInt32(),
         import.GetProperty("unchanged").GetInt32(), import.GetProperty("failed").GetInt32());
}
