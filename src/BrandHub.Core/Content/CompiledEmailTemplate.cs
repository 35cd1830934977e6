using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HandlebarsDotNet;

namespace BrandHub.Core.Content;

/// <summary>
/// An email template compiled once and rendered many times, from many threads. The HTML is sanitised and instrumented
/// at compile time: each link and templated URL is wrapped in control-character markers, and slots for the preheader
/// and the open pixel are placed at the start and end of the body. Rendering is then Handlebars plus one linear pass
/// over its output that resolves the markers — no HTML parsing per recipient. Markers cannot be forged by data: the
/// model's strings lose control characters (<see cref="TemplateModel"/>).
/// </summary>
public sealed class CompiledEmailTemplate
{
    private const char TrackedLink = '\u0001', MarkerEnd = '\u0002', CheckedLink = '\u0003', PreheaderSlot = '\u0004',
        PixelSlot = '\u0005', ImageUrl = '\u0006', BackgroundUrl = '\u0007', StaticLink = '\u0008';
    private static readonly System.Buffers.SearchValues<char> Markers =
        System.Buffers.SearchValues.Create([TrackedLink, CheckedLink, PreheaderSlot, PixelSlot, ImageUrl, BackgroundUrl, StaticLink]);
    private readonly string[] _staticLinks;
    private readonly string[] _staticLinksEncoded;

    private readonly HandlebarsTemplate<object, object> _subject;
    private readonly HandlebarsTemplate<object, object>? _preheader;
    private readonly HandlebarsTemplate<object, object> _html;
    private readonly HandlebarsTemplate<object, object> _text;

    public IReadOnlyList<DeclaredVariable> Variables { get; }
    public IReadOnlyList<UsedVariable> Used { get; }
    /// <summary>The text part's template: as given, or generated from the HTML.</summary>
    public string TextSource { get; }
    public IReadOnlyList<SanitizerWarning> Warnings { get; }

    private CompiledEmailTemplate(EmailTemplateSource source, IReadOnlyList<UsedVariable> used, string htmlTemplate, string textSource,
        IReadOnlyList<SanitizerWarning> warnings, List<string> staticLinks)
    {
        _staticLinks = [.. staticLinks];
        _staticLinksEncoded = staticLinks.Select(AttributeEncode).ToArray();
        Variables = source.Variables;
        Used = used;
        TextSource = textSource;
        Warnings = warnings;
        lock (HandlebarsEnvironments.CompileLock)
        {
            _subject = HandlebarsEnvironments.Text.Compile(source.Subject);
            _preheader = string.IsNullOrWhiteSpace(source.Preheader) ? null : HandlebarsEnvironments.Text.Compile(source.Preheader);
            _html = HandlebarsEnvironments.Html.Compile(htmlTemplate);
            _text = HandlebarsEnvironments.Text.Compile(textSource);
        }
    }

    /// <summary>Checks, sanitises and compiles. Errors are keyed by part (<c>subject</c>, <c>html</c>, …).</summary>
    public static (CompiledEmailTemplate? Template, IReadOnlyList<FieldError> Errors) Compile(EmailTemplateSource source)
    {
        var check = EmailTemplateCheck.Check(source);
        if (!check.IsValid) return (null, check.Errors);
        var sanitized = EmailHtmlSanitizer.Sanitize(source.Html);
        if (sanitized.Problems.Count > 0) return (null, sanitized.Problems.Select(p => new FieldError(EmailTemplateSource.HtmlField, p.ToString())).ToList());
        var markup = TemplateMarkup.Hide(sanitized.Html);
        var document = EmailDocument.Parse(markup.Html);
        var textSource = source.Text ?? HtmlText.FromDocument(document, markup);
        var staticLinks = EmailDocument.Instrument(document, markup, TrackedLink, StaticLink, CheckedLink, ImageUrl, BackgroundUrl, MarkerEnd, PreheaderSlot, PixelSlot);
        var htmlTemplate = markup.Restore(EmailHtmlSanitizer.Serialize(document));
        try
        {
            return (new CompiledEmailTemplate(source, check.Used.Select(u => u.Variable).ToList(), htmlTemplate, textSource, sanitized.Warnings, staticLinks), []);
        }
        catch (HandlebarsException e)
        {
            return (null, [new FieldError(EmailTemplateSource.HtmlField, "The template does not compile: " + e.Message)]);
        }
    }

