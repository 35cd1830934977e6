using System.Text.Json;
using BrandHub.Core.Audit;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Platform.Audit;

/// <summary>
/// Records what changed, by whom, in the same SaveChanges as the change itself. Sequence and hashes are
/// assigned by <see cref="AuditChainInterceptor"/> under the tenant's chain lock, so callers only say what happened.
/// </summary>
public sealed class AuditTrail(BrandHubDb db, Actor actor, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="subjectId">The contact the payload is about, so a GDPR erase can blank it.</param>
    public void Record(string action, string entityType, string entityId, object? before, object? after, Guid? subjectId = null)
    {
        var beforeJson = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), Json);
        var afterJson = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), Json);
        var now = clock.GetUtcNow();
        var entry = new AuditEntry
        {
            TenantId = db.Scope.RequiredTenantId,
            // Whole milliseconds: both databases store that exactly, so the hash recomputes from what was stored.
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
            Actor = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PayloadDigest = AuditChain.PayloadDigest(beforeJson, afterJson),
        };
        var payload = new AuditPayload { TenantId = entry.TenantId, SubjectId = subjectId, BeforeJson = beforeJson, AfterJson = afterJson };
        db.PendingAudit.Add((entry, payload));
    }
}
