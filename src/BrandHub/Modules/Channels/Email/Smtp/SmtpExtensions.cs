using BrandHub.Core.Email;

namespace BrandHub.Modules.Channels.Email.Smtp;

/// <summary>The ESMTP extensions a server announced in its EHLO reply, as far as the client uses them.</summary>
public sealed record SmtpExtensions(
    bool Pipelining, bool EightBitMime, bool SmtpUtf8, bool StartTls, IReadOnlySet<string> AuthMechanisms, long? MaxSize)
{
    public static readonly SmtpExtensions None = new(false, false, false, false, new HashSet<string>(), null);

    /// <summary>Reads the keyword lines of an EHLO reply; the first line is the server's greeting text.</summary>
    public static SmtpExtensions Parse(SmtpReply ehlo)
    {
        bool pipelining = false, eightBit = false, utf8 = false, startTls = false;
        long? size = null;
        var auth = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ehlo.Lines.Skip(1))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            switch (parts[0].ToUpperInvariant())
            {
                case "PIPELINING": pipelining = true; break;
                case "8BITMIME": eightBit = true; break;
                case "SMTPUTF8": utf8 = true; break;
                case "STARTTLS": startTls = true; break;
                case "SIZE": if (parts.Length > 1 && long.TryParse(parts[1], out var n) && n > 0) size = n; break;
                case "AUTH": auth.UnionWith(parts.Skip(1)); break;
                default:
                    // Some old servers announce "AUTH=LOGIN PLAIN".
                    if (parts[0].StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase)) auth.UnionWith([parts[0][5..], .. parts.Skip(1)]);
                    break;
            }
        }
        return new SmtpExtensions(pipelining, eightBit, utf8, startTls, auth, size);
    }
}
