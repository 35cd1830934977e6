using System.Globalization;
using System.Text;

namespace BrandHub.Core.Audience;

/// <summary>
/// Validates and normalises a contact's email address so that the same mailbox always produces the
/// same string: that string is the deterministic identity key used for de-duplication and consent.
/// </summary>
/// <remarks>
/// The rules are deliberately stricter than RFC 5322: comments, domain literals, display names and
/// whitespace are legal in headers but never useful in an audience list, and accepting them would let
/// one mailbox appear under several keys.
/// </remarks>
public static class EmailAddress
{
    /// <summary>RFC 5321 limit on the local part, in octets.</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>RFC 5321 path limit (256) minus the angle brackets.</summary>
    public const int MaxLength = 254;

    // RFC 5322 "atext" specials; letters and digits are checked separately.
    private const string AtextSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>
    /// Trims the input, keeps the local part exactly as typed (mailbox case can matter to some servers),
    /// lower-cases the domain and converts an internationalised domain to punycode.
    /// </summary>
    /// <param name="input">Raw address as typed or imported.</param>
    /// <param name="normalized">The canonical address, or an empty string when invalid.</param>
    /// <param name="error">Why the address was rejected, or an empty string when valid.</param>
    /// <returns><c>true</c> when the address is acceptable.</returns>
    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = string.Empty;
        error = Check(input, out var candidate) ?? string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        normalized = candidate;
        return true;
    }

    private static string? Check(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return "Email address is required.";
        }

        var text = input.Trim();
        try
        {
            // Composed and decomposed forms of "é" must produce the same key.
            text = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return "Email address contains invalid Unicode characters.";
        }

        if (text.Contains('<') || text.Contains('>'))
        {
            return DisplayNameError(text);
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return "Email address must not contain spaces.";
        }

        var splitError = SplitAtSign(text, out var local, out var domain);
        if (splitError is not null)
        {
            return splitError;
        }

        var localError = CheckLocalPart(local);
        if (localError is not null)
        {
            return localError;
        }

        var domainError = NormalizeDomain(domain, out var asciiDomain);
        if (domainError is not null)
        {
            return domainError;
        }

        var candidate = local + "@" + asciiDomain;
        if (Encoding.UTF8.GetByteCount(candidate) > MaxLength)
        {
            return $"Email address is longer than {MaxLength} characters.";
        }

        normalized = candidate;
        return null;
    }

    private static string DisplayNameError(string text)
    {
        var open = text.IndexOf('<');
        var close = text.IndexOf('>', open + 1);
        var bare = open >= 0 && close > open ? text[(open + 1)..close].Trim() : null;
        return string.IsNullOrEmpty(bare)
            ? "Display-name forms like \"Ana <ana@example.ro>\" are not accepted; send only the address."
            : $"Display-name forms like \"Ana <ana@example.ro>\" are not accepted; send only the address ({bare}).";
    }

    // Finds the single '@' that separates local part and domain. A local part that starts with a quote
    // may contain '@' ("a@b"@example.com is one mailbox); quotes anywhere else are ordinary characters
    // that the local-part check rejects with its own message.
    private static string? SplitAtSign(string text, out string local, out string domain)
    {
        local = domain = string.Empty;
        var scanFrom = 0;
        if (text[0] == '"')
        {
            var closing = ClosingQuote(text);
            if (closing < 0)
            {
                return "Email address has an unclosed quote.";
            }

            scanFrom = closing + 1;
        }

        var atCount = 0;
        var atIndex = -1;
        for (var i = scanFrom; i < text.Length; i++)
        {
            if (text[i] == '@')
            {
                atCount++;
                atIndex = i;
            }
        }

        if (atCount == 0)
        {
            return "Email address must contain an '@'.";
        }

        if (atCount > 1)
        {
            return $"Email address must contain exactly one '@' (found {atCount}).";
        }

        local = text[..atIndex];
        domain = text[(atIndex + 1)..];
        if (local.Length == 0)
        {
            return "Email address has nothing before the '@'.";
        }

        return domain.Length == 0 ? "Email address has no domain after the '@'." : null;
    }

    private static int ClosingQuote(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++; // an escaped character cannot close the quote
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static string? CheckLocalPart(string local)
    {
        if (Encoding.UTF8.GetByteCount(local) > MaxLocalPartLength)
        {
            return $"The part before '@' is longer than {MaxLocalPartLength} characters.";
        }

        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            return CheckQuotedLocalPart(local[1..^1]);
        }

        if (local.Contains('"'))
        {
            return "Quotes are only allowed around the whole part before '@'.";
        }

        if (local[0] == '.')
        {
            return "The part before '@' must not start with a dot.";
        }

        if (local[^1] == '.')
        {
            return "The part before '@' must not end with a dot.";
        }

        if (local.Contains("..", StringComparison.Ordinal))
        {
            return "The part before '@' must not contain consecutive dots.";
        }

        foreach (var c in local)
        {
            var allowed = char.IsAsciiLetterOrDigit(c)
                || c == '.'
                || AtextSpecials.Contains(c)
                || (c > 127 && char.IsLetterOrDigit(c)); // SMTPUTF8 mailboxes such as "andreea.ștefan"
            if (!allowed)
            {
                return $"The part before '@' contains an invalid character '{c}'.";
            }
        }

        return null;
    }

    private static string? CheckQuotedLocalPart(string inner)
    {
        if (inner.Length == 0)
        {
            return "The quoted part before '@' is empty.";
        }

        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c == '"' || char.IsControl(c))
            {
                return $"The quoted part before '@' contains an invalid character '{c}'.";
            }
        }

        return null;
    }

    private static string? NormalizeDomain(string domain, out string ascii)
    {
        ascii = string.Empty;
        if (domain.StartsWith('['))
        {
            return "IP-address domains like [192.0.2.1] are not accepted.";
        }

        if (domain.Contains("..", StringComparison.Ordinal))
        {
            return "The domain must not contain consecutive dots.";
        }

        if (domain[0] == '.' || domain[^1] == '.')
        {
            return "The domain must not start or end with a dot.";
        }

        if (!domain.Contains('.'))
        {
            return $"The domain '{domain}' must contain a dot (like example.com).";
        }

        var isAscii = domain.All(char.IsAscii);
        try
        {
            // ASCII domains skip the IDN conversion so that their label errors below get precise messages.
            ascii = isAscii ? domain.ToLowerInvariant() : NewIdnMapping().GetAscii(domain.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return $"The domain '{domain}' is not a valid internationalised domain name.";
        }

        if (ascii.Length > 253)
        {
            return "The domain is longer than 253 characters.";
        }

        var labels = ascii.Split('.');
        foreach (var label in labels)
        {
            var labelError = CheckLabel(label);
            if (labelError is not null)
            {
                return labelError;
            }
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return $"The domain '{domain}' ends in a numeric label; top-level domains are never numeric.";
        }

        return ascii.Contains("xn--", StringComparison.Ordinal) && !IsValidPunycode(ascii)
            ? $"The domain '{domain}' contains an invalid punycode (xn--) label."
            : null;
    }

    // IdnMapping instances are not documented as thread-safe, and creating one is cheap.
    private static IdnMapping NewIdnMapping() => new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private static bool IsValidPunycode(string asciiDomain)
    {
        try
        {
            NewIdnMapping().GetUnicode(asciiDomain);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? CheckLabel(string label)
    {
        if (label.Length is 0 or > 63)
        {
            return $"Domain label '{label}' must be 1 to 63 characters long.";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return $"Domain label '{label}' must not start or end with a hyphen.";
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return $"Domain label '{label}' contains an invalid character '{c}'.";
            }
        }

        return null;
    }
}
