namespace BrandHub.Core.Email;

/// <summary>
/// Everything the MIME writer needs to build one message. Text and HTML are both optional, but not both empty;
/// when both are given the message is <c>multipart/alternative</c> (text first, as RFC 2046 asks: least faithful first).
/// </summary>
/// <param name="Date">The Date header; the caller supplies it so that writing stays deterministic.</param>
/// <param name="MessageId">Including the angle brackets; when null one is generated as <c>&lt;guid@from-domain&gt;</c>.</param>
/// <param name="Headers">Extra headers written in order after the standard ones (List-Unsubscribe, Feedback-ID, X-…).</param>
public sealed record EmailMessage(
    MailboxAddress From,
    MailboxAddress To,
    string Subject,
    DateTimeOffset Date,
    string? Text,
    string? Html,
    MailboxAddress? ReplyTo = null,
    string? MessageId = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null,
    IReadOnlyList<InlineImage>? InlineImages = null);

/// <summary>An image the HTML refers to as <c>cid:{ContentId}</c>, carried in a <c>multipart/related</c> part.</summary>
/// <param name="ContentId">Without angle brackets, e.g. <c>logo@brandhub</c>.</param>
/// <param name="MediaType">e.g. <c>image/png</c>.</param>
public sealed record InlineImage(string ContentId, string MediaType, ReadOnlyMemory<byte> Content, string? FileName = null);
