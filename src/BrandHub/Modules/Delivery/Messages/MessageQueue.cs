using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Audience.Recipients;
using BrandHub.Modules.Content;
using BrandHub.Modules.Delivery.Policies;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Messages;

/// <summary>
/// Turns a message request into deliveries: checks content and data with the Content module (so a broken message fails
/// now, never at send time), resolves recipients (creating contacts for transactional recipients who are none yet),
/// applies the send policies so the caller learns at once what is suppressed or held, and writes every delivery in one
/// bulk insert. The same idempotency key again answers with the deliveries already made.
/// </summary>
public sealed class MessageQueue(BrandHubDb db, IEmailContent content, RecipientDirectory recipients, SendPolicies policies, TimeProvider clock)
{
    public sealed record Result(MessagesAccepted? Accepted, IReadOnlyList<FieldError> Errors);

    public async Task<Result> QueueAsync(MessageOrder order, CancellationToken ct)
    {
        try
        {
            return await AttemptAsync(order, ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // A concurrent request with the same key (or creating the same contact) won the race: answer from what it wrote.
            db.ChangeTracker.Clear();
            db.PendingAudit.Clear();
            return await AttemptAsync(order, ct);
        }
    }

    private async Task<Result> AttemptAsync(MessageOrder order, CancellationToken ct)
    {
        var keys = order.Recipients.Where(r => r.Key is not null).Select(r => r.Key!).ToList();
        var existing = keys.Count == 0 ? [] : await db.Set<Delivery>().AsNoTracking().Where(d => keys.Contains(d.IdempotencyKey))
            .Select(d => new { d.IdempotencyKey, d.Id, d.Status, d.Reason, d.RunAt }).ToDictionaryAsync(d => d.IdempotencyKey, ct);
        var fresh = order.Recipients.Where(r => r.Key is null || !existing.ContainsKey(r.Key)).ToList();
        var made = new Dictionary<int, MessageOutcome>();

        if (fresh.Count > 0)
        {
            var errors = new List<FieldError>();
            var request = order.Request;
            var data = request.Data ?? new JsonObject();
            var source = new EmailContentSource(request.TemplateId, null, request.Content?.Subject, request.Content?.Html, request.Content?.Text, request.Content?.Preheader);
            var prepared = await content.PrepareAsync(source, ct);
            if (!prepared.IsValid) return Invalid(prepared.Errors);
            var dataErrors = prepared.Email!.Validate(data);
            if (dataErrors.Count > 0) return Invalid(dataErrors);

            var resolved = await ResolveAsync(order, fresh, errors, ct);
            if (errors.Count > 0) return new Result(null, errors);

            var tenantPolicy = await policies.TenantAsync(ct);
            var candidates = fresh.Select(r => new PolicyCandidate(resolved[r.Index], resolved[r.Index]?.Email ?? r.Email ?? "", order.Category, order.CapOverride)).ToList();
            var decisions = await policies.DecideAsync(order.Channel, candidates, tenantPolicy, ct);

            var now = clock.Now();
            var dataJson = data.ToJsonString();
            var contentJson = request.Content is { } c ? JsonSerializer.Serialize(c, AuditJson) : null;
            for (var i = 0; i < fresh.Count; i++)
            {
                var r = fresh[i];
                var decision = decisions[i];
                var delivery = new Delivery
                {
                    TenantId = db.Scope.RequiredTenantId, Id = Guid.CreateVersion7(), Channel = order.Channel, Category = MessageCategories.Format(order.Category),
                    ContactId = resolved[r.Index]?.ContactId, Address = candidates[i].Address, TemplateId = prepared.Email.TemplateId,
                    TemplateVersion = prepared.Email.TemplateVersion, ContentJson = contentJson, DataJson = dataJson,
                    Status = decision.Verdict == SendVerdict.Suppress ? DeliveryStatuses.Suppressed : DeliveryStatuses.Queued,
                    Reason = decision.Reason, RunAt = decision.HoldUntil is { } until ? Whole(until) : now,
                    FrequencyCapMax = order.CapOverride?.MaxMessages, FrequencyCapWindowMinutes = (int?)order.CapOverride?.Window.TotalMinutes,
                    CreatedAt = now, UpdatedAt = now,
                };
                delivery.IdempotencyKey = r.Key ?? $"delivery:{delivery.Id}";
                db.Add(delivery);
                db.Add(DeliveryHistory.Entry(delivery, null, delivery.Status, now, decision switch
                {
                    { Verdict: SendVerdict.Suppress } => decision.Reason,
                    { Verdict: SendVerdict.Hold } => $"Held for quiet hours until {decision.HoldUntil:O}",
                    _ => null,
                }));
                made[r.Index] = new MessageOutcome(delivery.Id, r.Echo, delivery.Status, delivery.Reason, decision.HoldUntil is null ? null : delivery.RunAt);
            }
            await db.SaveChangesInBulkAsync(ct);
        }

        return new Result(new MessagesAccepted(order.Recipients.Select(r => made.TryGetValue(r.Index, out var m) ? m : Existing(r)).ToList()), []);

        MessageOutcome Existing(OrderedRecipient r)
        {
            var d = existing[r.Key!];
            var held = d.Status == DeliveryStatuses.Queued && d.RunAt > clock.GetUtcNow() ? d.RunAt : (DateTimeOffset?)null;
            return new MessageOutcome(d.Id, r.Echo, d.Status, d.Reason, held);
        }
    }

    /// <summary>The recipient behind each request entry (null: an email that is no contact, for a marketing message).</summary>
    private async Task<Dictionary<int, Recipient?>> ResolveAsync(MessageOrder order, List<OrderedRecipient> fresh, List<FieldError> errors, CancellationToken ct)
    {
        var byId = await recipients.FindAsync(fresh.Where(r => r.ContactId is not null).Select(r => r.ContactId!.Value).ToList(), order.Channel, ct);
        var emails = fresh.Where(r => r.Email is not null).Select(r => r.Email!).ToList();
        var byEmail = await recipients.FindByEmailAsync(emails, order.Channel, ct);
        if (order.Category == MessageCategory.Transactional)
            foreach (var (email, created) in recipients.StageForTransactional(emails.Where(e => !byEmail.ContainsKey(e)), "transactional message"))
                byEmail[email] = created;

        var resolved = new Dictionary<int, Recipient?>();
        foreach (var r in fresh)
        {
            if (r.ContactId is { } id)
            {
                if (byId.TryGetValue(id, out var found) && found.Live) resolved[r.Index] = found;
                else errors.Add(new($"recipients[{r.Index}].contactId", "No contact with this id."));
            }
            else resolved[r.Index] = byEmail.GetValueOrDefault(r.Email!);
        }
        return resolved;
    }

    private static Result Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, errors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key, m))).ToList());

    private static DateTimeOffset Whole(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private static bool IsUniqueViolation(Exception e) => e switch
    {
        DbUpdateException u => ErrorHandling.IsUniqueViolation(u),
        DbException d => d.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || d.Message.Contains("23505", StringComparison.Ordinal)
                         || d.Message.Contains("duplicate key", StringComparison.Ordinal),
        _ => false,
    };
}
