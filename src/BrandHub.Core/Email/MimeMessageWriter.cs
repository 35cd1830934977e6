using System.Buffers;
using System.Globalization;
using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// Builds a complete RFC 5322 / MIME message: CRLF line ends, 7-bit clean body (quoted-printable text, base64
/// images), RFC 2047 headers folded within 78 characters. With <c>smtpUtf8</c> (the peer offered SMTPUTF8, RFC 6532)
/// addresses may carry UTF-8 as they are; without it a non-ASCII local part is an <see cref="EmailFormatException"/>
/// and an internationalised domain is written as its A-label.
/// </summary>
public static class MimeMessageWriter
{
    // Headers this writer owns; letting a caller add a second one would make the message ambiguous (and spoofable).
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "DKIM-Signature", "Return-Path",
    };

    /// <summary>Writes the message and returns its Message-ID (the caller's, or the one generated).</summary>
    public static string Write(EmailMessage message, IBufferWriter<byte> output, bool smtpUtf8 = false)
    {
        if (string.IsNullOrEmpty(message.Text) && string.IsNullOrEmpty(message.Html))
            throw new EmailFormatException("A message needs a text or an HTML body.");
        var messageId = message.MessageId ?? $"<{Guid.NewGuid():N}@{message.From.AsciiAddress?.Split('@')[1] ?? message.From.Domain}>";
        CheckMessageId(messageId);

        WriteMailbox("From", message.From, output, smtpUtf8);
        WriteMailbox("To", message.To, output, smtpUtf8);
        if (message.ReplyTo is not null) WriteMailbox("Reply-To", message.ReplyTo, output, smtpUtf8);
        HeaderFolding.Write("Subject", EncodedWords.Unstructured(message.Subject, RoomAfter("Subject")), output);
        HeaderFolding.WriteSimple("Date", FormatDate(message.Date), output);
        HeaderFolding.WriteSimple("Message-ID", messageId, output);
        foreach (var (name, value) in message.Headers ?? [])
        {
            CheckExtraHeader(name, value);
            HeaderFolding.Write(name, EncodedWords.Unstructured(value, RoomAfter(name)), output);
        }
        HeaderFolding.WriteSimple("MIME-Version", "1.0", output);

        var images = message.InlineImages ?? [];
        if (images.Count == 0)
        {
            WriteAlternatives(message, output);
            return messageId;
        }

        var related = NewBoundary('r');
        HeaderFolding.Write("Content-Type", ["multipart/related;", $"boundary=\"{related}\";", "type=\"multipart/alternative\""], output);
        Ascii(output, "\r\n");
        Ascii(output, "--" + related + "\r\n");
        WriteAlternatives(message, output);
        foreach (var image in images)
        {
            Ascii(output, "\r\n--" + related + "\r\n");
            WriteInlineImage(image, output);
        }
        Ascii(output, "\r\n--" + related + "--\r\n");
        return messageId;
    }

    /// <summary>The message as bytes, for callers that do not keep a buffer of their own.</summary>
    public static byte[] ToBytes(EmailMessage message, bool smtpUtf8 = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(message, buffer, smtpUtf8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>RFC 5322 §3.3 date-time, e.g. <c>Tue, 04 Mar 2025 09:05:00 +0100</c>.</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }

    private static int RoomAfter(string headerName) => HeaderFolding.MaxLineLength - headerName.Length - 2;

    private static void WriteMailbox(string name, MailboxAddress mailbox, IBufferWriter<byte> output, bool smtpUtf8)
    {
        var address = mailbox.WireAddress(smtpUtf8);
        if (mailbox.DisplayName is null)
        {
            HeaderFolding.WriteSimple(name, address, output);
            return;
        }
        var tokens = EncodedWords.Phrase(mailbox.DisplayName, RoomAfter(name));
        tokens.Add("<" + address + ">");
        HeaderFolding.Write(name, tokens, output);
    }

    private static void WriteAlternatives(EmailMessage message, IBufferWriter<byte> output)
    {
        var hasText = !string.IsNullOrEmpty(message.Text);
        var hasHtml = !string.IsNullOrEmpty(message.Html);
        if (hasText != hasHtml)
        {
            WriteTextPart(hasText ? "text/plain" : "text/html", hasText ? message.Text! : message.Html!, output);
            return;
        }

        var alternative = NewBoundary('a');
        HeaderFolding.Write("Content-Type", ["multipart/alternative;", $"boundary=\"{alternative}\""], output);
        Ascii(output, "\r\n--" + alternative + "\r\n");
        WriteTextPart("text/plain", message.Text!, output);
        Ascii(output, "\r\n--" + alternative + "\r\n");
        WriteTextPart("text/html", message.Html!, output);
        Ascii(output, "\r\n--" + alternative + "--\r\n");
    }

    private static void WriteTextPart(string mediaType, string content, IBufferWriter<byte> output)
    {
        Ascii(output, $"Content-Type: {mediaType}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        TransferEncoding.WriteQuotedPrintable(content, output);
        // The CRLF before a boundary belongs to the boundary (RFC 2046 §5.1.1); content ending without one still needs it.
        if (!content.EndsWith('\n') && !content.EndsWith('\r')) Ascii(output, "\r\n");
    }

    private static void WriteInlineImage(InlineImage image, IBufferWriter<byte> output)
    {
        if (image.ContentId.Length == 0 || image.ContentId.Any(c => c <= ' ' || c > '~' || c is '<' or '>'))
            throw new EmailFormatException($"'{image.ContentId}' is not a valid Content-ID.");
        var slash = image.MediaType.IndexOf('/');
        if (slash <= 0 || slash == image.MediaType.Length - 1 || !image.MediaType.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '+' or '-'))
            throw new EmailFormatException($"'{image.MediaType}' is not a media type.");
        // Only plain ASCII survives in a quoted parameter everywhere; anything else is dropped rather than mis-encoded.
        var fileName = new string((image.FileName ?? "").Where(c => c is > ' ' and <= '~' and not '"' and not '\\').ToArray());
        var named = fileName.Length > 0 ? $"; filename=\"{fileName}\"" : "";
        Ascii(output, $"Content-Type: {image.MediaType}\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <{image.ContentId}>\r\n"
                      + $"Content-Disposition: inline{named}\r\n\r\n");
        TransferEncoding.WriteBase64(image.Content.Span, output);
    }

    private static void CheckMessageId(string messageId)
    {
        if (messageId.Length < 5 || messageId[0] != '<' || messageId[^1] != '>' || !messageId.Contains('@')
            || messageId.Any(c => c <= ' ' || c > '~'))
            throw new EmailFormatException($"'{messageId}' is not a Message-ID (<id@domain>).");
    }

    private static void CheckExtraHeader(string name, string value)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c > '~' || c == ':'))
            throw new EmailFormatException($"'{name}' is not a header field name.");
        if (ReservedHeaders.Contains(name))
            throw new EmailFormatException($"The {name} header is written by the MIME writer and cannot be added.");
        // Extra headers come from the delivery engine (List-Unsubscribe URLs…): a line break there is a bug or an attack.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            throw new EmailFormatException($"The {name} header may not contain a line break.");
    }

    // "=_" cannot occur in QP or base64 content, so the boundary only has to differ from its siblings: no crypto-grade
    // randomness (Guid.NewGuid costs a system call per message).
    private static string NewBoundary(char kind) => $"=_{kind}{Random.Shared.NextInt64():x16}{Random.Shared.NextInt64():x16}";

    private static void Ascii(IBufferWriter<byte> output, string text) => Encoding.ASCII.GetBytes(text, output);
}