    /// <summary>Errors in a message's data, keyed <c>data.&lt;name&gt;</c>; empty when it can be rendered.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(JsonObject? data) => TemplateData.Validate(data, Variables, Used);

    /// <param name="model"><c>contact</c>, <c>data</c>, <c>links</c> and <c>tenant</c> objects.</param>
    /// <param name="trackLink">Maps an http(s) link to its tracked form; null (or a null answer) leaves it.</param>
    /// <param name="openPixelUrl">Adds a 1×1 open pixel at the end of the body.</param>
    public RenderedParts Render(JsonObject model, Func<string, string?>? trackLink = null, string? openPixelUrl = null)
    {
        var context = TemplateModel.From(model);
        var subject = OneLine(_subject(context));
        var preheader = _preheader is null ? null : OneLine(_preheader(context));
        if (preheader is { Length: 0 }) preheader = null;
        var html = ResolveMarkers(_html(context), preheader, trackLink, openPixelUrl);
        return new RenderedParts(subject, preheader, html, HtmlText.Normalize(_text(context)));
    }

    // One builder per thread for the marker pass (rendering never awaits): the HTML of every message went through a
    // fresh builder of its own size plus the tracked links' growth, before being copied into its string.
    [ThreadStatic] private static StringBuilder? _markerPass;
    private const int MaxKeptBuilder = 256 * 1024;

    private string ResolveMarkers(string raw, string? preheader, Func<string, string?>? trackLink, string? openPixelUrl)
    {
        var sb = _markerPass ?? new StringBuilder(raw.Length + 1024);
        _markerPass = null; // a link callback that renders again (none does today) gets a builder of its own
        sb.Clear();
        try { return ResolveMarkers(sb, raw, preheader, trackLink, openPixelUrl); }
        finally { if (sb.Capacity <= MaxKeptBuilder) _markerPass = sb; }
    }

    private string ResolveMarkers(StringBuilder sb, string raw, string? preheader, Func<string, string?>? trackLink, string? openPixelUrl)
    {
        var at = 0;
        while (true)
        {
            var next = raw.AsSpan(at).IndexOfAny(Markers);
            if (next >= 0) next += at;
            if (next < 0) { sb.Append(raw, at, raw.Length - at); break; }
            sb.Append(raw, at, next - at);
            var marker = raw[next];
            at = next + 1;
            switch (marker)
            {
                case PreheaderSlot:
                    if (preheader is not null)
                        sb.Append("<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all\">")
                          .Append(WebUtility.HtmlEncode(preheader)).Append("</div>");
                    break;
                case PixelSlot:
                    if (openPixelUrl is not null)
                        sb.Append("<img src=\"").Append(AttributeEncode(openPixelUrl))
                          .Append("\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;width:1px;height:1px;border:0\">");
                    break;
                case StaticLink:
                    var close = raw.IndexOf(MarkerEnd, at);
                    var index = int.Parse(raw.AsSpan(at, close - at), provider: System.Globalization.CultureInfo.InvariantCulture);
                    sb.Append(trackLink?.Invoke(_staticLinks[index]) is { } tracked ? AttributeEncode(tracked) : _staticLinksEncoded[index]);
                    at = close + 1;
                    break;
                default:
                    var end = raw.IndexOf(MarkerEnd, at);
                    if (end < 0) end = raw.Length;
                    sb.Append(Url(raw.Substring(at, end - at), marker, trackLink));
                    at = Math.Min(end + 1, raw.Length);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A rendered URL attribute: refused when its scheme is not allowed (data can make one), tracked when it is a web link.</summary>
    private static string Url(string rendered, char marker, Func<string, string?>? trackLink)
    {
        var url = WebUtility.HtmlDecode(rendered).Trim();
        var use = marker switch { ImageUrl => UrlUse.Image, BackgroundUrl => UrlUse.Background, _ => UrlUse.Link };
        if (!UrlPolicy.IsAllowed(url, use)) return use == UrlUse.Link ? "#" : "";
        if (marker != TrackedLink || trackLink is null || !UrlPolicy.IsWeb(url)) return rendered;
        return trackLink(url) is { } tracked ? AttributeEncode(tracked) : rendered;
    }

    private static string AttributeEncode(string value) =>
        value.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string OneLine(string s) =>
        s.IndexOfAny(['\r', '\n', '\t']) < 0 ? s.Trim() : string.Join(' ', s.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
