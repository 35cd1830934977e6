using System.Text.Json;
using BrandHub.Data;

namespace BrandHub.Modules.Platform.Outbox;

/// <summary>
/// Writes outbox messages inside the caller's unit of work. One event: <see cref="Stage"/> adds it to the context, so it
/// commits with the caller's SaveChanges. Many events from one set-wise change: <see cref="NewIdSql"/> and
/// <see cref="InsertColumns"/> let the caller write them with one INSERT … SELECT in the same transaction.
/// </summary>
public static class OutboxWriter
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string InsertColumns = "tenant_id, id, topic, payload_json, occurred_at, published_at, attempts, last_error";

    public static OutboxMessage Stage(BrandHubDb db, string topic, object payload, DateTimeOffset at)
    {
        var message = new OutboxMessage
        {
            TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Topic = topic,
            PayloadJson = JsonSerializer.Serialize(payload, payload.GetType(), Json), OccurredAt = at,
        };
        db.Add(message);
        return message;
    }

    /// <summary>An SQL expression for a fresh message id per row, in the provider's storage form (a random v4 UUID).</summary>
    public static string NewIdSql(bool postgres) => postgres
        ? "gen_random_uuid()"
        : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
          "substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
}
