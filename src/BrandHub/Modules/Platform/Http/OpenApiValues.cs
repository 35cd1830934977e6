using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BrandHub.Modules.Platform.Http;

/// <summary>
/// The values a string property takes, for the OpenAPI document (<c>enum</c>): read from a static string list on
/// <paramref name="owner"/>, so the document and the code share one list. The property stays a string on the wire.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OpenApiValuesAttribute(Type owner, string member) : Attribute
{
    public IEnumerable<string> Values =>
        (owner.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
         ?? owner.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)) as IEnumerable<string>
        ?? throw new InvalidOperationException($"{owner.Name}.{member} is not a static list of strings.");
}

/// <summary>A dictionary property whose values may be null (the generator drops the nullability of type arguments).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OpenApiNullableValuesAttribute : Attribute;

/// <summary>Applies <see cref="OpenApiValuesAttribute"/> and <see cref="OpenApiNullableValuesAttribute"/> to property schemas.</summary>
public sealed class OpenApiValueSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider;
        if (attributes is null) return Task.CompletedTask;
        if (attributes.GetCustomAttributes(typeof(OpenApiValuesAttribute), false).OfType<OpenApiValuesAttribute>().FirstOrDefault() is { } values)
        {
            schema.Enum = values.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true) schema.Enum.Add(null!);
        }
        if (attributes.IsDefined(typeof(OpenApiNullableValuesAttribute), false) && schema.AdditionalProperties is { } inner)
            schema.AdditionalProperties = new OpenApiSchema { OneOf = [inner, new OpenApiSchema { Type = JsonSchemaType.Null }] };
        return Task.CompletedTask;
    }
}
