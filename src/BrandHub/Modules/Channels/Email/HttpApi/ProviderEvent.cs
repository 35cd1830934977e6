using System.Globalization;
using System.Text.Json;
using BrandHub.Modules.Delivery;

namespace BrandHub.Modules.Channels.Email.HttpApi;

/// <summary>
/// One Mailgun-style <c>event-data</c> object read into what BrandHub acts on. Mapping: <c>delivered</c>, <c>opened</c>,
/// <c>clicked</c>, <c>complained</c> as themselves; <c>failed</c> with severity <c>permanent</c> → <c>bounced</c> (hard bounce,
/// suppresses the address); <c>failed</c> with severity <c>temporary</c> → nothing (the provider is still retrying and will
/// report the final outcome); <c>unsubscribed</c> → the recipient's email consent is withdrawn; anything else is ignored.
/// </summary>
public sealed record ProviderEvent(string Event, DeliveryEvent? Delivery, string? Recipient, Guid? DeliveryId)
{
    public bool IsUnsubscribe => Event == "unsubscribed";

    public static ProviderEvent Read(JsonElement data, DateTimeOffset receivedAt)
    {
        var name = Str(data, "event") ?? "";
        var severity = Str(data, "severity");
        var at = data.TryGetProperty("timestamp", out var ts) ? Timestamp(ts) ?? receivedAt : receivedAt;
        Guid? deliveryId = data.TryGetProperty("user-variables", out var vars) && vars.ValueKind == JsonValueKind.Object
                           && Guid.TryParse(Str(vars, "delivery-id"), out var d) ? d : null;
        var messageId = data.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
                        && m.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
            ? Str(h, "message-id")?.Trim().Trim('<', '>') : null;
        var recipient = Str(data, "recipient");
        var reason = Str(data, "reason");
        var description = data.TryGetProperty("delivery-status", out var ds) && ds.ValueKind == JsonValueKind.Object
            ? Str(ds, "description") ?? Str(ds, "message") : null;

        DeliveryEvent? Make(string status, string? detail = null, bool permanent = true) =>
            deliveryId is null && messageId is null ? null : new DeliveryEvent(deliveryId, messageId, status, at, detail, permanent);

        var delivery = name switch
        {
            "delivered" => Make("delivered"),
            "opened" => Make("opened", Str(data, "user-agent") ?? ClientUserAgent(data)),
            "clicked" => Make("clicked", Str(data, "url")),
            "complained" => Make("complained"),
            "failed" when severity == "permanent" => Make("bounced", Join(reason, description), permanent: true),
            _ => null,
        };
        return new ProviderEvent(name, delivery, recipient, deliveryId);
    }

    private static string? ClientUserAgent(JsonElement data) =>
        data.TryGetProperty("client-info", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "user-agent") : null;

    private static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (_, null) => a,
        (null, _) => b,
        _ => $"{a}: {b}",
    };

    // Mailgun sends event timestamps as fractional Unix seconds (1521472262.908181); some senders quote them.
    private static DateTimeOffset? Timestamp(JsonElement ts)
    {
        double seconds;
        if (ts.ValueKind == JsonValueKind.Number && ts.TryGetDouble(out var n)) seconds = n;
        else if (ts.ValueKind == JsonValueKind.String && double.TryParse(ts.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) seconds = s;
        else return null;
        if (!double.IsFinite(seconds) || seconds is < 0 or > 32_503_680_000) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
