using System.Text;
using System.Text.RegularExpressions;

namespace BrandHub.Core.Tests.Email;

/// <summary>Independent decoders, written from the RFCs, that the encoders' output is checked against.</summary>
internal static partial class MimeDecoding
{
    /// <summary>RFC 2045 §6.7 decoding: soft breaks vanish, =XX is a byte, hard breaks are CRLF.</summary>
    public static byte[] DecodeQuotedPrintable(string encoded)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c != '=') { bytes.Add((byte)c); continue; }
            if (encoded.AsSpan(i + 1).StartsWith("\r\n")) { i += 2; continue; }
            bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
            i += 2;
        }
        return [.. bytes];
    }

    /// <summary>RFC 2047 decoding of a header value: whitespace between adjacent encoded words is dropped.</summary>
    public static string DecodeHeader(string value)
    {
        var unfolded = value.Replace("\r\n", "");
        var result = new StringBuilder();
        var previousWasEncoded = false;
        var at = 0;
        foreach (Match m in EncodedWord().Matches(unfolded))
        {
            var between = unfolded[at..m.Index];
            if (!(previousWasEncoded && string.IsNullOrWhiteSpace(between))) result.Append(between);
            var payload = m.Groups["text"].Value;
            var decoded = m.Groups["enc"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(payload)
                : DecodeQ(payload);
            result.Append(Encoding.UTF8.GetString(decoded));
            previousWasEncoded = true;
            at = m.Index + m.Length;
        }
        result.Append(unfolded[at..]);
        return result.ToString();
    }

    public static bool IsValidUtf8(byte[] bytes)
    {
        try { new UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    public static byte[] EncodedWordBytes(string word)
    {
        var m = EncodedWord().Match(word);
        return m.Groups["enc"].Value.ToUpperInvariant() == "B" ? Convert.FromBase64String(m.Groups["text"].Value) : DecodeQ(m.Groups["text"].Value);
    }

    private static byte[] DecodeQ(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_') bytes.Add((byte)' ');
            else if (text[i] == '=') { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
            else bytes.Add((byte)text[i]);
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?utf-8\?(?<enc>[QqBb])\?(?<text>[^?]*)\?=")]
    public static partial Regex EncodedWord();
}
