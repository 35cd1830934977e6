namespace BrandHub.Core.Delivery;

/// <summary>
/// Where a delivery stands. Wire names (see <see cref="DeliveryStatuses"/>): <c>queued</c>, <c>sending</c>, <c>sent</c>,
/// <c>delivered</c>, <c>opened</c>, <c>clicked</c>, <c>failed</c>, <c>bounced</c>, <c>complained</c>, <c>suppressed</c>,
/// <c>dead</c>. Which moves are allowed is <see cref="DeliveryLifecycle"/>'s business.
/// </summary>
public enum DeliveryStatus
{
    /// <summary>Persisted and waiting for its run time (new, retrying, or held for quiet hours).</summary>
    Queued,

    /// <summary>Claimed by a dispatcher under a lease and being handed to the provider.</summary>
    Sending,

    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>The receiving server accepted it (provider receipt).</summary>
    Delivered,

    /// <summary>The recipient opened it (pixel or provider event).</summary>
    Opened,

    /// <summary>The recipient clicked a link (implies opened).</summary>
    Clicked,

    /// <summary>The provider refused it for good (SMTP 5xx, HTTP 4xx); not retried.</summary>
    Failed,

    /// <summary>A hard bounce came back; the address is now suppressed.</summary>
    Bounced,

    /// <summary>The recipient marked it as spam; the address is now suppressed.</summary>
    Complained,

    /// <summary>Blocked by a policy before sending; see the delivery's reason.</summary>
    Suppressed,

    /// <summary>Retries exhausted (the dead-letter queue); can be re-driven.</summary>
    Dead,
}

/// <summary>Maps <see cref="DeliveryStatus"/> to and from the snake_case names stored and shown in the API.</summary>
public static class DeliveryStatuses
{
    private static readonly string[] Names =
        ["queued", "sending", "sent", "delivered", "opened", "clicked", "failed", "bounced", "complained", "suppressed", "dead"];

    /// <summary>Every wire name, in declaration order (for error messages and filters).</summary>
    public static IReadOnlyList<string> All => Names;

    public const string Queued = "queued", Sending = "sending", Sent = "sent", Delivered = "delivered", Opened = "opened",
        Clicked = "clicked", Failed = "failed", Bounced = "bounced", Complained = "complained", Suppressed = "suppressed", Dead = "dead";

    public static string Format(DeliveryStatus status) =>
        (int)status >= 0 && (int)status < Names.Length
            ? Names[(int)status]
            : throw new ArgumentOutOfRangeException(nameof(status), status, "No wire name for this delivery status.");

    /// <summary>Parses a wire name exactly (stored values are always lower case).</summary>
    public static bool TryParse(string? name, out DeliveryStatus status)
    {
        var i = Array.IndexOf(Names, name);
        status = i >= 0 ? (DeliveryStatus)i : default;
        return i >= 0;
    }

    public static DeliveryStatus Parse(string name) =>
        TryParse(name, out var s) ? s : throw new FormatException($"Unknown delivery status '{name}'.");
}
