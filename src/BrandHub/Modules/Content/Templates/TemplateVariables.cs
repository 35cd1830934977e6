using System.Text.Json;
using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Content;

namespace BrandHub.Modules.Content.Templates;

/// <summary>A declared data variable on the wire and in storage.</summary>
/// <param name="Name">Dotted path under <c>data</c>, e.g. <c>order.number</c>.</param>
/// <param name="Required">Messages without it are refused when queued.</param>
/// <param name="Sample">Any JSON value, used by previews.</param>
public sealed record TemplateVariable(string Name, bool Required = false, JsonNode? Sample = null);

/// <summary>Reads and writes the declared variables of a template.</summary>
public static class TemplateVariableList
{
    public const int MaxSampleLength = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IEnumerable<TemplateVariable> variables) => JsonSerializer.Serialize(variables.ToList(), Json);

    public static List<TemplateVariable> Parse(string json) => JsonSerializer.Deserialize<List<TemplateVariable>>(json, Json) ?? [];

    public static List<DeclaredVariable> Declared(IEnumerable<TemplateVariable> variables) =>
        variables.Select(v => new DeclaredVariable(v.Name, v.Required, v.Sample)).ToList();

    /// <summary>Input checks the Core check does not make: presence and sample size.</summary>
    public static List<TemplateVariable> Read(List<TemplateVariable?>? input, List<FieldError> errors)
    {
        var result = new List<TemplateVariable>();
        if (input is null) return result;
        for (var i = 0; i < input.Count; i++)
        {
            var v = input[i];
            if (v is null || string.IsNullOrWhiteSpace(v.Name)) { errors.Add(new($"variables[{i}].name", "A name is required.")); continue; }
            if (v.Sample is not null && v.Sample.ToJsonString().Length > MaxSampleLength)
                errors.Add(new($"variables[{i}].sample", $"A sample is at most {MaxSampleLength} characters of JSON."));
            result.Add(v with { Name = v.Name.Trim() });
        }
        return result;
    }
}
