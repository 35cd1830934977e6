using BrandHub.Data;

namespace BrandHub.Modules.Audience.Suppressions;

/// <summary>An address that is never sent to on a channel (hard bounce, complaint, invalid number, manual block).</summary>
public sealed class Suppression : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Channel { get; set; } = "";
    /// <summary>Normalised email or E.164 phone.</summary>
    public string Address { get; set; } = "";
    public string Reason { get; set; } = "";
    public string? Note { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SuppressionReasons
{
    public static readonly IReadOnlyList<string> All = ["hard_bounce", "complaint", "invalid", "manual", "unsubscribed"];
}
