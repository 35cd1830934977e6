using System.Text;

namespace BrandHub.Core.Email;

/// <summary>What a reply means for the message it answers (RFC 5321 §4.2.1, first digit).</summary>
public enum SmtpReplyKind
{
    /// <summary>2xx: done.</summary>
    Ok,
    /// <summary>3xx: go on (354 after DATA, 334 during AUTH).</summary>
    Intermediate,
    /// <summary>4xx: not now; the same command may succeed later.</summary>
    Transient,
    /// <summary>5xx: never; retrying the same message cannot help.</summary>
    Permanent,
}

/// <summary>An RFC 3463 enhanced status code, e.g. <c>5.1.1</c> (bad destination mailbox).</summary>
public readonly record struct EnhancedStatusCode(int Class, int Subject, int Detail)
{
    public override string ToString() => $"{Class}.{Subject}.{Detail}";
}

/// <summary>A complete, possibly multi-line, SMTP reply.</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public SmtpReplyKind Kind => (Code / 100) switch
    {
        2 => SmtpReplyKind.Ok,
        3 => SmtpReplyKind.Intermediate,
        4 => SmtpReplyKind.Transient,
        _ => SmtpReplyKind.Permanent,
    };

    public bool IsOk => Kind == SmtpReplyKind.Ok;

    /// <summary>The enhanced status code from the first line, when the server sent one whose class matches the reply.</summary>
    public EnhancedStatusCode? Enhanced => ParseEnhanced(Lines.Count > 0 ? Lines[0] : "", Code / 100);

    /// <summary>The text of all lines, joined by spaces: what goes into an error message.</summary>
    public string Text => string.Join(' ', Lines);

    public override string ToString() => $"{Code} {Text}";

    /// <summary>
    /// Reads one complete reply from the start of <paramref name="buffer"/>. Returns false when more bytes are needed.
    /// Lines are <c>NNN-text</c> except the last, <c>NNN text</c> (or just <c>NNN</c>); all must carry the same code.
    /// </summary>
    /// <exception cref="FormatException">The bytes are not an SMTP reply: the connection cannot be trusted any further.</exception>
    public static bool TryParse(ReadOnlySpan<byte> buffer, out SmtpReply? reply, out int consumed)
    {
        reply = null;
        consumed = 0;
        var lines = new List<string>(1);
        var code = -1;
        var offset = 0;
        while (true)
        {
            var end = buffer[offset..].IndexOf((byte)'\n');
            if (end < 0) return false;
            var line = buffer.Slice(offset, end);
            if (!line.IsEmpty && line[^1] == '\r') line = line[..^1];
            offset += end + 1;

            if (line.Length < 3 || !IsDigit(line[0]) || !IsDigit(line[1]) || !IsDigit(line[2]) || line[0] < '2' || line[0] > '5'
                || (line.Length > 3 && line[3] != ' ' && line[3] != '-'))
                throw new FormatException($"Not an SMTP reply line: '{Encoding.UTF8.GetString(line)}'.");
            var lineCode = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
            if (code >= 0 && lineCode != code)
                throw new FormatException($"A multi-line SMTP reply changed its code from {code} to {lineCode}.");
            code = lineCode;
            lines.Add(line.Length > 4 ? Encoding.UTF8.GetString(line[4..]) : "");
            if (line.Length == 3 || line[3] == ' ')
            {
                consumed = offset;
                reply = new SmtpReply(code, lines);
                return true;
            }
        }
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static EnhancedStatusCode? ParseEnhanced(string text, int replyClass)
    {
        var space = text.IndexOf(' ');
        var token = space < 0 ? text : text[..space];
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        if (!int.TryParse(parts[0], out var c) || !int.TryParse(parts[1], out var s) || !int.TryParse(parts[2], out var d)) return null;
        if (c != replyClass || parts[0].Length != 1 || parts[1].Length is 0 or > 3 || parts[2].Length is 0 or > 3) return null;
        return new EnhancedStatusCode(c, s, d);
    }
}
