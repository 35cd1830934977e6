namespace BrandHub.Core.Audit;

/// <summary>
/// The hashed part of one audit-trail entry. It deliberately holds no personal data: the before/after
/// payload is represented only by <see cref="PayloadDigest"/>, so the payload can be erased on a GDPR
/// request without breaking the chain.
/// </summary>
/// <param name="Sequence">Position in the tenant's chain, starting at 1 with no gaps.</param>
/// <param name="TenantId">Tenant the chain belongs to.</param>
/// <param name="OccurredAt">When the action happened (hashed in UTC).</param>
/// <param name="Actor">Who did it (user id, API key id, "system").</param>
/// <param name="Action">What was done, e.g. <c>contact.updated</c>.</param>
/// <param name="EntityType">Kind of entity affected, e.g. <c>contact</c>.</param>
/// <param name="EntityId">Id of the entity affected.</param>
/// <param name="PayloadDigest">Result of <see cref="AuditChain.PayloadDigest"/> over the before/after JSON.</param>
public sealed record AuditLink(
    long Sequence,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string PayloadDigest);
