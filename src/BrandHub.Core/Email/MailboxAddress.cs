using System.Globalization;
using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// A mailbox as it appears in From/To/Reply-To and in the SMTP envelope: an address with an optional display name.
/// Construction validates strictly enough that the address can never break out of a header or an SMTP command.
/// </summary>
public sealed record MailboxAddress
{
    private static readonly IdnMapping Idn = new();

    public MailboxAddress(string address, string? displayName = null)
    {
        Address = Validate(address);
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName;
    }

    public string Address { get; }
    public string? DisplayName { get; }

    public string LocalPart => Address[..Address.LastIndexOf('@')];
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];

    /// <summary>True when the address needs SMTPUTF8 as written (non-ASCII local part or U-label domain).</summary>
    public bool IsInternational => !Ascii.IsValid(Address);

    /// <summary>
    /// The address in ASCII for a peer without SMTPUTF8: an internationalised domain becomes its A-label (punycode);
    /// a non-ASCII local part has no ASCII form, so the answer is null.
    /// </summary>
    public string? AsciiAddress
    {
        get
        {
            if (!IsInternational) return Address;
            if (!Ascii.IsValid(LocalPart)) return null;
            try { return LocalPart + "@" + Idn.GetAscii(Domain); }
            catch (ArgumentException) { return null; }
        }
    }

    /// <summary>The address to put on the wire, or an <see cref="EmailFormatException"/> when the peer cannot carry it.</summary>
    public string WireAddress(bool smtpUtf8) =>
        smtpUtf8 ? Address : AsciiAddress ?? throw new EmailFormatException(
            $"The address '{Address}' has a non-ASCII local part and the server does not offer SMTPUTF8.");

    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";

    private static string Validate(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Length > 254)
            throw new EmailFormatException($"'{address}' is not an email address.");
        foreach (var c in address)
        {
            // Whitespace, controls and the characters that delimit addresses in headers and SMTP commands would let the
            // value escape its place: reject them rather than try to quote them.
            if (c <= ' ' || c == 0x7F || c is '<' or '>' or '(' or ')' or ',' or ';' or '"' or '\\' or '[' or ']')
                throw new EmailFormatException($"'{address}' contains a character not allowed in an email address.");
        }
        return address;
    }
}
