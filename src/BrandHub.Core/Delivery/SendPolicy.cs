using BrandHub.Core.Audience;

namespace BrandHub.Core.Delivery;

/// <summary>Everything the send policies look at for one message to one contact, gathered by the caller.</summary>
/// <param name="Category">Transactional messages are exempt from consent, frequency cap and quiet hours.</param>
/// <param name="Channel">The consent channel of the message (email, sms…).</param>
/// <param name="Consent">The contact's consent on that channel.</param>
/// <param name="GloballyUnsubscribed">The contact unsubscribed from all marketing.</param>
/// <param name="Suppressed">The address is on the suppression list (hard bounce, complaint, manual block).</param>
/// <param name="HasAddress">The contact has an address on this channel and still exists.</param>
/// <param name="Cap">The frequency cap in force (the message's override, else the tenant's default), or none.</param>
/// <param name="RecentMarketingSends">Marketing messages sent to this contact on this channel within <see cref="FrequencyCap.Window"/>.</param>
/// <param name="Quiet">The tenant's quiet hours, or none.</param>
/// <param name="Zone">The contact's time zone (the tenant's when the contact has none).</param>
/// <param name="Now">The moment of the decision.</param>
public sealed record SendContext(
    MessageCategory Category,
    ConsentChannel Channel,
    ConsentStatus Consent,
    bool GloballyUnsubscribed,
    bool Suppressed,
    bool HasAddress,
    FrequencyCap? Cap,
    int RecentMarketingSends,
    QuietHours? Quiet,
    TimeZoneInfo Zone,
    DateTimeOffset Now);

public enum SendVerdict
{
    /// <summary>Send now.</summary>
    Send,

    /// <summary>Never send this message; see <see cref="SendDecision.Reason"/>.</summary>
    Suppress,

    /// <summary>Not now: send at <see cref="SendDecision.HoldUntil"/> (quiet hours).</summary>
    Hold,
}

/// <param name="Reason">For <see cref="SendVerdict.Suppress"/>: one of <see cref="SuppressionReasons"/>.</param>
/// <param name="HoldUntil">For <see cref="SendVerdict.Hold"/>: when the message may go.</param>
public sealed record SendDecision(SendVerdict Verdict, string? Reason = null, DateTimeOffset? HoldUntil = null)
{
    public static SendDecision Send { get; } = new(SendVerdict.Send);

    public static SendDecision Suppress(string reason) => new(SendVerdict.Suppress, reason);

    public static SendDecision Hold(DateTimeOffset until) => new(SendVerdict.Hold, HoldUntil: until);
}

/// <summary>Stable reason codes of a suppressed delivery, stored with it and shown in the API.</summary>
public static class SuppressionReasons
{
    /// <summary>A marketing message to a contact who never opted in on the channel (or an address that is no contact).</summary>
    public const string NoConsent = "no_consent";

    /// <summary>The contact opted out of the channel or unsubscribed from all marketing.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The address is on the suppression list.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>The contact already had the maximum number of marketing messages in the window.</summary>
    public const string FrequencyCap = "frequency_cap";

    /// <summary>Nothing to send to: the contact has no address on the channel, or was deleted before the send.</summary>
    public const string NoAddress = "no_address";

    public static IReadOnlyList<string> All { get; } = [NoConsent, Unsubscribed, Suppressed, FrequencyCap, NoAddress];
}

/// <summary>
/// The policies every message passes before it is sent — at queue time (so the caller learns at once) and again right
/// before the send (consent may have changed in between). Checked strongest block first, so the reason names it:
/// no address, suppression list, consent (<see cref="ConsentPolicy.Decide"/>: global unsubscribe, opt-out, no opt-in),
/// frequency cap, then quiet hours, which never drop a message but hold it until the window opens in the contact's zone.
/// </summary>
public static class SendPolicy
{
    public static SendDecision Decide(SendContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!c.HasAddress)
        {
            return SendDecision.Suppress(SuppressionReasons.NoAddress);
        }

        var transactional = c.Category == MessageCategory.Transactional;
        var consent = ConsentPolicy.Decide(c.Channel, c.Consent, c.GloballyUnsubscribed, c.Suppressed, transactional);
        if (!consent.Allowed)
        {
            return SendDecision.Suppress(consent.Reason switch
            {
                ConsentDecisionReasons.Suppressed => SuppressionReasons.Suppressed,
                ConsentDecisionReasons.NoConsent => SuppressionReasons.NoConsent,
                _ => SuppressionReasons.Unsubscribed, // opted out of the channel, or of all marketing
            });
        }

        if (transactional)
        {
            return SendDecision.Send;
        }

        if (c.Cap is { } cap && c.RecentMarketingSends >= cap.MaxMessages)
        {
            return SendDecision.Suppress(SuppressionReasons.FrequencyCap);
        }

        return c.Quiet?.ReleaseAfter(c.Now, c.Zone) is { } until ? SendDecision.Hold(until) : SendDecision.Send;
    }
}
