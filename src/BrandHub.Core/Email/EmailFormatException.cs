namespace BrandHub.Core.Email;

/// <summary>
/// A message that cannot be put on the wire as asked: a malformed address, a header that would inject another
/// header, a non-ASCII address to a peer without SMTPUTF8. Retrying the same message cannot help.
/// </summary>
public sealed class EmailFormatException(string message) : ArgumentException(message);
