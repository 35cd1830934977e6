using System.Buffers;
using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// Writes one header field, folding between tokens so that lines stay within RFC 5322's recommended 78 characters
/// (a single token longer than that gets a line of its own: it cannot be split without changing its meaning).
/// </summary>
public static class HeaderFolding
{
    /// <summary>RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF.</summary>
    public const int MaxLineLength = 78;

    /// <summary>Writes <c>Name: token token…CRLF</c>, folded; the tokens must not contain CR or LF.</summary>
    public static void Write(string name, IReadOnlyList<string> tokens, IBufferWriter<byte> output)
    {
        var line = new StringBuilder(name.Length + 64).Append(name).Append(':');
        var column = line.Length;
        var first = true;
        foreach (var token in tokens)
        {
            if (token.AsSpan().IndexOfAny('\r', '\n') >= 0)
                throw new EmailFormatException($"The {name} header may not contain a line break.");
            // Never fold before the first token: a header line with nothing after the colon confuses some readers, and the
            // encoders size a leading encoded word to fit the first line (see EncodedWords' firstLineRoom).
            if (!first && column + 1 + token.Length > MaxLineLength)
            {
                line.Append("\r\n");
                column = 0;
            }
            line.Append(' ').Append(token);
            column += 1 + token.Length;
            first = false;
        }
        line.Append("\r\n");
        Encoding.UTF8.GetBytes(line.ToString(), output);
    }

    /// <summary>Writes <c>Name: value</c> where the value is a single unfoldable ASCII token (Date, Message-ID…).</summary>
    public static void WriteSimple(string name, string value, IBufferWriter<byte> output) => Write(name, [value], output);
}
