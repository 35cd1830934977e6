using System.Net;
using System.Net.Sockets;

namespace BrandHub.Core.Audience;

/// <summary>Strict textual check for the IP address stored as consent proof.</summary>
/// <remarks>
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone is too lenient for evidence: it reads
/// "1" as 0.0.0.1 and "010.1.1.1" as octal. Proof must be an address a human can read back unambiguously,
/// so IPv4 must be a dotted quad of plain decimal octets.
/// </remarks>
internal static class IpAddressFormat
{
    /// <summary>Whether the text is a dotted-quad IPv4 or a valid IPv6 address.</summary>
    public static bool IsValid(string text)
    {
        if (text.Contains(':'))
        {
            return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var octets = text.Split('.');
        return octets.Length == 4 && octets.All(IsOctet);
    }

    private static bool IsOctet(string part) =>
        part.Length is >= 1 and <= 3
        && part.All(char.IsAsciiDigit)
        && (part.Length == 1 || part[0] != '0')
        && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255;
}
