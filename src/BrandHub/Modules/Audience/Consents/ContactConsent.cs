using BrandHub.Data;

namespace BrandHub.Modules.Audience.Consents;

/// <summary>The current consent of a contact on one channel. Every change is also kept in <see cref="ConsentEvent"/>.</summary>
public sealed class ContactConsent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ContactId { get; set; }
    public string Channel { get; set; } = "";
    public string Status { get; set; } = "unknown";
    public string? Source { get; set; }
    public string? LegalBasis { get; set; }
    public string? ProofIp { get; set; }
    public string? ProofUserAgent { get; set; }
    public string? ProofReference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Append-only history of consent changes: what the person agreed to, when, on what basis and with what proof.</summary>
public sealed class ConsentEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>A channel, or <c>all</c> for a global unsubscribe / resubscribe.</summary>
    public string Channel { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Source { get; set; }
    public string? LegalBasis { get; set; }
    public string? ProofIp { get; set; }
    public string? ProofUserAgent { get; set; }
    public string? ProofReference { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Actor { get; set; } = "";
}
