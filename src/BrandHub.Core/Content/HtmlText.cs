using System.Text;
using AngleSharp.Dom;

namespace BrandHub.Core.Content;

/// <summary>
/// The plain-text part of an email from its HTML: headings and paragraphs as blocks separated by a blank line, line
/// breaks kept, list items as "- " (or "1. ") lines, links as <c>text (url)</c>, data tables as cells joined by " | "
/// (layout tables, whose cells hold blocks, read as blocks), images by their alt text; no tags or entities remain.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "head", "style", "script", "title", "template", "noscript" };
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "div", "table", "tbody", "thead", "tfoot", "tr", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "section", "article", "header",
        "footer", "main", "nav", "aside", "center", "address", "figure", "figcaption", "caption", "form", "li", "td", "th",
    };
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6" };

    public static string FromHtml(string html) =>
        FromDocument(EmailHtmlSanitizer.Parse(html, out _), null);

    /// <summary>
    /// Converts a parsed document. <paramref name="markup"/>, when given, turns template tokens back into their Handlebars
    /// tags, so converting a template yields a text template.
    /// </summary>
    public static string FromDocument(IDocument document, TemplateMarkup? markup)
    {
        var writer = new TextWriter(markup);
        writer.Node(document.Body ?? (INode)document.DocumentElement);
        return Normalize(writer.ToString());
    }

    /// <summary>Trims line ends and collapses runs of blank lines: rendering blocks like {{#each}} leaves them behind.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var blank = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start).TrimEnd(" \t\r");
            if (line.IsEmpty) blank++;
            else
            {
                if (sb.Length > 0) sb.Append(blank > 0 ? "\n\n" : "\n");
                blank = 0;
                sb.Append(line);
            }
            start = end + 1;
        }
        return sb.ToString();
    }

    private sealed class TextWriter(TemplateMarkup? markup)
    {
        private readonly StringBuilder _sb = new();
        private bool _pendingSpace;
        private int _listDepth;
        private bool _pre;

        public override string ToString() => _sb.ToString();

        public void Node(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text: Text(text.Data); break;
                    case IComment comment when markup?.TagOfComment(comment.Data) is { } tag: Raw(tag); break;
                    case IElement element: Element(element); break;
                }
            }
        }

        private void Element(IElement e)
        {
            var name = e.LocalName;
            if (Skipped.Contains(name)) return;
            switch (name)
            {
                case "br": Line(); return;
                case "hr": Block(); Raw("----------------------------------------"); Block(); return;
                case "img":
                    if (e.GetAttribute("alt") is { Length: > 0 } alt && !string.IsNullOrWhiteSpace(alt)) Text(Restore(alt));
                    return;
                case "a": Link(e); return;
                case "pre": Block(); _pre = true; Node(e); _pre = false; Block(); return;
                case "ul" or "ol": List(e, name == "ol"); return;
                case "tr": Row(e); return;
            }
            if (Paragraphs.Contains(name)) { Paragraph(); Node(e); Paragraph(); return; }
            if (Blocks.Contains(name)) { Block(); Node(e); Block(); return; }
            Node(e);
        }

        private void Link(IElement a)
        {
            var start = _sb.Length;
            Node(a);
            var text = _sb.ToString(start, _sb.Length - start).Trim();
            var href = a.GetAttribute("href") is { } h ? Restore(h).Trim() : "";
            if (href.Length == 0 || href.StartsWith('#') || text == href) return;
            var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
            if (text == shown) return;
            if (text.Length == 0) Text(shown);
            else { _pendingSpace = true; Raw("(" + shown + ")"); }
        }

        private void List(IElement list, bool ordered)
        {
            Block();
            _listDepth++;
            var n = int.TryParse(list.GetAttribute("start"), out var s) ? s : 1;
            foreach (var child in list.ChildNodes)
            {
                if (child is IElement { LocalName: "li" } li)
                {
                    Line();
                    Raw(new string(' ', (_listDepth - 1) * 2) + (ordered ? $"{n++}. " : "- "));
                    _pendingSpace = false;
                    Node(li);
                }
                else if (child is IComment c && markup?.TagOfComment(c.Data) is { } tag) { Line(); Raw(tag); }
                else if (child is IElement other) Element(other);
            }
            _listDepth--;
            Block();
        }

        /// <summary>A data row reads "a | b | c"; a layout row (cells holding blocks) reads as blocks.</summary>
        private void Row(IElement tr)
        {
            var cells = tr.Children.Where(c => c.LocalName is "td" or "th").ToList();
            if (cells.Any(c => c.QuerySelector("table, p, div, h1, h2, h3, h4, h5, h6, ul, ol, blockquote") is not null))
            {
                Block(); Node(tr); Block();
                return;
            }
            Line();
            var first = true;
            foreach (var child in tr.ChildNodes)
            {
                if (child is IElement { LocalName: "td" or "th" } cell)
                {
                    var start = _sb.Length;
                    if (!first) Raw(" | ");
                    var afterSeparator = _sb.Length;
                    _pendingSpace = false;
                    Node(cell);
                    if (_sb.Length == afterSeparator) _sb.Length = start; // empty cells (spacers) add nothing
                    else first = false;
                }
                else if (child is IComment c && markup?.TagOfComment(c.Data) is { } tag) Raw(tag);
            }
            Line();
        }

        private void Text(string data)
        {
            if (_pre) { _sb.Append(data.Replace('\u00a0', ' ')); return; }
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c)) { _pendingSpace = true; continue; }
                if (_pendingSpace && _sb.Length > 0 && _sb[^1] is not ('\n' or ' ')) _sb.Append(' ');
                _pendingSpace = false;
                _sb.Append(c);
            }
        }

        private void Raw(string s)
        {
            if (_pendingSpace && _sb.Length > 0 && _sb[^1] is not ('\n' or ' ')) _sb.Append(' ');
            _pendingSpace = false;
            _sb.Append(s);
        }

        private string Restore(string value) => markup?.RestoreText(value) ?? value;

        private void Line()
        {
            _pendingSpace = false;
            if (_sb.Length > 0 && _sb[^1] != '\n') _sb.Append('\n');
        }

        private void Block() => Line();

        private void Paragraph()
        {
            Line();
            if (_sb.Length > 0 && !(_sb.Length > 1 && _sb[^2] == '\n')) _sb.Append('\n');
        }
    }
}
