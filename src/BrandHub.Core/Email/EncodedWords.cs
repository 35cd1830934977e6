using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// RFC 2047 encoded words: how non-ASCII text travels in headers. Text is split into header tokens (the units
/// between which a header may be folded); only the words that need it are encoded, adjacent ones together, so a
/// mostly-ASCII subject stays readable in the raw message. An encoded word is at most 75 characters and never
/// splits a UTF-8 sequence, so every chunk decodes on its own. Q or B is chosen per run, whichever is shorter.
/// </summary>
public static class EncodedWords
{
    /// <summary>RFC 2047 §2: an encoded word may not be more than 75 characters long.</summary>
    public const int MaxLength = 75;

    private const string QPrefix = "=?utf-8?Q?";
    private const string BPrefix = "=?utf-8?B?";
    private const int Overhead = 12; // prefix (10) + "?=" (2)

    // Words longer than this cannot be folded; RFC 5322 hard-limits lines at 998, so such a word is encoded (and split).
    private const int LongestPlainWord = 900;

    /// <summary>
    /// Tokens for an unstructured value (Subject, X- headers). CR and LF become spaces: a value can never start a new
    /// header. Joining the tokens with single spaces gives the encoded value.
    /// </summary>
    /// <param name="firstLineRoom">Characters left on the header's first line, so a leading encoded word can fit there.</param>
    public static List<string> Unstructured(string text, int firstLineRoom = MaxLength)
    {
        var words = Unfold(text).Split(' ');
        var tokens = new List<string>(words.Length);
        var run = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            // Whitespace between two encoded words is dropped by decoders, so a space run inside an encoded run joins it.
            if (NeedsEncoding(words[i]) || (run.Length > 0 && string.IsNullOrWhiteSpace(words[i])))
            {
                if (run.Length > 0) run.Append(' '); // inside a run the space is encoded, since spaces between encoded words vanish
                run.Append(words[i]);
                continue;
            }
            Flush();
            tokens.Add(words[i]);
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (run.Length == 0) return;
            AddEncoded(run.ToString(), tokens, tokens.Count == 0 ? firstLineRoom : MaxLength, phrase: false);
            run.Clear();
        }
    }

    /// <summary>
    /// Tokens for a display name (an RFC 5322 phrase): atoms as they are, other ASCII as one quoted string,
    /// anything with non-ASCII as encoded words.
    /// </summary>
    public static List<string> Phrase(string displayName, int firstLineRoom = MaxLength)
    {
        var text = Unfold(displayName).Trim();
        if (text.Length == 0) return [];
        if (text.Split(' ').All(w => w.Length > 0 && w.All(IsAtext))) return [.. text.Split(' ')];
        if (text.All(c => c is >= ' ' and <= '~') && text.Length <= LongestPlainWord)
            return ["\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""];
        var tokens = new List<string>();
        AddEncoded(text, tokens, firstLineRoom, phrase: true);
        return tokens;
    }

    private static string Unfold(string text) =>
        text.IndexOfAny(['\r', '\n']) < 0 ? text : text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');

    private static bool NeedsEncoding(string word) =>
        word.Length > LongestPlainWord || word.Contains("=?", StringComparison.Ordinal)
        || word.Any(c => c > '~' || (c < ' ' && c != '\t'));

    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);

    // Characters that may stay literal in a Q-encoded word; the set allowed inside a phrase is the smallest, so it
    // serves both contexts (RFC 2047 §5 (3)).
    private static bool IsQLiteral(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'!' or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'/';

    private static int QWidth(byte b) => b == ' ' || IsQLiteral(b) ? 1 : 3;

    private static void AddEncoded(string text, List<string> tokens, int firstLimit, bool phrase)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var qLength = 0;
        foreach (var b in bytes) qLength += QWidth(b);
        var useQ = qLength <= (bytes.Length + 2) / 3 * 4;
        _ = phrase; // both contexts share the strict Q alphabet, see IsQLiteral

        var limit = firstLimit is >= Overhead + 12 and <= MaxLength ? firstLimit : MaxLength;
        var chunk = new List<byte>(64);
        var payload = 0;
        Span<byte> runeBytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(runeBytes);
            var width = useQ ? Width(runeBytes[..n]) : 0;
            var fits = useQ
                ? payload + width <= limit - Overhead
                : (chunk.Count + n + 2) / 3 * 4 <= limit - Overhead;
            if (!fits && chunk.Count > 0)
            {
                tokens.Add(Encode(chunk, useQ));
                chunk.Clear();
                payload = 0;
                limit = MaxLength;
            }
            for (var i = 0; i < n; i++) chunk.Add(runeBytes[i]);
            payload += width;
        }
        if (chunk.Count > 0) tokens.Add(Encode(chunk, useQ));

        static int Width(ReadOnlySpan<byte> utf8)
        {
            var w = 0;
            foreach (var b in utf8) w += QWidth(b);
            return w;
        }
    }

    private static string Encode(List<byte> bytes, bool useQ)
    {
        if (!useQ) return BPrefix + Convert.ToBase64String(bytes.ToArray()) + "?=";
        var sb = new StringBuilder(QPrefix, MaxLength);
        foreach (var b in bytes)
        {
            if (b == ' ') sb.Append('_');
            else if (IsQLiteral(b)) sb.Append((char)b);
            else sb.Append('=').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
        }
        return sb.Append("?=").ToString();
    }
}
