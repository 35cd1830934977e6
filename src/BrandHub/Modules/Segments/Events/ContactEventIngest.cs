using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Audience.Contacts;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments.Events;

/// <param name="ContactId">The contact (batch form: this or email).</param>
/// <param name="Email">The contact's email (batch form: this or contactId).</param>
/// <param name="Name">What happened: purchase, login, … (1–100 characters).</param>
/// <param name="OccurredAt">When; now if absent.</param>
/// <param name="Properties">A JSON object of details (sku, total, …), at most 16 KB.</param>
/// <param name="Revenue">Money the event brought (purchases), at most 4 decimals.</param>
/// <param name="Currency">ISO 4217 code of the revenue.</param>
public sealed record ContactEventInput(Guid? ContactId, string? Email, string? Name, DateTimeOffset? OccurredAt, JsonElement? Properties,
    decimal? Revenue, string? Currency);

public sealed record ContactEventBatch(List<ContactEventInput>? Events);

public sealed record ContactEventView(Guid Id, Guid ContactId, string Name, DateTimeOffset OccurredAt, JsonElement Properties, decimal? Revenue, string? Currency);

public sealed record ContactEventBatchResult(int Accepted);

/// <summary>
/// Takes in contact events (a minimal ingest until tracking lands) and recomputes the touched contacts' metrics from their
/// events in one statement, in the same transaction; then asks for a debounced refresh of the tenant's dynamic segments.
/// </summary>
public sealed class ContactEventIngest(BrandHubDb db, SegmentRefreshRequests refreshes, TimeProvider clock)
{
    public const int MaxBatch = 1000, MaxPropertiesBytes = 16 * 1024;
    public const string Purchase = "purchase";

    /// <param name="prefix">Where the events sit in the request (<c>events[3].</c>) for field errors; empty for the single form.</param>
    public async Task<(IReadOnlyList<ContactEvent> Events, IReadOnlyList<FieldError> Errors)> IngestAsync(
        IReadOnlyList<(string Prefix, ContactEventInput Input)> inputs, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var emails = inputs.Where(i => i.Input.ContactId is null && i.Input.Email is not null)
            .Select(i => EmailAddress.TryNormalize(i.Input.Email, out var e, out _) ? e : i.Input.Email!.Trim()).Distinct().ToList();
        var byEmail = emails.Count == 0 ? [] : await db.Set<Contact>().AsNoTracking()
            .Where(c => c.Email != null && emails.Contains(c.Email) && c.DeletedAt == null && c.MergedIntoId == null)
            .ToDictionaryAsync(c => c.Email!, c => c.Id, ct);
        var ids = inputs.Where(i => i.Input.ContactId is not null).Select(i => i.Input.ContactId!.Value).Distinct().ToList();
        // A merged contact's events belong to the survivor.
        var byId = ids.Count == 0 ? [] : await db.Set<Contact>().AsNoTracking().Where(c => ids.Contains(c.Id) && c.DeletedAt == null)
            .ToDictionaryAsync(c => c.Id, c => c.MergedIntoId ?? c.Id, ct);

        var now = clock.Now();
        var events = new List<ContactEvent>();
        foreach (var (prefix, input) in inputs)
        {
            Guid contactId = default;
            if (input.ContactId is { } id)
            {
                if (!byId.TryGetValue(id, out contactId)) errors.Add(new($"{prefix}contactId", "No contact with this id."));
            }
            else if (input.Email is { } email)
            {
                var normalised = EmailAddress.TryNormalize(email, out var e, out _) ? e : email.Trim();
                if (!byEmail.TryGetValue(normalised, out contactId)) errors.Add(new($"{prefix}email", "No contact with this email."));
            }
            else errors.Add(new($"{prefix}contactId", "Say whose event it is: contactId or email."));

            var name = input.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 100) errors.Add(new($"{prefix}name", "An event name of 1–100 characters, e.g. purchase."));
            var properties = "{}";
            if (input.Properties is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } p)
            {
                if (p.ValueKind != JsonValueKind.Object) errors.Add(new($"{prefix}properties", "A JSON object."));
                else if ((properties = p.GetRawText()).Length > MaxPropertiesBytes) errors.Add(new($"{prefix}properties", "At most 16 KB."));
            }
            if (input.Revenue is { } r && (r < -1_000_000_000m || r > 1_000_000_000m || decimal.Round(r, 4) != r))
                errors.Add(new($"{prefix}revenue", "An amount with at most 4 decimals."));
            var currency = input.Currency?.Trim().ToUpperInvariant();
            if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
                errors.Add(new($"{prefix}currency", "An ISO 4217 code such as RON or EUR."));
            if (input.OccurredAt is { } at && at > now.AddDays(1)) errors.Add(new($"{prefix}occurredAt", "Events cannot be in the future."));

            events.Add(new ContactEvent
            {
                TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), ContactId = contactId, Name = name ?? "",
                OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds((input.OccurredAt ?? now).ToUnixTimeMilliseconds()),
                PropertiesJson = properties, Revenue = input.Revenue, Currency = currency,
            });
        }
        if (errors.Count > 0) return ([], errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AddRange(events);
        await db.SaveChangesInBulkAsync(ct);
        await RecomputeMetricsAsync(events.Select(e => e.ContactId).Distinct().ToList(), now, ct);
        await tx.CommitAsync(ct);
        await refreshes.RequestAsync(db, ct);
        return (events, []);
    }

    /// <summary>Orders, revenue and last order from the contact's purchase events, last seen from any event: recomputed, so idempotent.</summary>
    private Task RecomputeMetricsAsync(IReadOnlyList<Guid> contactIds, DateTimeOffset now, CancellationToken ct)
    {
        var (ids, idsParameter) = db.IdList(contactIds);
        var p = new List<(string Name, object? Value)> { ("@tenant", db.Id(db.Scope.RequiredTenantId)), ("@now", db.Instant(now)), ("@purchase", Purchase), idsParameter };
        return db.ExecuteAsync($@"INSERT INTO contact_metrics (tenant_id, contact_id, orders, revenue, last_order_at, last_seen_at, updated_at)
            SELECT e.tenant_id, e.contact_id,
                SUM(CASE WHEN e.name = @purchase THEN 1 ELSE 0 END),
                COALESCE(SUM(CASE WHEN e.name = @purchase THEN e.revenue END), 0),
                MAX(CASE WHEN e.name = @purchase THEN e.occurred_at END),
                MAX(e.occurred_at), @now
            FROM contact_events e WHERE e.tenant_id = @tenant AND e.contact_id IN ({ids})
            GROUP BY e.tenant_id, e.contact_id
            ON CONFLICT (tenant_id, contact_id) DO UPDATE SET orders = excluded.orders, revenue = excluded.revenue,
                last_order_at = excluded.last_order_at, last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at", p, ct);
    }

    public static ContactEventView View(ContactEvent e) =>
        new(e.Id, e.ContactId, e.Name, e.OccurredAt, JsonDocument.Parse(e.PropertiesJson).RootElement.Clone(), e.Revenue, e.Currency);
}
