namespace BrandHub.Core.Audience;

/// <summary>
/// A purpose for which a contact can give or withdraw consent. Wire names (see
/// <see cref="ConsentWireNames"/>): <c>email</c>, <c>sms</c>, <c>whatsapp</c>, <c>push</c>, <c>profiling</c>.
/// </summary>
public enum ConsentChannel
{
    /// <summary>Marketing email.</summary>
    Email,

    /// <summary>Marketing SMS.</summary>
    Sms,

    /// <summary>Marketing WhatsApp messages.</summary>
    WhatsApp,

    /// <summary>Mobile or web push notifications.</summary>
    Push,

    /// <summary>
    /// Not a message channel: permission to build a behavioural profile (segmentation, scoring) of the contact.
    /// </summary>
    Profiling,
}
