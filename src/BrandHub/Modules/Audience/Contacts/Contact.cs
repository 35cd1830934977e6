using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;

namespace BrandHub.Modules.Audience.Contacts;

/// <summary>One unified profile per person (PRODUCT.md §1).</summary>
public sealed class Contact : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>Normalised: trimmed, domain lower-cased. Unique per tenant among live contacts.</summary>
    public string? Email { get; set; }
    /// <summary>E.164. Unique per tenant among live contacts.</summary>
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Locale { get; set; }
    public string? Timezone { get; set; }
    public string? LifecycleStage { get; set; }
    /// <summary>Company tax id (CUI / VAT), normalised.</summary>
    public string? TaxId { get; set; }
    /// <summary>Typed custom attributes as a JSON object; types are declared in <see cref="AttributeDefinition"/>.</summary>
    public string AttributesJson { get; set; } = "{}";
    /// <summary>Folded-name key used to find near-duplicate candidates without scanning every contact.</summary>
    public string MatchKey { get; set; } = "";
    public DateTimeOffset? GlobalUnsubscribeAt { get; set; }
    /// <summary>Channels opted in to (bits: email 1, sms 2, whatsapp 4, push 8, profiling 16). Kept by database triggers; never set in code.</summary>
    public int ConsentMask { get; set; }
    /// <summary>Channels the contact can be reached on now (opted in, address, not unsubscribed or suppressed). Kept by database triggers.</summary>
    public int ReachMask { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Soft delete: hidden from lists and sends, restorable by an admin.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>Set when this record was merged into another; the survivor holds its data until the merge is undone.</summary>
    public Guid? MergedIntoId { get; set; }

    public List<ContactTag> Tags { get; set; } = [];
    public List<ContactExternalId> ExternalIds { get; set; } = [];
    public List<ContactConsent> Consents { get; set; } = [];
}

public sealed class ContactTag : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ContactId { get; set; }
    public string Tag { get; set; } = "";
}

/// <summary>The id a source system (ERP, B2B portal, SmartBill, CRM) knows this person by.</summary>
public sealed class ContactExternalId : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Source { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public Guid ContactId { get; set; }
}

/// <summary>A custom attribute the tenant declared, with the type its values must have.</summary>
public sealed class AttributeDefinition : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public string Label { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class LifecycleStages
{
    public static readonly IReadOnlyList<string> All = ["subscriber", "lead", "prospect", "customer", "repeat_customer", "churned"];
}
