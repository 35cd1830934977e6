using System.Text;

namespace BrandHub.Core.Content;

/// <summary>
/// An HTML template with its Handlebars tags swapped for tokens an HTML parser leaves where they are, so the template
/// (not its output) can be sanitised, converted to text and instrumented. In text, a tag becomes a comment
/// <c>&lt;!--bh:N--&gt;</c>: comments stay in place inside tables, where text would be moved out before the table
/// (so <c>{{#each}}&lt;tr&gt;…&lt;/tr&gt;{{/each}}</c> survives). In an attribute value it becomes two noncharacters
/// around its number. <see cref="Restore"/> puts the original tags back into serialised HTML.
/// </summary>
public sealed class TemplateMarkup
{
    public const char TokenStart = '\uFDD0', TokenEnd = '\uFDD1';
    private const string CommentPrefix = "bh:";
    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

    public string Html { get; }
    public IReadOnlyList<string> Tags { get; }
    /// <summary>Tags inside an element's tag but outside any attribute value: the parser would turn them into attribute names.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; }

    private TemplateMarkup(string html, IReadOnlyList<string> tags, IReadOnlyList<TemplateProblem> problems) =>
        (Html, Tags, Problems) = (html, tags, problems);

    public static TemplateMarkup Hide(string source)
    {
        source = StripReserved(source);
        var (found, _) = MustacheScanner.Scan(source);
        var lines = new MustacheScanner.LineMap(source);
        var sb = new StringBuilder(source.Length + 64);
        var tags = new List<string>();
        var problems = new List<TemplateProblem>();
        var next = 0; // index into found
        var i = 0;
        string? rawUntil = null;
        while (i < source.Length)
        {
            if (next < found.Count && found[next].Start == i)
            {
                var tag = found[next++];
                sb.Append("<!--").Append(CommentPrefix).Append(tags.Count).Append("-->");
                tags.Add(tag.Text(source));
                i += tag.Length;
                continue;
            }
            var c = source[i];
            if (rawUntil is not null)
            {
                if (c == '<' && At(source, i, "</" + rawUntil)) rawUntil = null;
                else { sb.Append(c); i++; continue; }
            }
            if (c != '<' || i + 1 >= source.Length) { sb.Append(c); i++; continue; }
            if (At(source, i, "<!--"))
            {
                var end = source.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 3;
                if (!At(source, i, "<!--" + CommentPrefix)) sb.Append(source, i, end - i); // a look-alike of our token is dropped
                while (next < found.Count && found[next].Start < end) next++; // tags inside an HTML comment stay as written
                i = end;
                continue;
            }
            var n = source[i + 1];
            if (!char.IsAsciiLetter(n) && n != '/' && n != '!' && n != '?') { sb.Append(c); i++; continue; }
            i = CopyTag(source, i, sb, found, ref next, tags, problems, lines, out var name);
            if (name is not null && RawTextElements.Contains(name)) rawUntil = name;
        }
        return new TemplateMarkup(sb.ToString(), tags, problems);
    }

