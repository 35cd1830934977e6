using System.Text.Json;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>
/// A contact as a client sends it (create, or PATCH where only present properties change and <c>null</c> clears).
/// <see cref="Present"/> records which properties the JSON actually contained.
/// </summary>
public sealed class ContactInput
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }
    public string? LifecycleStage { get; set; }
    public string? TaxId { get; set; }
    public List<string>? Tags { get; set; }
    public Dictionary<string, JsonElement>? Attributes { get; set; }
    public List<ExternalIdInput>? ExternalIds { get; set; }

    /// <summary>Property names (camelCase) present in the request body.</summary>
    public HashSet<string> Present { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Has(string property) => Present.Contains(property);

    /// <summary>Reads a JSON object, remembering which properties it had (PATCH semantics), with field errors for wrong types.</summary>
    public static ContactInput Read(JsonElement body, List<Core.FieldError> errors)
    {
        var input = new ContactInput();
        if (body.ValueKind != JsonValueKind.Object) { errors.Add(new("body", "Expected a JSON object.")); return input; }
        if (UnreadableText(body, "") is { } bad)
        {
            errors.Add(new(bad.Length == 0 ? "body" : bad, "This text is not valid: send the body as UTF-8, without broken \\u escapes."));
            return input;
        }
        foreach (var p in body.EnumerateObject())
        {
            var name = p.Name;
            input.Present.Add(name);
            switch (name.ToLowerInvariant())
            {
                case "email": input.Email = Str(p, errors); break;
                case "phone": input.Phone = Str(p, errors); break;
                case "firstname": input.FirstName = Str(p, errors); break;
                case "lastname": input.LastName = Str(p, errors); break;
                case "company": input.Company = Str(p, errors); break;
                case "city": input.City = Str(p, errors); break;
                case "country": input.Country = Str(p, errors); break;
                case "locale": input.Locale = Str(p, errors); break;
                case "timezone": input.Timezone = Str(p, errors); break;
                case "lifecyclestage": input.LifecycleStage = Str(p, errors); break;
                case "taxid": input.TaxId = Str(p, errors); break;
                case "tags":
                    if (p.Value.ValueKind == JsonValueKind.Null) input.Tags = [];
                    else if (p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
                        errors.Add(new("tags", "Tags must be an array of strings."));
                    else input.Tags = p.Value.EnumerateArray().Select(t => t.GetString()!).ToList();
                    break;
                case "attributes":
                    if (p.Value.ValueKind == JsonValueKind.Null) input.Attributes = [];
                    else if (p.Value.ValueKind != JsonValueKind.Object) errors.Add(new("attributes", "Attributes must be an object."));
                    else input.Attributes = p.Value.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.Clone());
                    break;
                case "externalids":
                    if (p.Value.ValueKind == JsonValueKind.Null) input.ExternalIds = [];
                    else if (p.Value.ValueKind != JsonValueKind.Array) errors.Add(new("externalIds", "External ids must be an array of {source, externalId}."));
                    else
                    {
                        input.ExternalIds = [];
                        var i = 0;
                        foreach (var x in p.Value.EnumerateArray())
                        {
                            if (x.ValueKind != JsonValueKind.Object) { errors.Add(new($"externalIds[{i}]", "Expected {source, externalId}.")); i++; continue; }
                            input.ExternalIds.Add(new ExternalIdInput(
                                x.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                                x.TryGetProperty("externalId", out var e) && e.ValueKind is JsonValueKind.String or JsonValueKind.Number ? e.ToString() : null));
                            i++;
                        }
                    }
                    break;
                default:
                    // Read-only or unknown properties (id, createdAt, consents …) are ignored, as clients often echo a whole profile back.
                    input.Present.Remove(name);
                    break;
            }
        }
        return input;
    }

    /// <summary>
    /// Binding a <see cref="JsonElement"/> checks the JSON's structure but not its text: invalid UTF-8 bytes or a lone
    /// surrogate escape only fail when a string is read, which would be a 500. Read every name and string once, up front;
    /// returns the path of the first unreadable one.
    /// </summary>
    private static string? UnreadableText(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                try { _ = e.GetString(); } catch (InvalidOperationException) { return path; }
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    string name;
                    try { name = p.Name; } catch (InvalidOperationException) { return path; }
                    if (UnreadableText(p.Value, path.Length == 0 ? name : $"{path}.{name}") is { } bad) return bad;
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    if (UnreadableText(item, $"{path}[{i++}]") is { } bad) return bad;
                break;
        }
        return null;
    }

    private static string? Str(JsonProperty p, List<Core.FieldError> errors)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        if (p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
        errors.Add(new(p.Name, "Expected a string."));
        return null;
    }
}

public sealed record ExternalIdInput(string? Source, string? ExternalId);
