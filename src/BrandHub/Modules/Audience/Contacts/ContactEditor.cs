using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandHub.Core;
using BrandHub.Core.Audience;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>
/// Validates and normalises client input onto a contact: emails and phones canonical, countries and locales in
/// standard casing, attributes coerced to their declared types. Nothing is changed when any field is invalid.
/// </summary>
public static partial class ContactEditor
{
    public const int MaxTags = 50, MaxTagLength = 50;

    /// <param name="fillGapsOnly">Identity merge: only set what the contact does not have yet.</param>
    public static IReadOnlyList<FieldError> Apply(Contact target, ContactInput input, string defaultCountry,
        IReadOnlyDictionary<string, AttributeDefinition> definitions, bool fillGapsOnly = false)
    {
        var errors = new List<FieldError>();
        var staged = new Dictionary<string, string?>();

        void Text(string field, string? value, int max, Func<string, string?>? normalise = null, string? invalid = null)
        {
            if (!input.Has(field)) return;
            var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (v is not null && v.Length > max) { errors.Add(new(field, $"At most {max} characters.")); return; }
            if (v is not null && normalise is not null)
            {
                var n = normalise(v);
                if (n is null) { errors.Add(new(field, invalid ?? "Not valid.")); return; }
                v = n;
            }
            staged[field] = v;
        }

        if (input.Has("email") && !string.IsNullOrWhiteSpace(input.Email))
        {
            if (EmailAddress.TryNormalize(input.Email, out var email, out var error)) staged["email"] = email;
            else errors.Add(new("email", error));
        }
        else if (input.Has("email")) staged["email"] = null;

        if (input.Has("phone") && !string.IsNullOrWhiteSpace(input.Phone))
        {
            if (PhoneNumber.TryNormalize(input.Phone, defaultCountry, out var phone, out var error)) staged["phone"] = phone;
            else errors.Add(new("phone", error));
        }
        else if (input.Has("phone")) staged["phone"] = null;

        if (input.Has("taxId") && !string.IsNullOrWhiteSpace(input.TaxId))
        {
            if (TaxId.TryNormalize(input.TaxId, out var taxId, out var error)) staged["taxId"] = taxId;
            else errors.Add(new("taxId", error));
        }
        else if (input.Has("taxId")) staged["taxId"] = null;

        Text("firstName", input.FirstName, 100);
        Text("lastName", input.LastName, 100);
        Text("company", input.Company, 200);
        Text("city", input.City, 100);
        Text("country", input.Country, 2, v => CountryCode().IsMatch(v) ? v.ToUpperInvariant() : null, "Use a two-letter ISO 3166 country code, e.g. RO.");
        Text("locale", input.Locale, 20, NormaliseLocale, "Use a language tag such as ro or ro-RO.");
        Text("timezone", input.Timezone, 64, v => TimeZoneInfo.TryFindSystemTimeZoneById(v, out _) && v.Contains('/') || v == "UTC" ? v : null,
            "Use an IANA time zone such as Europe/Bucharest.");
        Text("lifecycleStage", input.LifecycleStage, 40, v => LifecycleStages.All.Contains(v.ToLowerInvariant()) ? v.ToLowerInvariant() : null,
            $"Lifecycle stage must be one of: {string.Join(", ", LifecycleStages.All)}.");

        List<string>? tags = null;
        if (input.Tags is not null)
        {
            tags = input.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (tags.Count > MaxTags) errors.Add(new("tags", $"At most {MaxTags} tags."));
            if (tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } longTag) errors.Add(new("tags", $"Tag '{longTag[..20]}…' is longer than {MaxTagLength} characters."));
        }

        JsonObject? attributes = null;
        if (input.Attributes is not null)
        {
            attributes = fillGapsOnly || input.Attributes.Count > 0 ? (JsonNode.Parse(target.AttributesJson) as JsonObject ?? []) : [];
            foreach (var (name, raw) in input.Attributes)
            {
                if (!definitions.TryGetValue(name, out var def))
                {
                    errors.Add(new($"attributes.{name}", $"Unknown attribute '{name}'. Declare it first with POST /api/v1/contacts/attributes."));
                    continue;
                }
                if (raw.ValueKind == JsonValueKind.Null) { attributes.Remove(name); continue; }
                AttributeValue.TryParseType(def.Type, out var type);
                if (!AttributeValue.TryCoerce(type, raw, out var value, out var error)) { errors.Add(new($"attributes.{name}", error)); continue; }
                if (fillGapsOnly && attributes.ContainsKey(name)) continue;
                attributes[name] = ToNode(value);
            }
        }