    /// <summary>Copies one tag (<c>&lt;td class="…"&gt;</c>) from <paramref name="start"/>, tokenising the Handlebars tags inside it.</summary>
    private static int CopyTag(string s, int start, StringBuilder sb, List<MustacheTag> found, ref int next, List<string> tags,
        List<TemplateProblem> problems, MustacheScanner.LineMap lines, out string? startTagName)
    {
        var i = start + 1;
        var isStart = char.IsAsciiLetter(s[i]);
        var nameStart = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '-' || s[i] == ':')) i++;
        startTagName = isStart ? s[nameStart..i].ToLowerInvariant() : null;
        sb.Append(s, start, i - start);
        char quote = '\0';
        var inUnquotedValue = false;
        var afterEquals = false;
        while (i < s.Length)
        {
            if (next < found.Count && found[next].Start == i)
            {
                var tag = found[next++];
                if (quote == '\0' && !afterEquals && !inUnquotedValue)
                    problems.Add(new(lines.At(i), $"{tag.Text(s)} sits between attributes of <{startTagName ?? "…"}>, where HTML cannot hold it: put it inside an attribute's quotes"));
                sb.Append(TokenStart).Append(tags.Count).Append(TokenEnd);
                tags.Add(tag.Text(s));
                i += tag.Length;
                if (afterEquals) { afterEquals = false; inUnquotedValue = true; }
                continue;
            }
            var c = s[i];
            sb.Append(c);
            i++;
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c == '>') return i;
            if (afterEquals)
            {
                if (c is '"' or '\'') { quote = c; afterEquals = false; }
                else if (!char.IsWhiteSpace(c)) { afterEquals = false; inUnquotedValue = true; }
                continue;
            }
            if (c == '=') { afterEquals = true; inUnquotedValue = false; continue; }
            if (char.IsWhiteSpace(c)) inUnquotedValue = false;
        }
        return i;
    }

    /// <summary>Serialised HTML with the original Handlebars tags back in place of the tokens.</summary>
    public string Restore(string html) => Restore(html, null);

    /// <summary>As <see cref="Restore(string)"/>, also saying which tags the HTML lost (inside removed or invalid markup).</summary>
    public string Restore(string html, out List<string> lost)
    {
        var restored = new bool[Tags.Count];
        var result = Restore(html, restored);
        lost = Tags.Where((_, i) => !restored[i]).ToList();
        return result;
    }

    private string Restore(string html, bool[]? restored)
    {
        if (Tags.Count == 0) return html;
        var sb = new StringBuilder(html.Length + 64);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == TokenStart && TryNumber(html, i + 1, TokenEnd.ToString(), out var n, out var end) && n < Tags.Count) { sb.Append(Tags[n]); if (restored is not null) restored[n] = true; i = end; continue; }
            if (c == '<' && At(html, i, "<!--" + CommentPrefix) && TryNumber(html, i + 4 + CommentPrefix.Length, "-->", out n, out end) && n < Tags.Count) { sb.Append(Tags[n]); if (restored is not null) restored[n] = true; i = end; continue; }
            // Inside <title> or <textarea> the comment was text, and serialises escaped.
            if (c == '&' && At(html, i, "&lt;!--" + CommentPrefix) && TryNumber(html, i + 7 + CommentPrefix.Length, "--&gt;", out n, out end) && n < Tags.Count) { sb.Append(Tags[n]); if (restored is not null) restored[n] = true; i = end; continue; }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>The original tag for a comment node's data (<c>bh:3</c>), or null when the comment is not a token.</summary>
    public string? TagOfComment(string data) =>
        data.StartsWith(CommentPrefix, StringComparison.Ordinal) && int.TryParse(data.AsSpan(CommentPrefix.Length), out var n) && n >= 0 && n < Tags.Count ? Tags[n] : null;

    /// <summary>The original tag when a whole attribute value is one token, else null.</summary>
    public string? TagOfValue(string value) =>
        value.Length > 2 && value[0] == TokenStart && TryNumber(value, 1, TokenEnd.ToString(), out var n, out var end) && end == value.Length && n < Tags.Count ? Tags[n] : null;

    /// <summary>Attribute or text content with tokens turned back into their tags.</summary>
    public string RestoreText(string text) => text.IndexOf(TokenStart) < 0 && !text.Contains("<!--" + CommentPrefix, StringComparison.Ordinal) ? text : Restore(text);

    public static bool IsComment(string data) => data.StartsWith(CommentPrefix, StringComparison.Ordinal);

    /// <summary>Our token characters and C0 controls (other than tab, newline, return) never belong in a template.</summary>
    public static string StripReserved(string s)
    {
        var clean = true;
        foreach (var ch in s) if (IsReserved(ch)) { clean = false; break; }
        if (clean) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s) if (!IsReserved(ch)) sb.Append(ch);
        return sb.ToString();
    }

    private static bool IsReserved(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f' || c == TokenStart || c == TokenEnd;

    private static bool TryNumber(string s, int from, string terminator, out int n, out int end)
    {
        var j = from;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        n = 0;
        end = 0;
        if (j == from || !At(s, j, terminator) || !int.TryParse(s.AsSpan(from, j - from), out n)) return false;
        end = j + terminator.Length;
        return true;
    }

    private static bool At(string s, int i, string what) =>
        i + what.Length <= s.Length && string.Compare(s, i, what, 0, what.Length, StringComparison.OrdinalIgnoreCase) == 0;
}
