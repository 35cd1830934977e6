using System.Collections.Concurrent;
using BrandHub.Modules.Channels.Email;

namespace BrandHub.Tests.Delivery.Support;

/// <summary>
/// An email transport that records every message handed to it and answers as each recipient's script says (accepted
/// unless scripted otherwise). Provider name <c>test</c>, so a real transport registered beside it is never chosen.
/// </summary>
public sealed class RecordingTransport : IEmailTransport
{
    public const string Name = "test";
    private readonly ConcurrentDictionary<string, Func<int, SendOutcome>> scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.OrdinalIgnoreCase);

    public string Provider => Name;

    /// <summary>Every message handed over, in order.</summary>
    public ConcurrentQueue<OutgoingEmail> Sent { get; } = new();

    /// <summary>Answers for one address: attempt number (1-based) → outcome.</summary>
    public void Script(string address, Func<int, SendOutcome> outcome) => scripts[address] = outcome;

    /// <summary>How many times a message to this address was handed over.</summary>
    public int CallsTo(string address) => calls.GetValueOrDefault(address);

    public IReadOnlyList<OutgoingEmail> To(string address) => Sent.Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>How long each call takes, like a provider's round trips (zero: instant).</summary>
    public TimeSpan Latency { get; set; }

    public async Task<IReadOnlyList<EmailSendResult>> SendAsync(EmailSender sender, IReadOnlyList<OutgoingEmail> batch, CancellationToken ct)
    {
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency, ct);
        var results = new List<EmailSendResult>();
        foreach (var m in batch)
        {
            var attempt = calls.AddOrUpdate(m.To, 1, (_, n) => n + 1);
            Sent.Enqueue(m);
            var outcome = scripts.TryGetValue(m.To, out var script) ? script(attempt) : SendOutcome.Sent;
            results.Add(outcome switch
            {
                SendOutcome.Sent => new EmailSendResult(m.DeliveryId, outcome, $"<{m.DeliveryId:N}@test>", null),
                SendOutcome.Transient => new EmailSendResult(m.DeliveryId, outcome, null, "451 4.3.0 Try again later"),
                _ => new EmailSendResult(m.DeliveryId, outcome, null, "550 5.1.1 No such user"),
            });
        }
        return results;
    }
}

/// <summary>Every tenant sends through the recording transport.</summary>
public sealed class TestEmailSenders : IEmailSenders
{
    public Task<EmailSender?> FindAsync(CancellationToken ct) =>
        Task.FromResult<EmailSender?>(new EmailSender(RecordingTransport.Name, "news@brand.test", "Brand", null, null, null, null, MaxConnections: 4));
}
