namespace BrandHub.Core.Content;

/// <summary>
/// Finds the Handlebars tags in a template with their positions. Our own scan rather than Handlebars.Net's parser,
/// because that one reports neither positions nor the paths a template reads, and strict variables need both.
/// </summary>
public static class MustacheScanner
{
    public static (List<MustacheTag> Tags, List<TemplateProblem> Problems) Scan(string source)
    {
        var tags = new List<MustacheTag>();
        var problems = new List<TemplateProblem>();
        var lines = new LineMap(source);
        var i = 0;
        while ((i = source.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            if (i > 0 && source[i - 1] == '\\') { i += 2; continue; } // \{{ is a literal in Handlebars
            var position = lines.At(i);
            if (At(source, i, "{{!--"))
            {
                var end = source.IndexOf("--}}", i + 5, StringComparison.Ordinal);
                var endTilde = source.IndexOf("--~}}", i + 5, StringComparison.Ordinal);
                if (end < 0 && endTilde < 0) { problems.Add(new(position, "This {{!-- comment --}} is never closed")); break; }
                var close = end < 0 || (endTilde >= 0 && endTilde < end) ? endTilde + 5 : end + 4;
                tags.Add(new(i, close - i, MustacheKind.Comment, "", position));
                i = close;
                continue;
            }
            var triple = At(source, i, "{{{");
            var closer = triple ? "}}}" : "}}";
            var stop = FindClose(source, i + closer.Length, closer);
            if (stop < 0) { problems.Add(new(position, $"This {(triple ? "{{{" : "{{")} is never closed with {closer}")); break; }
            var inner = source.Substring(i + closer.Length, stop - i - closer.Length);
            var length = stop + closer.Length - i;
            tags.Add(Classify(i, length, inner, triple, position));
            i += length;
        }
        return (tags, problems);
    }

    private static MustacheTag Classify(int start, int length, string inner, bool triple, TemplatePosition position)
    {
        var body = inner.Trim();
        if (body.StartsWith('~')) body = body[1..].TrimStart();
        if (body.EndsWith('~')) body = body[..^1].TrimEnd();
        if (triple) return new(start, length, MustacheKind.Raw, body, position);
        if (body.Length == 0) return new(start, length, MustacheKind.Expression, "", position);
        var rest = body[1..].Trim();
        return body[0] switch
        {
            '!' => new(start, length, MustacheKind.Comment, "", position),
            '&' => new(start, length, MustacheKind.Raw, rest, position),
            '>' or '*' => new(start, length, MustacheKind.Unsupported, body, position),
            '#' when rest.StartsWith('>') || rest.StartsWith('*') => new(start, length, MustacheKind.Unsupported, body, position),
            '#' => new(start, length, MustacheKind.BlockOpen, rest, position),
            '/' => new(start, length, MustacheKind.BlockClose, rest, position),
            '^' when rest.Length == 0 => new(start, length, MustacheKind.Else, "", position),
            '^' => new(start, length, MustacheKind.InverseOpen, rest, position),
            _ when body == "else" || body.StartsWith("else ", StringComparison.Ordinal) => new(start, length, MustacheKind.Else, body[4..].Trim(), position),
            _ => new(start, length, MustacheKind.Expression, body, position),
        };
    }

    /// <summary>The closing braces, skipping any inside a string literal (<c>{{default x "}}"}}</c>).</summary>
    private static int FindClose(string s, int from, string closer)
    {
        char quote = '\0';
        for (var j = from; j < s.Length; j++)
        {
            var c = s[j];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '}' && At(s, j, closer)) return j;
            if (c == '{' && At(s, j, "{{")) return -1; // a new tag before this one closed: report it as unclosed here
        }
        return -1;
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    /// <summary>Offsets to 1-based line and column.</summary>
    public sealed class LineMap(string source)
    {
        private readonly List<int> _starts = Starts(source);

        private static List<int> Starts(string s)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < s.Length; i++) if (s[i] == '\n') starts.Add(i + 1);
            return starts;
        }

        public TemplatePosition At(int offset)
        {
            var line = _starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return new(line + 1, offset - _starts[line] + 1);
        }
    }
}
