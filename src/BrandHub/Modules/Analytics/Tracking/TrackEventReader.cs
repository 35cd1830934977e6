using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Core.Tracking;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// Reads and checks one event of a request on its own, so a bad event is reported by its index and field while the
/// good ones of the same batch are stored. Timestamps are corrected for the sender's clock: when the batch says when it
/// was sent, the difference between that and our clock is added to every event (a phone an hour fast still files its
/// events at the right time); whatever is left in the future is filed at arrival.
/// </summary>
public static class TrackEventReader
{
    public const int MaxIdLength = 100, MaxUrlLength = 2048, MaxUtmLength = 200, MaxPropertiesBytes = 16 * 1024;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    /// <summary>A checked event, before identities are resolved.</summary>
    public sealed record Draft(TrackEvent Event, string? Email, string? ExternalId, string ExternalSource, Guid? BhDelivery);

    public static (Draft? Draft, List<FieldError> Errors) Read(JsonElement raw, DateTimeOffset receivedAt, TimeSpan clockSkew, JsonSerializerOptions json)
    {
        var errors = new List<FieldError>();
        TrackInput? input;
        try { input = raw.ValueKind == JsonValueKind.Object ? raw.Deserialize<TrackInput>(json) : null; }
        catch (JsonException ex) { return (null, [new("", $"Not a valid event: {ex.Message}")]); }
        if (input is null) return (null, [new("", "An event is a JSON object.")]);

        var type = input.Type?.Trim().ToLowerInvariant();
        if (type is null || !TrackEventTypes.All.Contains(type)) errors.Add(new("type", $"One of {string.Join(", ", TrackEventTypes.All)}."));
        var name = type == TrackEventTypes.Custom ? input.Name?.Trim() : type;
        if (type == TrackEventTypes.Custom && (string.IsNullOrEmpty(name) || name.Length > 100)) errors.Add(new("name", "A custom event needs a name of 1–100 characters."));

        var eventId = input.EventId?.Trim();
        if (eventId is { Length: 0 or > MaxIdLength }) errors.Add(new("eventId", $"1–{MaxIdLength} characters."));
        var anonymousId = Optional(input.AnonymousId, "anonymousId", MaxIdLength, errors);
        string? email = null;
        if (input.Email is { } rawEmail)
        {
            if (EmailAddress.TryNormalize(rawEmail, out var e, out var why)) email = e;
            else errors.Add(new("email", why));
        }
        var externalId = Optional(input.ExternalId, "externalId", MaxIdLength, errors);
        var externalSource = Optional(input.ExternalSource, "externalSource", 50, errors)?.ToLowerInvariant() ?? "erp";
        if (anonymousId is null && input.ContactId is null && email is null && externalId is null)
            errors.Add(new("anonymousId", "Say who did it: anonymousId, contactId, email or externalId."));
        if (type == TrackEventTypes.Identify && (anonymousId is null || (input.ContactId is null && email is null && externalId is null)))
            errors.Add(new("anonymousId", "identify ties an anonymousId to a contact: send both the anonymousId and a contactId, email or externalId."));

        var url = Url(input.Url, "url", errors);
        var referrer = Url(input.Referrer, "referrer", errors);
        var query = url is null ? [] : QueryHelpers.ParseQuery(new Uri(url).Query);
        string? Utm(string? given, string key, string field) =>
            Optional(given ?? Parameter(query, "utm_" + key), field, MaxUtmLength, errors);
        var utmSource = Utm(input.Utm?.Source, "source", "utm.source");
        var utmMedium = Utm(input.Utm?.Medium, "medium", "utm.medium");
        var utmCampaign = Utm(input.Utm?.Campaign, "campaign", "utm.campaign");
        var utmTerm = Utm(input.Utm?.Term, "term", "utm.term");
        var utmContent = Utm(input.Utm?.Content, "content", "utm.content");

        // The first click id present wins, in the classifier's order of precedence.
        var clicks = new (string Kind, string? Value)[]
        {
            ("bh", input.BhClickId ?? Parameter(query, TrackEventTypes.BrandHubClickParameter)),
            ("gclid", input.Gclid ?? Parameter(query, "gclid")), ("msclkid", input.Msclkid ?? Parameter(query, "msclkid")),
            ("ttclid", input.Ttclid ?? Parameter(query, "ttclid")), ("fbclid", input.Fbclid ?? Parameter(query, "fbclid")),
        };
        var (clickKind, clickId) = clicks.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Value));
        clickId = Optional(clickId, clickKind ?? "clickId", 500, errors);
        Guid? bhDelivery = clickKind == "bh" && Guid.TryParse(clickId, out var d) ? d : null;

        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))) errors.Add(new("currency", "An ISO 4217 code such as RON or EUR."));
        if (input.Revenue is { } r)
        {
            if (r < 0 || r > 1_000_000_000m || decimal.Round(r, 4) != r) errors.Add(new("revenue", "An amount from 0 to 1,000,000,000 with at most 4 decimals."));
            if (currency is null) errors.Add(new("currency", "Revenue needs its currency."));
        }
        if (type == TrackEventTypes.Purchase && input.Revenue is null) errors.Add(new("revenue", "A purchase carries its revenue (0 for a free order)."));
        var orderId = Optional(input.OrderId, "orderId", MaxIdLength, errors);

        var properties = "{}";
        if (input.Properties is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } p)
        {
            if (p.ValueKind != JsonValueKind.Object) errors.Add(new("properties", "A JSON object."));
            else if ((properties = p.GetRawText()).Length > MaxPropertiesBytes) errors.Add(new("properties", "At most 16 KB."));
        }

        var occurredAt = receivedAt;
        if (input.Timestamp is { } at)
        {
            occurredAt = at.ToUniversalTime() + clockSkew;
            if (occurredAt > receivedAt) occurredAt = receivedAt;
            if (occurredAt < receivedAt - MaxAge) errors.Add(new("timestamp", $"Events older than {MaxAge.Days} days are not accepted."));
        }
        if (errors.Count > 0) return (null, errors);

        var row = new TrackEvent
        {
            Id = Guid.CreateVersion7(), EventId = eventId ?? Guid.NewGuid().ToString("N"), Type = type!, Name = name!,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(occurredAt.ToUnixTimeMilliseconds()),
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(receivedAt.ToUnixTimeMilliseconds()),
            AnonymousId = anonymousId, ContactId = input.ContactId, Url = url, Referrer = referrer,
            UtmSource = utmSource, UtmMedium = utmMedium, UtmCampaign = utmCampaign, UtmTerm = utmTerm, UtmContent = utmContent,
            ClickKind = clickKind, ClickId = clickId, Revenue = input.Revenue, Currency = currency, OrderId = orderId, PropertiesJson = properties,
        };
        return (new Draft(row, email, externalId, externalSource, bhDelivery), errors);
    }

    /// <summary>utm_source, else the referrer's host when it is another site, else (direct).</summary>
    public static string SourceOf(TrackEvent e)
    {
        if (e.UtmSource is { } s) return s.ToLowerInvariant();
        if (e.ClickKind == "bh") return "brandhub";
        if (ChannelClassifier.Host(e.Referrer) is { } host && host != ChannelClassifier.Host(e.Url)) return host;
        return "(direct)";
    }

    private static string? Optional(string? value, string field, int max, List<FieldError> errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) errors.Add(new(field, $"At most {max} characters."));
        return v;
    }

    private static string? Url(string? value, string field, List<FieldError> errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > MaxUrlLength || !Uri.TryCreate(v, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add(new(field, $"An absolute http(s) URL of at most {MaxUrlLength} characters."));
            return null;
        }
        return v;
    }

    /// <summary>A URL parameter's first value, if the URL has it.</summary>
    private static string? Parameter(Dictionary<string, StringValues> query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
