using BrandHub.Modules.Audience.Consents;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>Everything about a contact's own row and children, as kept in audit payloads and merge snapshots.</summary>
public sealed record ContactSnapshot(
    Guid Id, string? Email, string? Phone, string? FirstName, string? LastName, string? Company, string? City, string? Country,
    string? Locale, string? Timezone, string? LifecycleStage, string? TaxId, string AttributesJson, DateTimeOffset? GlobalUnsubscribeAt,
    List<string> Tags, List<ExternalIdView> ExternalIds, List<ConsentSnapshot> Consents)
{
    public static ContactSnapshot Of(Contact c) => new(c.Id, c.Email, c.Phone, c.FirstName, c.LastName, c.Company, c.City, c.Country,
        c.Locale, c.Timezone, c.LifecycleStage, c.TaxId, c.AttributesJson, c.GlobalUnsubscribeAt,
        c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        c.ExternalIds.Select(e => new ExternalIdView(e.Source, e.ExternalId)).ToList(),
        c.Consents.Select(x => new ConsentSnapshot(x.Channel, x.Status, x.Source, x.LegalBasis, x.ProofIp, x.ProofUserAgent, x.ProofReference, x.UpdatedAt)).ToList());

    /// <summary>Puts the contact's fields, tags and consents back to this snapshot (external ids move separately: they are keyed by their own value).</summary>
    public void RestoreOnto(Contact c)
    {
        c.Email = Email; c.Phone = Phone; c.FirstName = FirstName; c.LastName = LastName; c.Company = Company; c.City = City;
        c.Country = Country; c.Locale = Locale; c.Timezone = Timezone; c.LifecycleStage = LifecycleStage; c.TaxId = TaxId;
        c.AttributesJson = AttributesJson; c.GlobalUnsubscribeAt = GlobalUnsubscribeAt;
        c.Tags.RemoveAll(t => !Tags.Contains(t.Tag));
        foreach (var t in Tags.Where(t => c.Tags.All(x => x.Tag != t)))
            c.Tags.Add(new ContactTag { TenantId = c.TenantId, ContactId = c.Id, Tag = t });
        c.Consents.RemoveAll(x => Consents.All(s => s.Channel != x.Channel));
        foreach (var s in Consents)
        {
            var row = c.Consents.FirstOrDefault(x => x.Channel == s.Channel);
            if (row is null) c.Consents.Add(row = new ContactConsent { TenantId = c.TenantId, ContactId = c.Id, Channel = s.Channel });
            row.Status = s.Status; row.Source = s.Source; row.LegalBasis = s.LegalBasis; row.ProofIp = s.ProofIp;
            row.ProofUserAgent = s.ProofUserAgent; row.ProofReference = s.ProofReference; row.UpdatedAt = s.UpdatedAt;
        }
    }
}

public sealed record ConsentSnapshot(string Channel, string Status, string? Source, string? LegalBasis, string? ProofIp, string? ProofUserAgent,
    string? ProofReference, DateTimeOffset UpdatedAt);
