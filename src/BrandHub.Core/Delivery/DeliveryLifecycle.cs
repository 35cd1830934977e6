namespace BrandHub.Core.Delivery;

/// <summary>
/// The delivery state machine. Two kinds of moves:
/// <list type="bullet">
/// <item><b>Dispatch moves</b>, made by BrandHub itself: <c>queued → sending</c> (claimed), <c>sending → sent | failed |
/// dead | suppressed | queued</c> (sent, refused, retries exhausted, blocked by a policy at the last check, retry or hold),
/// <c>queued → suppressed</c> (blocked when queued) and <c>failed | dead → queued</c> (re-drive).</item>
/// <item><b>Events</b> reported later by providers and tracking (<see cref="ApplyEvent"/>): monotonic and idempotent, so
/// duplicated or out-of-order webhooks end in the right status.</item>
/// </list>
/// </summary>
/// <remarks>
/// Events form a ladder and a delivery only climbs it:
/// <c>sending &lt; sent &lt; failed = dead &lt; delivered &lt; opened &lt; clicked &lt; bounced &lt; complained</c>.
/// An event is applied when it ranks above the current status and ignored otherwise, so the final status is the highest
/// event reported, whatever order and however often the events arrive. What that decides:
/// <list type="bullet">
/// <item>A late <c>delivered</c> never overwrites <c>opened</c>; a <c>clicked</c> straight after <c>sent</c> is accepted
/// (a click implies the open).</item>
/// <item>A hard <c>bounced</c> is accepted after <c>delivered</c>: receiving servers often accept a message and bounce it
/// minutes later (asynchronous bounce). It also wins over opens and clicks, because the address must be suppressed
/// either way and the order webhooks arrive in must not change the outcome.</item>
/// <item><c>complained</c> wins over everything (people complain about mail they opened) and is final.</item>
/// <item>Proof of arrival (<c>delivered</c>, <c>opened</c>, <c>clicked</c>) is accepted on a <c>failed</c> or <c>dead</c>
/// delivery: an attempt we classified as failed (say a timeout after the server had accepted) did arrive.</item>
/// <item>Events never move a <c>queued</c> or <c>suppressed</c> delivery: BrandHub never handed it over, so such an event
/// is misrouted or forged.</item>
/// </list>
/// </remarks>
public static class DeliveryLifecycle
{
    /// <summary>Whether BrandHub itself may move a delivery from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanDispatch(DeliveryStatus from, DeliveryStatus to) => (from, to) switch
    {
        (DeliveryStatus.Queued, DeliveryStatus.Sending or DeliveryStatus.Suppressed) => true,
        (DeliveryStatus.Sending, DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Dead
            or DeliveryStatus.Suppressed or DeliveryStatus.Queued) => true,
        (DeliveryStatus.Failed or DeliveryStatus.Dead, DeliveryStatus.Queued) => true,
        _ => false,
    };

    /// <summary>Whether a delivery in this status can be re-driven (put back in the queue with fresh attempts).</summary>
    public static bool CanRedrive(DeliveryStatus status) => status is DeliveryStatus.Failed or DeliveryStatus.Dead;

    /// <summary>
    /// Decides what a reported event does to a delivery in status <paramref name="current"/>: the new status, or null when
    /// the event is ignored (a duplicate, a late event, or one that ranks below where the delivery already is).
    /// </summary>
    /// <param name="reported">One of delivered, opened, clicked, bounced, complained, failed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reported"/> is not something the outside world reports.</exception>
    public static DeliveryStatus? ApplyEvent(DeliveryStatus current, DeliveryStatus reported)
    {
        if (!IsReportable(reported))
        {
            throw new ArgumentOutOfRangeException(nameof(reported), reported, "Only delivered, opened, clicked, bounced, complained and failed are reported.");
        }

        if (current is DeliveryStatus.Queued or DeliveryStatus.Suppressed)
        {
            return null;
        }

        return Rank(reported) > Rank(current) ? reported : null;
    }

    /// <summary>The statuses providers and tracking may report.</summary>
    public static bool IsReportable(DeliveryStatus status) => status is DeliveryStatus.Delivered or DeliveryStatus.Opened
        or DeliveryStatus.Clicked or DeliveryStatus.Bounced or DeliveryStatus.Complained or DeliveryStatus.Failed;

    /// <summary>A status after which no dispatch happens any more (only events may still move it).</summary>
    public static bool IsSettled(DeliveryStatus status) => status is not (DeliveryStatus.Queued or DeliveryStatus.Sending);

    // Sending is on the ladder: a provider's webhook can overtake the dispatcher's own "sent" update.
    private static int Rank(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Sending => 1,
        DeliveryStatus.Sent => 2,
        DeliveryStatus.Failed or DeliveryStatus.Dead => 3,
        DeliveryStatus.Delivered => 4,
        DeliveryStatus.Opened => 5,
        DeliveryStatus.Clicked => 6,
        DeliveryStatus.Bounced => 7,
        DeliveryStatus.Complained => 8,
        _ => 0,
    };
}
