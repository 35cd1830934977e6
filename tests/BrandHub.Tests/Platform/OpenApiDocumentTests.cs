using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandHub.Tests.Platform;

/// <summary>The committed docs/openapi.json (from which the web app's typed client is generated) matches the API.</summary>
public sealed class OpenApiDocumentTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Committed_openapi_document_matches_the_running_api()
    {
        using var client = host.Anonymous();
        var live = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "openapi.json")))!;
        JsonNode.DeepEquals(live, committed).ShouldBeTrue(
            "docs/openapi.json is stale: start the host and run `curl -s http://localhost:5080/openapi/v1.json | python3 -m json.tool > docs/openapi.json`, then `cd web && npm run gen:api`.");
    }

    [Fact]
    public async Task Every_api_operation_is_documented_with_a_summary()
    {
        using var client = host.Anonymous();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var missing = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (Path: p.Name, Verb: op.Name, Op: op.Value)))
            .Where(x => !x.Op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(x => $"{x.Verb.ToUpperInvariant()} {x.Path}").ToList();
        missing.ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BrandHub.slnx"))) return dir.FullName;
        throw new InvalidOperationException("BrandHub.slnx not found above the test binaries.");
    }
}
