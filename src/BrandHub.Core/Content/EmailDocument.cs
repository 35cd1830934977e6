using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace BrandHub.Core.Content;

/// <summary>How a template's HTML becomes a whole email document with render-time markers.</summary>
internal static partial class EmailDocument
{
    private const string Shell = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body></body></html>";

    /// <summary>A document as written, or a fragment placed in a minimal email document (so there is always a body).</summary>
    public static IDocument Parse(string markup)
    {
        var document = EmailHtmlSanitizer.Parse(markup, out var isDocument);
        if (isDocument) return document;
        var shell = EmailHtmlSanitizer.Parse(Shell, out _);
        shell.Body!.InnerHtml = markup;
        return shell;
    }

    /// <summary>Wraps URLs in markers (see <see cref="CompiledEmailTemplate"/>) and adds the preheader and pixel slots.</summary>
    /// <returns>The static web links, in the order of their <paramref name="staticLink"/> markers' numbers.</returns>
    public static List<string> Instrument(IDocument document, TemplateMarkup markup, char tracked, char staticLink, char checkedLink, char image,
        char background, char end, char preheader, char pixel)
    {
        var statics = new List<string>();
        foreach (var element in document.All.Where(e => e.HasAttribute("href") || e.HasAttribute("src") || e.HasAttribute("background")))
        {
            if (element.GetAttribute("href") is { } href && element.LocalName == "a")
            {
                var templated = href.Contains(TemplateMarkup.TokenStart);
                if (markup.TagOfValue(href.Trim()) is { } tag && ManagedLinkPattern().IsMatch(tag)) element.SetAttribute("href", checkedLink + href + end);
                else if (templated) element.SetAttribute("href", tracked + href + end);
                else if (UrlPolicy.IsWeb(href))
                {
                    // Known at compile time: rendering only looks it up, no decoding or scheme checks per recipient.
                    element.SetAttribute("href", staticLink + statics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + end);
                    statics.Add(href.Trim());
                }
            }
            if (element.GetAttribute("src") is { } src && src.Contains(TemplateMarkup.TokenStart)) element.SetAttribute("src", image + src + end);
            if (element.GetAttribute("background") is { } bg && bg.Contains(TemplateMarkup.TokenStart)) element.SetAttribute("background", background + bg + end);
        }
        var body = document.Body!;
        body.Prepend(document.CreateTextNode(preheader.ToString()));
        body.Append(document.CreateTextNode(pixel.ToString()));
        return statics;
    }

    /// <summary>Unsubscribe and preference links are BrandHub's own: never click-tracked.</summary>
    [GeneratedRegex(@"^\{\{~?\s*(@root\.)?links\.(unsubscribeUrl|preferencesUrl)\s*~?\}\}$")]
    private static partial Regex ManagedLinkPattern();
}
