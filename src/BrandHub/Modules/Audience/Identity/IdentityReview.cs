using BrandHub.Data;

namespace BrandHub.Modules.Audience.Identity;

/// <summary>A near-match waiting for a person to decide whether two contacts are the same human.</summary>
public sealed class IdentityReview : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public Guid CandidateId { get; set; }
    public double Score { get; set; }
    public string ReasonsJson { get; set; } = "[]";
    public string Status { get; set; } = "pending";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

/// <summary>A merge of one contact into another, with enough of the merged contact to undo it.</summary>
public sealed class ContactMerge : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The survivor's and merged contact's state before the merge (JSON), for undo.</summary>
    public string SnapshotJson { get; set; } = "{}";
    public DateTimeOffset MergedAt { get; set; }
    public string MergedBy { get; set; } = "";
    public DateTimeOffset? UndoneAt { get; set; }
}
