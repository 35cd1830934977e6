using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// Content transfer encodings for MIME bodies (RFC 2045 §6.7 and §6.8), written straight into the output buffer
/// so that building a message allocates no intermediate strings.
/// </summary>
public static class TransferEncoding
{
    /// <summary>RFC 2045: encoded lines are at most 76 characters, not counting the CRLF.</summary>
    public const int MaxLineLength = 76;

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>
    /// Quoted-printable of the UTF-8 form of <paramref name="text"/>. Any line break (CRLF, LF or CR) becomes a hard
    /// CRLF; trailing whitespace is encoded so that transports that strip it cannot change the text; a line never
    /// starts with a literal dot, so the result needs no SMTP dot-stuffing and survives naive relays.
    /// </summary>
    public static void WriteQuotedPrintable(string text, IBufferWriter<byte> output)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, rented);
            WriteQuotedPrintable(rented.AsSpan(0, written), output);
        }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <inheritdoc cref="WriteQuotedPrintable(string, IBufferWriter{byte})"/>
    public static void WriteQuotedPrintable(ReadOnlySpan<byte> source, IBufferWriter<byte> output)
    {
        // Worst case: every byte escaped (3), a soft break (3 bytes) every 25 escapes, and a final CRLF.
        var worst = source.Length * 3 + (source.Length / 25 + 1) * 3 + 2;
        var span = output.GetSpan(worst);
        var at = 0;
        var column = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                column = 0;
                if (b == '\r' && i + 1 < source.Length && source[i + 1] == '\n') i++;
                continue;
            }

            var lastOnLine = i + 1 == source.Length || source[i + 1] is (byte)'\r' or (byte)'\n';
            var width = IsLiteral(b, lastOnLine, column) ? 1 : 3;
            // A character that is not the last of its line must leave room for the soft break's "=".
            if (column + width > (lastOnLine ? MaxLineLength : MaxLineLength - 1))
            {
                span[at++] = (byte)'=';
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                column = 0;
                width = IsLiteral(b, lastOnLine, column) ? 1 : 3;
            }

            if (width == 1) span[at++] = b;
            else
            {
                span[at++] = (byte)'=';
                span[at++] = Hex[b >> 4];
                span[at++] = Hex[b & 0xF];
            }
            column += width;
        }
        output.Advance(at);
    }

    private static bool IsLiteral(byte b, bool lastOnLine, int column) => b switch
    {
        (byte)'=' => false,
        (byte)'.' => column > 0,
        (byte)' ' or (byte)'\t' => !lastOnLine,
        _ => b is >= 33 and <= 126,
    };

    /// <summary>Base64 in lines of 76 characters, each ended by CRLF (the last one too).</summary>
    public static void WriteBase64(ReadOnlySpan<byte> source, IBufferWriter<byte> output)
    {
        const int bytesPerLine = MaxLineLength / 4 * 3; // 57 input bytes make one 76-character line
        while (!source.IsEmpty)
        {
            var chunk = source[..Math.Min(bytesPerLine, source.Length)];
            var span = output.GetSpan(MaxLineLength + 2);
            Base64.EncodeToUtf8(chunk, span, out _, out var written);
            span[written++] = (byte)'\r';
            span[written++] = (byte)'\n';
            output.Advance(written);
            source = source[chunk.Length..];
        }
    }
}
