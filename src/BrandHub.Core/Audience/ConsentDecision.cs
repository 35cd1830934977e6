namespace BrandHub.Core.Audience;

/// <summary>Outcome of <see cref="ConsentPolicy.Decide"/>.</summary>
/// <param name="Allowed">Whether the message may be sent.</param>
/// <param name="Reason">
/// Null when allowed; otherwise one of the <see cref="ConsentDecisionReasons"/> codes
/// (<c>no_consent</c>, <c>opted_out</c>, <c>global_unsubscribe</c>, <c>suppressed</c>).
/// </param>
public sealed record ConsentDecision(bool Allowed, string? Reason)
{
    /// <summary>The message may be sent.</summary>
    public static ConsentDecision Allow { get; } = new(true, null);

    /// <summary>The message must not be sent, for the given reason code.</summary>
    public static ConsentDecision Deny(string reason) => new(false, reason);
}
