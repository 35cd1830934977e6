using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Core.Delivery;

namespace BrandHub.Modules.Delivery.Messages;

/// <summary><c>POST /api/v1/messages</c>: one message to one recipient or a batch of up to 1,000.</summary>
/// <param name="Channel"><c>email</c>.</param>
/// <param name="Category"><c>transactional</c> or <c>marketing</c>.</param>
/// <param name="Recipients">1–1000, each with a <c>contactId</c> or an <c>email</c>.</param>
/// <param name="TemplateId">A stored template (its current version), or give <c>content</c>.</param>
/// <param name="Content">Inline subject, html, text (and preheader) instead of a template.</param>
/// <param name="Data">Values for the template's variables (<c>{{data.name}}</c>).</param>
/// <param name="IdempotencyKey">Up to 200 characters. Sending the same key again answers with the deliveries already made; in a batch
/// recipient i gets <c>key:i</c> (0-based), a single recipient the key itself.</param>
/// <param name="FrequencyCap">Marketing only: replaces the tenant's frequency cap for this message.</param>
public sealed record MessageRequest(string? Channel, string? Category, List<MessageRecipient?>? Recipients, Guid? TemplateId = null,
    MessageContent? Content = null, JsonObject? Data = null, string? IdempotencyKey = null, FrequencyCapInput? FrequencyCap = null);

public sealed record MessageRecipient(Guid? ContactId = null, string? Email = null);

public sealed record MessageContent(string? Subject = null, string? Html = null, string? Text = null, string? Preheader = null);

/// <param name="MaxMessages">At most this many marketing messages…</param>
/// <param name="WindowHours">…per contact in any rolling window of this many hours.</param>
public sealed record FrequencyCapInput(int? MaxMessages, double? WindowHours);

/// <summary>202 answer: one entry per recipient, in the request's order.</summary>
public sealed record MessagesAccepted(IReadOnlyList<MessageOutcome> Messages);

/// <param name="Recipient">The email or contact id as given.</param>
/// <param name="Status"><c>queued</c>, <c>suppressed</c>, or — for a repeated idempotency key — wherever the delivery is now.</param>
/// <param name="Reason">For <c>suppressed</c>: no_consent, unsubscribed, suppressed, frequency_cap or no_address.</param>
/// <param name="HeldUntil">Set when quiet hours hold the message: when it will be sent.</param>
public sealed record MessageOutcome(Guid DeliveryId, string Recipient, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? HeldUntil = null);

/// <summary>A request that passed the checks that need no database: normalised recipients, category, keys.</summary>
public sealed record MessageOrder(string Channel, MessageCategory Category, IReadOnlyList<OrderedRecipient> Recipients,
    MessageRequest Request, FrequencyCap? CapOverride)
{
    public const int MaxRecipients = 1000, MaxKeyLength = 200;

    /// <summary>Checks the shape of a request field by field; null with errors when it is not acceptable.</summary>
    public static MessageOrder? Read(MessageRequest r, List<FieldError> errors)
    {
        if (r.Channel != "email") errors.Add(new("channel", r.Channel is null ? "Channel is required: email." : "Only the email channel is available."));
        if (!MessageCategories.TryParse(r.Category, out var category)) errors.Add(new("category", "Category must be transactional or marketing."));
        if (r.TemplateId is null == r.Content is null) errors.Add(new("templateId", "Give either templateId or content."));
        if (r.Content is { } c)
        {
            if (string.IsNullOrWhiteSpace(c.Subject)) errors.Add(new("content.subject", "A subject is required."));
            if (string.IsNullOrWhiteSpace(c.Html) && string.IsNullOrWhiteSpace(c.Text)) errors.Add(new("content.html", "Give html, text or both."));
        }
        var key = r.IdempotencyKey?.Trim();
        if (r.IdempotencyKey is not null && (key!.Length is 0 or > MaxKeyLength || key.Any(char.IsControl)))
            errors.Add(new("idempotencyKey", $"1 to {MaxKeyLength} printable characters."));

        FrequencyCap? cap = null;
        if (r.FrequencyCap is { } f)
        {
            var capErrors = Core.Delivery.FrequencyCap.Validate(f.MaxMessages, f.WindowHours, "frequencyCap");
            errors.AddRange(capErrors);
            if (capErrors.Count == 0) cap = new FrequencyCap(f.MaxMessages!.Value, TimeSpan.FromMinutes(Math.Max(1, Math.Round(f.WindowHours!.Value * 60))));
            if (category == MessageCategory.Transactional && r.Category is not null)
                errors.Add(new("frequencyCap", "Transactional messages are exempt from the frequency cap."));
        }

        var recipients = new List<OrderedRecipient>();
        if (r.Recipients is null || r.Recipients.Count is 0 or > MaxRecipients)
            errors.Add(new("recipients", $"1 to {MaxRecipients} recipients."));
        else
            for (var i = 0; i < r.Recipients.Count; i++)
            {
                var field = $"recipients[{i}]";
                var item = r.Recipients[i];
                if (item is null || (item.ContactId is null == item.Email is null))
                {
                    errors.Add(new(field, "Give either contactId or email."));
                    continue;
                }
                var itemKey = key is null ? null : r.Recipients.Count == 1 ? key : $"{key}:{i}";
                if (item.ContactId is { } id) recipients.Add(new(i, id, null, id.ToString(), itemKey));
                else if (EmailAddress.TryNormalize(item.Email, out var email, out var error)) recipients.Add(new(i, null, email, email, itemKey));
                else errors.Add(new($"{field}.email", error));
            }

        return errors.Count > 0 ? null : new MessageOrder(r.Channel!, category, recipients, r, cap);
    }
}

/// <param name="Echo">What the answer calls the recipient: the email or contact id as given.</param>
/// <param name="Key">Its idempotency key, or null when the request had none.</param>
public sealed record OrderedRecipient(int Index, Guid? ContactId, string? Email, string Echo, string? Key);
