using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery;

/// <summary>
/// Applies what providers and tracking report (<see cref="IDeliveryEvents"/>): monotonic by <see cref="DeliveryLifecycle.ApplyEvent"/>,
/// idempotent (a duplicate changes nothing and adds no history), hard bounces and complaints suppress the address, and
/// opens and clicks go on the contact's timeline. A soft (temporary) bounce or failure is history only: the provider retries.
/// </summary>
public sealed class DeliveryEventRecorder(BrandHubDb db, SuppressionList suppressions, ContactTimeline timeline, TimeProvider clock) : IDeliveryEvents
{
    public async Task<bool> RecordAsync(DeliveryEvent e, CancellationToken ct)
    {
        if (!DeliveryStatuses.TryParse(e.Status, out var reported) || !DeliveryLifecycle.IsReportable(reported))
            throw new ArgumentException($"'{e.Status}' is not a reportable delivery status.", nameof(e));
        try
        {
            return await ApplyAsync(e, reported, ct);
        }
        catch (DbUpdateException ex) when (Platform.Http.ErrorHandling.IsUniqueViolation(ex))
        {
            // The same bounce arrived twice at once and both tried to suppress the address: the other one recorded it.
            db.ChangeTracker.Clear();
            db.PendingAudit.Clear();
            return await ApplyAsync(e, reported, ct);
        }
    }

    private async Task<bool> ApplyAsync(DeliveryEvent e, DeliveryStatus reported, CancellationToken ct)
    {
        var d = e.DeliveryId is { } id ? await db.Set<Delivery>().FirstOrDefaultAsync(x => x.Id == id, ct)
            : e.ProviderMessageId is { Length: > 0 } pmid ? await db.Set<Delivery>().FirstOrDefaultAsync(x => x.ProviderMessageId == pmid, ct)
            : null;
        if (d is null) return false;
        var current = DeliveryStatuses.Parse(d.Status);
        var soft = reported is DeliveryStatus.Bounced or DeliveryStatus.Failed && !e.Permanent;
        var next = soft ? null : DeliveryLifecycle.ApplyEvent(current, reported);
        var detail = e.Detail is { Length: > 0 } ? e.Detail : null;
        var eventText = soft ? $"Temporary {e.Status}" + (detail is null ? "" : $": {detail}") : detail;

        if (next is null)
        {
            // Not a move. A soft bounce, or another click on a different link, is still worth keeping once in the history.
            var worthKeeping = soft || (reported == DeliveryStatus.Clicked && current == DeliveryStatus.Clicked && detail is not null);
            if (!worthKeeping || await db.Set<DeliveryTransition>().AnyAsync(t => t.DeliveryId == d.Id && t.ToStatus == d.Status && t.Detail == eventText, ct))
                return true;
            db.Add(DeliveryHistory.Entry(d, d.Status, d.Status, e.At, eventText));
            if (reported == DeliveryStatus.Clicked && d.ContactId is { } contact) timeline.Add(contact, "delivery.clicked", "Clicked a link in an email", new { deliveryId = d.Id, url = detail }, e.At);
            await db.SaveChangesAsync(ct);
            return true;
        }

        var to = DeliveryStatuses.Format(next.Value);
        db.Add(DeliveryHistory.Entry(d, d.Status, to, e.At, eventText));
        d.Status = to;
        d.UpdatedAt = clock.GetUtcNow();
        if (next is DeliveryStatus.Bounced or DeliveryStatus.Complained)
            await suppressions.StageAsync(d.Channel, d.Address, next == DeliveryStatus.Bounced ? "hard_bounce" : "complaint", detail, $"delivery:{d.Id}", ct);
        if (d.ContactId is { } contactId)
        {
            if (next == DeliveryStatus.Opened) timeline.Add(contactId, "delivery.opened", "Opened an email", new { deliveryId = d.Id }, e.At);
            if (next == DeliveryStatus.Clicked) timeline.Add(contactId, "delivery.clicked", "Clicked a link in an email", new { deliveryId = d.Id, url = detail }, e.At);
            if (next == DeliveryStatus.Bounced) timeline.Add(contactId, "delivery.bounced", "An email bounced; the address is suppressed", new { deliveryId = d.Id, detail }, e.At);
            if (next == DeliveryStatus.Complained) timeline.Add(contactId, "delivery.complained", "Marked an email as spam; the address is suppressed", new { deliveryId = d.Id }, e.At);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
