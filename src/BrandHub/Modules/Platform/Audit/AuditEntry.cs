using BrandHub.Data;

namespace BrandHub.Modules.Platform.Audit;

/// <summary>
/// One link of a tenant's append-only, hash-chained audit trail. It holds no personal data: the before/after
/// payload lives in <see cref="AuditPayload"/> and only its digest is chained, so an erase keeps the chain valid.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary><c>user:{id}</c>, <c>apikey:{id}</c> or <c>system</c>.</summary>
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string PayloadDigest { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>The erasable before/after of an audit entry, and the contact it is about (so a GDPR erase can find it).</summary>
public sealed class AuditPayload : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Sequence { get; set; }
    public Guid? SubjectId { get; set; }
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
}

/// <summary>The tip of a tenant's chain; locked while appending so concurrent writers serialise.</summary>
public sealed class AuditChainHead : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
