using System.Collections.Concurrent;
using BrandHub.Modules.Platform.Outbox;

namespace BrandHub.Tests.Segments;

/// <summary>An in-process outbox subscriber that keeps what it was handed (segment membership events).</summary>
public sealed class RecordingSubscriber : IOutboxSubscriber
{
    public ConcurrentQueue<OutboxEvent> Received { get; } = new();

    public bool Handles(string topic) => topic.StartsWith("audience.segment.", StringComparison.Ordinal);

    public Task HandleAsync(OutboxEvent message, CancellationToken ct)
    {
        Received.Enqueue(message);
        return Task.CompletedTask;
    }
}
