using System.Text.Json;

namespace BrandHub.Modules.Platform.Outbox;

/// <summary>
/// Reacts to domain events from the outbox (journeys, analytics, notifications). Registered in DI; called in a scope inside
/// the event's tenant. Delivery is at least once: a subscriber that fails makes the relay retry the message for every
/// subscriber, so handlers must be idempotent (the message id is stable).
/// </summary>
public interface IOutboxSubscriber
{
    bool Handles(string topic);
    Task HandleAsync(OutboxEvent message, CancellationToken ct);
}

/// <summary>An outbox message as subscribers see it.</summary>
public sealed record OutboxEvent(Guid TenantId, Guid Id, string Topic, JsonElement Payload, DateTimeOffset OccurredAt);
