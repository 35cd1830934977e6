using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Schemas are named after the CLR type's short name, so two records both called <c>Request</c> (or <c>PreviewView</c>)
    /// would share one schema and one of the operations would be documented — and the web client typed — with the other's shape.
    /// </summary>
    [Fact]
    public void No_two_types_in_the_api_share_a_schema_name()
    {
        var types = SchemaTypes().GroupBy(t => t.Name, t => t.Type)
            .Where(g => g.Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Distinct().Select(t => t.FullName))}");
        types.ShouldBeEmpty("Give these types domain names (e.g. TemplatePreviewView, TestEmailRequest).");
    }

    [Fact]
    public async Task Each_operation_references_the_schema_of_its_own_request_and_response_types()
    {
        using var client = host.Anonymous();
        var paths = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!;
        var mismatches = new List<string>();
        foreach (var api in ApiDescriptions())
        {
            var operation = paths[DocumentPath(api.RelativePath!)]?[api.HttpMethod!.ToLowerInvariant()];
            if (operation is null) { mismatches.Add($"{api.HttpMethod} {api.RelativePath}: not in the document"); continue; }
            if (api.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type is { } body)
                Compare($"{api.HttpMethod} {api.RelativePath} request", body, operation["requestBody"]?["content"]);
            foreach (var response in api.SupportedResponseTypes.Where(r => r.Type is not null && r.Type != typeof(void)))
                Compare($"{api.HttpMethod} {api.RelativePath} {response.StatusCode}", response.Type!,
                    operation["responses"]?[response.StatusCode.ToString()]?["content"]);
        }
        mismatches.ShouldBeEmpty();

        void Compare(string what, Type type, JsonNode? content)
        {
            if (SchemaName(type) is not { } name || content is null) return; // inline schema (string, int, …) or no body
            foreach (var (mediaType, media) in content.AsObject())
                if (Reference(media?["schema"]) is var reference && reference != $"#/components/schemas/{name}")
                    mismatches.Add($"{what} ({mediaType}): {type.Name} documented as {reference ?? "an inline schema"}");
        }
    }

    /// <summary>The schema's <c>$ref</c>, also when a nullable body wraps it as <c>oneOf: [null, $ref]</c>.</summary>
    private static string? Reference(JsonNode? schema) =>
        schema?["$ref"]?.GetValue<string>()
        ?? schema?["oneOf"]?.AsArray().Select(s => s?["$ref"]?.GetValue<string>()).SingleOrDefault(r => r is not null);

    private IEnumerable<ApiDescription> ApiDescriptions() =>
        host.App.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items);

    private JsonSerializerOptions JsonOptions =>
        host.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private string? SchemaName(Type type)
    {
        var options = host.App.Services.GetRequiredService<IOptionsMonitor<OpenApiOptions>>().Get("v1");
        return options.CreateSchemaReferenceId(JsonOptions.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type));
    }

    /// <summary>Every type a request or response body reaches (through properties, elements and derived types), with its schema name.</summary>
    private IEnumerable<(string Name, Type Type)> SchemaTypes()
    {
        var pending = new Queue<Type>(ApiDescriptions().SelectMany(api =>
            api.ParameterDescriptions.Where(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form).Select(p => p.Type)
                .Concat(api.SupportedResponseTypes.Select(r => r.Type))).OfType<Type>());
        var seen = new HashSet<Type>();
        while (pending.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(void) || type.IsGenericParameter || !seen.Add(type)) continue;
            if (SchemaName(type) is { } name) yield return (name, type);
            var info = JsonOptions.GetTypeInfo(type);
            if (info.Kind == JsonTypeInfoKind.Object && type.Namespace?.StartsWith("BrandHub", StringComparison.Ordinal) == true)
                foreach (var property in info.Properties) pending.Enqueue(property.PropertyType);
            if (info.ElementType is { } element) pending.Enqueue(element);
            if (info.KeyType is { } key) pending.Enqueue(key);
            foreach (var derived in info.PolymorphismOptions?.DerivedTypes ?? []) pending.Enqueue(derived.DerivedType);
        }
    }

    /// <summary>The document's path for a route template: <c>api/v1/contacts/{id:guid}/</c> → <c>/api/v1/contacts/{id}</c>.</summary>
    private static string DocumentPath(string route) => "/" + Regex.Replace(route, @"\{\*?([^}:=?]+)[^}]*\}", "{$1}").TrimEnd('/');

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BrandHub.slnx"))) return dir.FullName;
        throw new InvalidOperationException("BrandHub.slnx not found above the test binaries.");
    }
}
