using BrandHub.Core.Delivery;
using BrandHub.Core.Scheduling;
using BrandHub.Modules.Audience.Recipients;
using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Content;
using BrandHub.Modules.Delivery.Policies;
using BrandHub.Modules.Platform.Tenancy;
using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>
/// One dispatch round of a tenant's claimed email deliveries, in the tenant's scope: the policies again (consent may have
/// changed since the message was queued), render, send through the provider the tenant configured in chunks over its
/// connections within its rate limit and circuit breaker, and classify every result. Never throws for one message.
/// </summary>
public sealed class EmailDispatch(BrandHubDb db, RecipientDirectory recipients, SendPolicies policies, IEmailSenders senders,
    IEnumerable<IEmailTransport> transports, IEmailContent content, PreparedEmails prepared, EmailComposer composer,
    ProviderGates gates, IDispatchHolds holds, DeliveryOptions options, TimeProvider clock, ILogger<EmailDispatch> log)
{
    /// <summary>A chunk that was not handed over (open circuit, rate limit, lease running short): due again at <paramref name="Until"/>.</summary>
    private sealed record Deferral(DateTimeOffset Until, string Why);

    /// <param name="sendBy">No chunk starts after this moment: the rest waits for the next round rather than outlive the lease.</param>
    public async Task<IReadOnlyList<DeliveryOutcome>> RunAsync(Guid tenantId, IReadOnlyList<Delivery> batch, DateTime sendBy, CancellationToken ct)
    {
        var outcomes = new List<DeliveryOutcome>(batch.Count);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var people = await recipients.FindAsync(batch.Where(d => d.ContactId is not null).Select(d => d.ContactId!.Value).ToList(), "email", ct);
        var decisions = await policies.DecideAsync("email", batch.Select(d => new PolicyCandidate(
            d.ContactId is { } id ? people.GetValueOrDefault(id) : null, d.Address, Category(d), CapOf(d))).ToList(), await policies.TenantAsync(ct), ct);

        var sendable = new List<Delivery>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (d, decision) = (batch[i], decisions[i]);
            if (decision.Verdict == SendVerdict.Suppress)
                outcomes.Add(new(d.Id, DeliveryStatuses.Suppressed, decision.Reason!, Reason: decision.Reason));
            else if (decision.Verdict == SendVerdict.Hold)
                outcomes.Add(new(d.Id, DeliveryStatuses.Queued, $"Held for quiet hours until {decision.HoldUntil:O}", RunAt: decision.HoldUntil, Refund: true));
            else sendable.Add(d);
        }
        if (sendable.Count == 0) return outcomes;

        var policyMs = watch.ElapsedMilliseconds;
        var sender = await senders.FindAsync(ct);
        var transport = sender is null ? null : transports.LastOrDefault(t => t.Provider == sender.Provider);
        if (sender is null || transport is null)
        {
            var why = sender is null ? "Email sending is not configured for this tenant." : $"No transport for the email provider '{sender.Provider}'.";
            outcomes.AddRange(sendable.Select(d => Transient(d, why)));
            return outcomes;
        }

        var tenantName = await db.Set<Tenant>().Where(t => t.Id == tenantId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        var utmRules = await Analytics.Utm.UtmRuleSet.RulesAsync(db, ct);
        var emails = new List<OutgoingEmail>(sendable.Count);
        foreach (var d in sendable)
        {
            var (template, error) = await prepared.GetAsync(content, d, ct);
            try
            {
                if (template is null) outcomes.Add(new(d.Id, DeliveryStatuses.Failed, $"The content cannot be rendered: {error}", Error: error));
                else emails.Add(composer.Compose(d, d.ContactId is { } id ? people.GetValueOrDefault(id) : null, template, sender, tenantName, utmRules));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Rendering delivery {Delivery} failed", d.Id);
                outcomes.Add(new(d.Id, DeliveryStatuses.Failed, $"Rendering failed: {e.Message}", Error: e.Message));
            }
        }

        var renderMs = watch.ElapsedMilliseconds - policyMs;
        var byId = sendable.ToDictionary(d => d.Id);
        var gate = gates.For(tenantId, sender);
        // Without a rate limit of ours, the transport gets the whole batch and keeps every connection busy until it is done
        // (measured: fewer idle gaps between chunks); with one, chunks of about a second's worth let the token bucket pace
        // the sending evenly — and a paused campaign is seen within a second, not after a long burst.
        var chunkSize = sender.MessagesPerSecond > 0
            ? Math.Clamp((int)Math.Ceiling(sender.MessagesPerSecond), 1, options.SendChunkSize)
            : Math.Max(options.SendChunkSize, emails.Count);
        var campaigns = sendable.Where(d => d.CampaignId is not null).ToDictionary(d => d.Id, d => d.CampaignId!.Value);
        var chunks = emails.Chunk(Math.Max(1, chunkSize)).Select(chunk => SendChunkAsync(gate, transport, sender, chunk, campaigns, sendBy, ct)).ToList();
        foreach (var (chunk, results, deferral, held) in await Task.WhenAll(chunks))
        {
            foreach (var (id, hold) in held)
                outcomes.Add(hold.WithdrawReason is { } reason
                    ? new DeliveryOutcome(id, DeliveryStatuses.Suppressed, hold.Detail, Reason: reason)
                    : new DeliveryOutcome(id, DeliveryStatuses.Queued, hold.Detail, RunAt: hold.HoldUntil, Refund: true));
            if (deferral is not null)
                outcomes.AddRange(chunk.Select(e => new DeliveryOutcome(e.DeliveryId, DeliveryStatuses.Queued, $"{deferral.Why}; deferred without an attempt.",
                    RunAt: deferral.Until, Refund: true)));
            else
                foreach (var result in results!)
                    outcomes.Add(Classify(byId[result.DeliveryId], result, transport.Provider));
        }
        log.LogDebug("{Count} deliveries: recipients and policies {Policy} ms, render {Render} ms, provider {Send} ms",
            batch.Count, policyMs, renderMs, watch.ElapsedMilliseconds - policyMs - renderMs);
        return outcomes;
    }

    /// <summary>One transport call over one connection, when the circuit, the connection limit and the rate limit allow.</summary>
    private async Task<(OutgoingEmail[] Chunk, IReadOnlyList<EmailSendResult>? Results, Deferral? Deferred, IReadOnlyDictionary<Guid, DispatchHold> Held)>
        SendChunkAsync(ProviderGate gate, IEmailTransport transport, EmailSender sender, OutgoingEmail[] chunk, IReadOnlyDictionary<Guid, Guid> campaigns,
            DateTime sendBy, CancellationToken ct)
    {
        IReadOnlyDictionary<Guid, DispatchHold> held = NoneHeld;
        await gate.Connections.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            var left = sendBy - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return (chunk, null, new(now, "The round ran out of lease time"), held);
            if (!gate.Breaker.TryAcquire()) return (chunk, null, new(gate.Breaker.RetryAt, "The provider's circuit is open"), held);
            var wait = TimeSpan.Zero;
            if (gate.Rate is { } rate && !rate.TryReserve(chunk.Length, left, out wait))
            {
                gate.Breaker.Release(); // the send (maybe the half-open trial) was not made
                return (chunk, null, new(now + wait, "The provider's rate limit is reached"), held);
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            // Campaign messages: the campaign may have been paused or cancelled while this chunk waited its turn.
            var ofCampaigns = chunk.Where(e => campaigns.ContainsKey(e.DeliveryId)).ToDictionary(e => e.DeliveryId, e => campaigns[e.DeliveryId]);
            if (ofCampaigns.Count > 0 && (held = await holds.HoldsAsync(ofCampaigns, ct)).Count > 0)
            {
                chunk = chunk.Where(e => !held.ContainsKey(e.DeliveryId)).ToArray();
                if (chunk.Length == 0)
                {
                    gate.Breaker.Release();
                    return (chunk, [], null, held);
                }
            }
            IReadOnlyList<EmailSendResult> results;
            try
            {
                results = await transport.SendAsync(sender, chunk, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "The {Provider} transport failed a whole chunk", transport.Provider);
                results = chunk.Select(m => new EmailSendResult(m.DeliveryId, SendOutcome.Transient, null, e.Message)).ToList();
            }
            // Only a provider-wide failure (nothing got through, all transient) counts against the provider.
            if (results.Count > 0 && results.All(r => r.Outcome == SendOutcome.Transient)) gate.Breaker.RecordFailure();
            else gate.Breaker.RecordSuccess();
            var byId = results.GroupBy(r => r.DeliveryId).ToDictionary(g => g.Key, g => g.First());
            return (chunk, chunk.Select(e => byId.GetValueOrDefault(e.DeliveryId)
                ?? new EmailSendResult(e.DeliveryId, SendOutcome.Transient, null, "The transport gave no result for this message.")).ToList(), null, held);
        }
        finally
        {
            gate.Connections.Release();
        }
    }

    private static readonly IReadOnlyDictionary<Guid, DispatchHold> NoneHeld = new Dictionary<Guid, DispatchHold>();

    private DeliveryOutcome Classify(Delivery d, EmailSendResult result, string provider) => result switch
    {
        { Outcome: SendOutcome.Sent } => new(d.Id, DeliveryStatuses.Sent, $"Accepted by {provider}" + (result.ProviderMessageId is { } id ? $" as {id}" : ""),
            Provider: provider, ProviderMessageId: result.ProviderMessageId),
        { Outcome: SendOutcome.Permanent } => new(d.Id, DeliveryStatuses.Failed, result.Error ?? "Refused by the provider.", Error: result.Error ?? "Refused by the provider.", Provider: provider),
        _ => Transient(d, result.Error ?? "Temporary failure.", provider),
    };

    /// <summary>Retry with exponential backoff and jitter, or dead after the last attempt.</summary>
    private DeliveryOutcome Transient(Delivery d, string error, string? provider = null)
    {
        if (d.Attempts >= options.MaxAttempts)
            return new(d.Id, DeliveryStatuses.Dead, $"Attempt {d.Attempts} of {options.MaxAttempts} failed: {error}", Error: error, Provider: provider);
        var delay = RetryBackoff.Delay(d.Attempts, TimeSpan.FromSeconds(options.RetryBaseSeconds), TimeSpan.FromSeconds(options.RetryMaxSeconds), Random.Shared.NextDouble());
        var at = clock.GetUtcNow() + delay;
        return new(d.Id, DeliveryStatuses.Queued, $"Attempt {d.Attempts} failed: {error}; retrying at {at:O}", RunAt: at, Error: error, Provider: provider);
    }

    private static MessageCategory Category(Delivery d) => d.Category == MessageCategories.Marketing ? MessageCategory.Marketing : MessageCategory.Transactional;

    private static FrequencyCap? CapOf(Delivery d) => d is { FrequencyCapMax: { } max, FrequencyCapWindowMinutes: { } minutes }
        ? new FrequencyCap(max, TimeSpan.FromMinutes(minutes)) : null;
}
