using System.Collections.Concurrent;
using BrandHub.Modules.Delivery;

namespace BrandHub.Tests.Channels.Email.Support;

/// <summary>
/// Test peer for the delivery engine's <see cref="IDeliveryEvents"/>: remembers every event with the tenant it was
/// recorded in, so tests can see exactly what the webhook and tracking endpoints reported, and in which tenant.
/// </summary>
public sealed class DeliveryEventLog
{
    public sealed record Recorded(Guid TenantId, DeliveryEvent Event);

    public ConcurrentQueue<Recorded> All { get; } = new();

    public IReadOnlyList<DeliveryEvent> For(Guid deliveryId) =>
        All.Where(r => r.Event.DeliveryId == deliveryId).Select(r => r.Event).ToList();

    public IReadOnlyList<Recorded> ForDelivery(Guid deliveryId) => All.Where(r => r.Event.DeliveryId == deliveryId).ToList();
}

public sealed class RecordingDeliveryEvents(TenantScope scope, DeliveryEventLog log) : IDeliveryEvents
{
    public Task<bool> RecordAsync(DeliveryEvent e, CancellationToken ct)
    {
        log.All.Enqueue(new DeliveryEventLog.Recorded(scope.RequiredTenantId, e));
        return Task.FromResult(true);
    }
}
