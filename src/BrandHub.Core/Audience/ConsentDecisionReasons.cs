namespace BrandHub.Core.Audience;

/// <summary>Stable reason codes for a blocked send; they are stored with send logs and shown in reports.</summary>
public static class ConsentDecisionReasons
{
    /// <summary>The contact never opted in on this channel.</summary>
    public const string NoConsent = "no_consent";

    /// <summary>The contact opted out of this channel.</summary>
    public const string OptedOut = "opted_out";

    /// <summary>The contact unsubscribed from all marketing.</summary>
    public const string GlobalUnsubscribe = "global_unsubscribe";

    /// <summary>The address is suppressed (hard bounce, spam complaint, legal block).</summary>
    public const string Suppressed = "suppressed";
}
