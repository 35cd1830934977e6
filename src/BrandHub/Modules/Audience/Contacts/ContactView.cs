using System.Text.Json;
using BrandHub.Core.Audience;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>A contact as the API returns it.</summary>
public sealed record ContactView(
    Guid Id, string? Email, string? Phone, string? FirstName, string? LastName, string? Company, string? City, string? Country,
    string? Locale, string? Timezone, string? LifecycleStage, string? TaxId, IReadOnlyList<string> Tags, JsonElement Attributes,
    IReadOnlyList<ExternalIdView> ExternalIds, IReadOnlyDictionary<string, string> Consents, bool GlobalUnsubscribe,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ContactView Of(Contact c) => new(c.Id, c.Email, c.Phone, c.FirstName, c.LastName, c.Company, c.City, c.Country,
        c.Locale, c.Timezone, c.LifecycleStage, c.TaxId, c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        JsonDocument.Parse(c.AttributesJson).RootElement.Clone(),
        c.ExternalIds.Select(e => new ExternalIdView(e.Source, e.ExternalId)).OrderBy(e => e.Source).ThenBy(e => e.ExternalId).ToList(),
        ConsentWireNames.ChannelNames.ToDictionary(ch => ch, ch => c.Consents.FirstOrDefault(x => x.Channel == ch)?.Status ?? "unknown"),
        c.GlobalUnsubscribeAt is not null, c.CreatedAt, c.UpdatedAt);
}

public sealed record ExternalIdView(string Source, string ExternalId);
