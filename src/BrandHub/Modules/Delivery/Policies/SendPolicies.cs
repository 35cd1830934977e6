using BrandHub.Core.Audience;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Audience.Recipients;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Policies;

/// <summary>One message about to be queued or sent, as the policy check sees it.</summary>
/// <param name="Recipient">The contact, or null for an address that is no contact.</param>
/// <param name="CapOverride">The message's own frequency cap, replacing the tenant's.</param>
public sealed record PolicyCandidate(Recipient? Recipient, string Address, MessageCategory Category, FrequencyCap? CapOverride);

/// <summary>
/// Gathers, in a few bulk queries, the facts <see cref="SendPolicy"/> decides on — suppression list, consent, global
/// unsubscribe, recent marketing sends, time zones — for a whole batch, and decides in order. A message that may be sent
/// counts towards its contact's frequency cap for the ones after it in the same batch.
/// </summary>
public sealed class SendPolicies(BrandHubDb db, SuppressionList suppressions, TimeProvider clock)
{
    public async Task<TenantSendPolicy> TenantAsync(CancellationToken ct)
    {
        var tenantId = db.Scope.RequiredTenantId;
        var row = await db.Set<DeliveryPolicy>().AsNoTracking().FirstOrDefaultAsync(ct);
        var zone = await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Timezone).FirstOrDefaultAsync(ct);
        return TenantSendPolicy.From(row, zone);
    }

    public async Task<IReadOnlyList<SendDecision>> DecideAsync(string channel, IReadOnlyList<PolicyCandidate> batch, TenantSendPolicy tenant, CancellationToken ct)
    {
        ConsentWireNames.TryParseChannel(channel, out var consentChannel);
        var now = clock.GetUtcNow();
        var suppressed = await suppressions.SuppressedAsync(channel, batch.Select(c => c.Address).Where(a => a.Length > 0).ToList(), ct);
        var sent = await RecentMarketingSendsAsync(channel, batch, tenant, now, ct);

        var decisions = new List<SendDecision>(batch.Count);
        foreach (var c in batch)
        {
            var r = c.Recipient;
            var cap = c.CapOverride ?? tenant.Cap;
            var key = (r?.ContactId ?? Guid.Empty, cap?.Window ?? TimeSpan.Zero);
            var decision = SendPolicy.Decide(new SendContext(
                c.Category, consentChannel,
                r is not null && ConsentWireNames.TryParseStatus(r.Consent, out var status) ? status : ConsentStatus.Unknown,
                r?.GloballyUnsubscribed ?? false, suppressed.Contains(c.Address), c.Address.Length > 0 && r?.Live != false,
                cap, sent.GetValueOrDefault(key), tenant.Quiet, r?.Timezone is { } z ? TenantSendPolicy.ZoneOrUtc(z) : tenant.Zone, now));
            if (decision.Verdict == SendVerdict.Send && c.Category == MessageCategory.Marketing && r is not null)
                sent[key] = sent.GetValueOrDefault(key) + 1;
            decisions.Add(decision);
        }
        return decisions;
    }

    /// <summary>Marketing messages sent per contact within each cap window used in the batch (usually one window: one query).</summary>
    private async Task<Dictionary<(Guid, TimeSpan), int>> RecentMarketingSendsAsync(string channel, IReadOnlyList<PolicyCandidate> batch,
        TenantSendPolicy tenant, DateTimeOffset now, CancellationToken ct)
    {
        var counts = new Dictionary<(Guid, TimeSpan), int>();
        var byWindow = batch.Where(c => c.Category == MessageCategory.Marketing && c.Recipient is not null && (c.CapOverride ?? tenant.Cap) is not null)
            .GroupBy(c => (c.CapOverride ?? tenant.Cap)!.Window);
        foreach (var group in byWindow)
        {
            // One index probe per contact, as a correlated count over the list, so no statistics can turn it into a scan of
            // the tenant's recent sends: EF's list translation (with a null test for the nullable column), and a join to the
            // list, were each planned that way on PostgreSQL right after a launch — 20 to 220 ms a batch instead of 2.
            var (ids, idsParameter) = db.IdList(group.Select(c => c.Recipient!.ContactId));
            var rows = await db.QueryAsync($@"SELECT i.id, (SELECT COUNT(*) FROM deliveries d WHERE d.tenant_id = @tenant AND d.contact_id = i.id
                    AND d.sent_at >= @since AND d.channel = @channel AND d.category = @marketing)
                FROM ({ids}) AS i",
                [("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@channel", channel), ("@marketing", MessageCategories.Marketing),
                    ("@since", db.Instant(now - group.Key)), idsParameter],
                r => (ContactId: r.GetId(0), Count: Convert.ToInt32(r.GetValue(1))), ct);
            foreach (var row in rows.Where(r => r.Count > 0)) counts[(row.ContactId, group.Key)] = row.Count;
        }
        return counts;
    }
}
