using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Modules.Audience.Contacts;

namespace BrandHub.Modules.Audience.Imports;

/// <summary>Which CSV column fills which contact field, and the options of an import.</summary>
public static class ImportMapping
{
    public static readonly IReadOnlyList<string> PlainFields =
        ["email", "phone", "firstName", "lastName", "company", "city", "country", "locale", "timezone", "lifecycleStage", "taxId", "tags"];

    public sealed record Options(string? Delimiter, List<string>? Tags, string? ConsentSource);

    /// <summary>Checks a mapping against the file's headers and the tenant's attributes.</summary>
    public static List<FieldError> Validate(IReadOnlyDictionary<string, string> mapping, string[] headers, IReadOnlyCollection<string> attributeNames)
    {
        var errors = new List<FieldError>();
        var targets = new HashSet<string>();
        foreach (var (column, target) in mapping)
        {
            if (!headers.Contains(column)) { errors.Add(new($"mapping.{column}", $"The file has no column '{column}'.")); continue; }
            if (string.IsNullOrEmpty(target)) continue;
            var known = PlainFields.Contains(target)
                || (target.StartsWith("externalId:") && target.Length > 11 && target[11..].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
                || (target.StartsWith("attributes.") && attributeNames.Contains(target[11..]))
                || (target.StartsWith("consent.") && ConsentWireNames.TryParseChannel(target[8..], out _));
            if (!known) errors.Add(new($"mapping.{column}", $"'{target}' is not a field you can import into (declare custom attributes first)."));
            else if (!targets.Add(target)) errors.Add(new($"mapping.{column}", $"Two columns map to '{target}'."));
        }
        if (!targets.Any(t => t is "email" or "phone" || t.StartsWith("externalId:")))
            errors.Add(new("mapping", "Map at least one identifying column: email, phone or an external id."));
        return errors;
    }

    /// <summary>A best guess from common header names (English and Romanian), shown pre-filled in the wizard.</summary>
    public static Dictionary<string, string> Suggest(string[] headers) => headers.ToDictionary(h => h, h =>
        NameFolding.Fold(h).Replace(" ", "").Replace("_", "").Replace("-", "") switch
        {
            "email" or "emailaddress" or "mail" or "adresaemail" => "email",
            "phone" or "phonenumber" or "mobile" or "telefon" or "tel" or "nrtelefon" => "phone",
            "firstname" or "givenname" or "prenume" => "firstName",
            "lastname" or "surname" or "familyname" or "nume" => "lastName",
            "company" or "companyname" or "firma" or "companie" or "organization" => "company",
            "city" or "oras" or "localitate" => "city",
            "country" or "tara" or "countrycode" => "country",
            "locale" or "language" or "limba" => "locale",
            "timezone" or "tz" => "timezone",
            "lifecyclestage" or "stage" => "lifecycleStage",
            "taxid" or "cui" or "cif" or "vat" or "vatnumber" => "taxId",
            "tags" or "etichete" => "tags",
            "externalid" or "erpid" or "customerid" => "externalId:erp",
            var other when other.StartsWith("consent") && ConsentWireNames.TryParseChannel(other[7..], out _) => "consent." + other[7..],
            _ => "",
        });

    /// <summary>Turns one CSV row into contact input (empty cells mean "no value", not "clear") and consent decisions.</summary>
    public static (ContactInput Input, List<(string Channel, string Status)> Consents, List<FieldError> Errors) Read(
        string[] fields, string[] headers, IReadOnlyDictionary<string, string> mapping, Options options)
    {
        var input = new ContactInput { Tags = options.Tags is { Count: > 0 } ? [.. options.Tags] : null };
        if (input.Tags is not null) input.Present.Add("tags");
        var consents = new List<(string, string)>();
        var errors = new List<FieldError>();
        for (var i = 0; i < headers.Length && i < fields.Length; i++)
        {
            if (!mapping.TryGetValue(headers[i], out var target) || string.IsNullOrEmpty(target)) continue;
            var value = fields[i].Trim();
            if (value.Length == 0) continue;
            switch (target)
            {
                case "email": input.Email = value; break;
                case "phone": input.Phone = value; break;
                case "firstName": input.FirstName = value; break;
                case "lastName": input.LastName = value; break;
                case "company": input.Company = value; break;
                case "city": input.City = value; break;
                case "country": input.Country = value; break;
                case "locale": input.Locale = value; break;
                case "timezone": input.Timezone = value; break;
                case "lifecycleStage": input.LifecycleStage = value; break;
                case "taxId": input.TaxId = value; break;
                case "tags":
                    input.Tags = [.. input.Tags ?? [], .. value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                default:
                    if (target.StartsWith("externalId:")) { (input.ExternalIds ??= []).Add(new ExternalIdInput(target[11..], value)); target = "externalIds"; }
                    else if (target.StartsWith("attributes.")) { (input.Attributes ??= [])[target[11..]] = JsonSerializer.SerializeToElement(value); target = "attributes"; }
                    else if (target.StartsWith("consent."))
                    {
                        var status = value.ToLowerInvariant() switch
                        {
                            "opted_in" or "yes" or "da" or "true" or "1" or "y" => "opted_in",
                            "opted_out" or "no" or "nu" or "false" or "0" or "n" => "opted_out",
                            "unknown" => "unknown",
                            _ => null,
                        };
                        if (status is null) errors.Add(new(headers[i], $"'{value}' is not a consent answer (use yes/no, opted_in/opted_out)."));
                        else consents.Add((target[8..], status));
                        continue;
                    }
                    break;
            }
            input.Present.Add(target);
        }
        return (input, consents, errors);
    }
}
