using BrandHub.Core;
using BrandHub.Core.Audience;

namespace BrandHub.Modules.Channels.Email;

/// <summary>
/// "Send test": one message through the tenant's configured transport, right now, bypassing the delivery queue, so
/// the person configuring the sender sees at once whether it works — and if not, the provider's own words.
/// </summary>
public sealed class TestEmail(IEmailSenders senders, IEnumerable<IEmailTransport> transports)
{
    public enum Failure { None, NotConfigured, NoTransport }

    public async Task<(TestEmailResult? Result, IReadOnlyList<FieldError> Errors, Failure Failure)> SendAsync(TestEmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.To, out var to, out var error)) return (null, [new("to", error)], Failure.None);
        var sender = await senders.FindAsync(ct);
        if (sender is null) return (null, [], Failure.NotConfigured);
        var transport = transports.FirstOrDefault(t => t.Provider == sender.Provider);
        if (transport is null) return (null, [], Failure.NoTransport);

        var message = new OutgoingEmail(Guid.CreateVersion7(), to, null, "BrandHub test email",
            "<p>This is a test email from BrandHub. Your sender settings work.</p>",
            "This is a test email from BrandHub. Your sender settings work.", []);
        var outcome = (await transport.SendAsync(sender, [message], ct)).Single();
        return (new TestEmailResult(outcome.Outcome == SendOutcome.Sent, sender.Provider, outcome.Outcome.ToString().ToLowerInvariant(),
            outcome.ProviderMessageId, outcome.Error), [], Failure.None);
    }
}

/// <param name="To">Where to send the test email.</param>
public sealed record TestEmailRequest(string? To);

/// <param name="Outcome"><c>sent</c>, <c>transient</c> or <c>permanent</c>.</param>
public sealed record TestEmailResult(bool Sent, string Provider, string Outcome, string? ProviderMessageId, string? Error);