        var externalIds = new List<(string Source, string Id)>();
        if (input.ExternalIds is not null)
            for (var i = 0; i < input.ExternalIds.Count; i++)
            {
                var x = input.ExternalIds[i];
                var source = x.Source?.Trim().ToLowerInvariant();
                var id = x.ExternalId?.Trim();
                if (string.IsNullOrEmpty(source) || !SourceName().IsMatch(source))
                    errors.Add(new($"externalIds[{i}].source", "A source like erp, b2b, smartbill or crm (a-z, 0-9, _ or -, up to 40)."));
                else if (string.IsNullOrEmpty(id) || id.Length > 200)
                    errors.Add(new($"externalIds[{i}].externalId", "An id of 1–200 characters."));
                else externalIds.Add((source, id));
            }

        if (errors.Count > 0) return errors;

        // All valid: apply.
        foreach (var (field, value) in staged)
        {
            if (fillGapsOnly && (value is null || Get(target, field) is not null)) continue;
            Set(target, field, value);
        }
        if (tags is not null)
        {
            var keep = fillGapsOnly ? target.Tags.Select(t => t.Tag).Union(tags).ToList() : tags;
            target.Tags.RemoveAll(t => !keep.Contains(t.Tag));
            foreach (var t in keep.Where(t => target.Tags.All(x => x.Tag != t)))
                target.Tags.Add(new ContactTag { TenantId = target.TenantId, ContactId = target.Id, Tag = t });
        }
        if (attributes is not null) target.AttributesJson = attributes.ToJsonString();
        if (input.ExternalIds is not null)
        {
            if (!fillGapsOnly) target.ExternalIds.RemoveAll(e => !externalIds.Contains((e.Source, e.ExternalId)));
            foreach (var (source, id) in externalIds.Where(x => !target.ExternalIds.Any(e => e.Source == x.Source && e.ExternalId == x.Id)))
                target.ExternalIds.Add(new ContactExternalId { TenantId = target.TenantId, ContactId = target.Id, Source = source, ExternalId = id });
        }
        target.MatchKey = IdentityMatcher.BlockingKey(new IdentityProfile(target.FirstName, target.LastName, target.Company, target.City));
        return [];
    }

    /// <summary>A contact must be reachable or linkable: an email, a phone or an external id.</summary>
    public static FieldError? RequireIdentifier(Contact c) =>
        c.Email is null && c.Phone is null && c.ExternalIds.Count == 0
            ? new FieldError("email", "A contact needs an email, a phone or an external id.")
            : null;

    private static string? Get(Contact c, string field) => field switch
    {
        "email" => c.Email, "phone" => c.Phone, "taxId" => c.TaxId, "firstName" => c.FirstName, "lastName" => c.LastName,
        "company" => c.Company, "city" => c.City, "country" => c.Country, "locale" => c.Locale, "timezone" => c.Timezone,
        "lifecycleStage" => c.LifecycleStage, _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void Set(Contact c, string field, string? v)
    {
        switch (field)
        {
            case "email": c.Email = v; break;
            case "phone": c.Phone = v; break;
            case "taxId": c.TaxId = v; break;
            case "firstName": c.FirstName = v; break;
            case "lastName": c.LastName = v; break;
            case "company": c.Company = v; break;
            case "city": c.City = v; break;
            case "country": c.Country = v; break;
            case "locale": c.Locale = v; break;
            case "timezone": c.Timezone = v; break;
            case "lifecycleStage": c.LifecycleStage = v; break;
        }
    }

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd")),
        _ => JsonValue.Create(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string? NormaliseLocale(string v)
    {
        var m = LocaleTag().Match(v);
        return m.Success ? m.Groups[1].Value.ToLowerInvariant() + (m.Groups[2].Success ? "-" + m.Groups[2].Value.ToUpperInvariant() : "") : null;
    }

    [GeneratedRegex("^[A-Za-z]{2}$")] private static partial Regex CountryCode();
    [GeneratedRegex("^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?$")] private static partial Regex LocaleTag();
    [GeneratedRegex("^[a-z0-9_-]{1,40}$")] private static partial Regex SourceName();
}
