using System.Collections.Concurrent;
using BrandHub.Core.Delivery;
using BrandHub.Modules.Channels.Email;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>What stands between the dispatcher and one provider endpoint: its connection limit, rate limit and circuit breaker.</summary>
public sealed class ProviderGate(int connections, TokenBucket? rate, CircuitBreaker breaker)
{
    public SemaphoreSlim Connections { get; } = new(connections, connections);
    public TokenBucket? Rate { get; } = rate;
    public CircuitBreaker Breaker { get; } = breaker;
}

/// <summary>
/// One <see cref="ProviderGate"/> per tenant and provider endpoint (so one tenant's broken credentials never open the
/// circuit for another tenant on the same server), shared by every dispatch lane on the node.
/// </summary>
public sealed class ProviderGates(DeliveryOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ProviderGate> gates = new();

    public ProviderGate For(Guid tenantId, EmailSender sender)
    {
        var endpoint = sender.Smtp is { } s ? $"{s.Host}:{s.Port}:{s.Username}" : sender.Http is { } h ? $"{h.BaseUrl}/{h.Domain}" : "";
        var key = $"{tenantId:N}|{sender.Provider}|{endpoint}|{sender.MaxConnections}|{sender.MessagesPerSecond}";
        return gates.GetOrAdd(key, _ => new ProviderGate(Math.Max(1, sender.MaxConnections),
            sender.MessagesPerSecond > 0 ? new TokenBucket(sender.MessagesPerSecond, Math.Max(1, sender.MessagesPerSecond), clock) : null,
            new CircuitBreaker(options.CircuitFailureThreshold, TimeSpan.FromSeconds(options.CircuitOpenSeconds), clock)));
    }
}
