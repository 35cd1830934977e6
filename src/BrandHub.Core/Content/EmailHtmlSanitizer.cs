using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BrandHub.Core.Content;

/// <summary>
/// Sanitises an email template's HTML against <see cref="EmailHtmlAllowList"/>, on the template source so its
/// Handlebars tags survive (see <see cref="TemplateMarkup"/>). Whole documents stay documents; fragments stay fragments.
/// Outlook conditional comments are kept only when their content would pass unchanged; other comments are dropped.
/// </summary>
public static partial class EmailHtmlSanitizer
{
    public static SanitizedHtml Sanitize(string template)
    {
        var markup = TemplateMarkup.Hide(template);
        var warnings = new List<SanitizerWarning>();
        var document = Parse(markup.Html, out var isDocument);
        Clean(document.DocumentElement, warnings);
        var html = isDocument ? Serialize(document) : document.Body!.InnerHtml;
        var restored = markup.Restore(html, out var lost);
        foreach (var tag in lost.Where(t => !t.StartsWith("{{!", StringComparison.Ordinal)))
            warnings.Add(new("template_tag_removed", $"Removed {tag}: it was inside markup that was removed or is not valid HTML where it stood."));
        return new SanitizedHtml(restored, warnings.Distinct().ToList(), markup.Problems);
    }

    /// <summary>Parses tokenised markup: as a document when it has one, else as the content of a body.</summary>
    public static IHtmlDocument Parse(string markup, out bool isDocument)
    {
        var parser = new HtmlParser();
        isDocument = DocumentPattern().IsMatch(markup);
        if (isDocument) return parser.ParseDocument(markup);
        var document = parser.ParseDocument("");
        document.Body!.InnerHtml = markup;
        return document;
    }

    public static string Serialize(IDocument document) =>
        (document.Doctype is { } doctype ? doctype.ToHtml() + "\n" : "") + document.DocumentElement.OuterHtml;

    private static void Clean(INode node, List<SanitizerWarning> warnings)
    {
        foreach (var child in node.ChildNodes.ToArray())
        {
            switch (child)
            {
                case IComment comment:
                    CleanComment(comment, warnings);
                    break;
                case IElement element:
                    CleanElement(element, warnings);
                    break;
                case IProcessingInstruction or IDocumentType when child.Parent is not IDocument:
                    child.RemoveFromParent();
                    break;
            }
        }
    }

    private static void CleanElement(IElement element, List<SanitizerWarning> warnings)
    {
        var name = element.LocalName;
        if (EmailHtmlAllowList.Dropped.TryGetValue(name, out var why))
        {
            warnings.Add(new("element_removed", $"Removed <{name}> and its content: {why}."));
            element.RemoveFromParent();
            return;
        }
        if (!EmailHtmlAllowList.Elements.Contains(name))
        {
            warnings.Add(new("element_unwrapped", $"Removed the <{name}> tag, which email does not support; its content is kept."));
            Clean(element, warnings);
            var parent = element.Parent!;
            foreach (var c in element.ChildNodes.ToArray()) parent.InsertBefore(c, element);
            element.RemoveFromParent();
            return;
        }
        if (name == "meta" && !EmailHtmlAllowList.IsAllowedMeta(element.GetAttribute("charset"), element.GetAttribute("name"), element.GetAttribute("http-equiv")))
        {
            warnings.Add(new("element_removed", "Removed a <meta> tag: only charset, viewport and content-type metadata are allowed (no refresh or redirects)."));
            element.RemoveFromParent();
            return;
        }
        if (name == "style" && CssPolicy.UnsafeSheet(element.TextContent) is { } unsafeCss)
        {
            warnings.Add(new("style_removed", $"Removed a <style> sheet: it uses {unsafeCss}, which is not allowed in email."));
            element.RemoveFromParent();
            return;
        }
        CleanAttributes(element, warnings);
        if (name != "style") Clean(element, warnings);
    }

    private static void CleanAttributes(IElement element, List<SanitizerWarning> warnings)
    {
        var name = element.LocalName;
        foreach (var attribute in element.Attributes.ToArray())
        {
            var attr = attribute.Name.ToLowerInvariant();
            if (attr.StartsWith("on", StringComparison.Ordinal))
            {
                warnings.Add(new("attribute_removed", $"Removed {attr} from <{name}>: event handlers never run in email."));
                element.RemoveAttribute(attribute.Name);
            }
            else if (!EmailHtmlAllowList.IsAllowedAttribute(name, attr))
            {
                warnings.Add(new("attribute_removed", $"Removed the {attr} attribute from <{name}>: it is not allowed in email."));
                element.RemoveAttribute(attribute.Name);
            }
            else if (EmailHtmlAllowList.UrlAttributes.TryGetValue(attr, out var use) && !UrlPolicy.IsAllowed(attribute.Value, use))
            {
                var scheme = UrlPolicy.SchemeOf(UrlPolicy.Compact(attribute.Value));
                warnings.Add(new("url_removed", $"Removed {attr}=\"{scheme}:…\" from <{name}>: {AllowedSchemes(use)}."));
                element.RemoveAttribute(attribute.Name);
            }
            else if (attr == "target" && attribute.Value is not ("_blank" or "_self" or "_parent" or "_top"))
                element.RemoveAttribute(attribute.Name);
            else if (attr == "style")
            {
                var (style, dropped) = CssPolicy.FilterInline(attribute.Value);
                foreach (var property in dropped)
                    warnings.Add(new("style_removed", $"Removed the CSS property {property} from <{name}>: it is not allowed in email or has an unsafe value."));
                if (style.Length == 0) element.RemoveAttribute(attribute.Name);
                else if (dropped.Count > 0) element.SetAttribute(attribute.Name, style);
            }
        }
    }

    private static string AllowedSchemes(UrlUse use) => use switch
    {
        UrlUse.Link => "links may use http, https, mailto, tel or sms",
        UrlUse.Image => "images may use http, https, cid or data: png/gif/jpeg/webp",
        _ => "backgrounds may use http or https",
    };

    /// <summary>Our tokens and Outlook's conditional comments stay (the latter only when their HTML needs no cleaning); the rest go.</summary>
    private static void CleanComment(IComment comment, List<SanitizerWarning> warnings)
    {
        var data = comment.Data;
        if (TemplateMarkup.IsComment(data) || DownlevelRevealedPattern().IsMatch(data) || data == "<![endif]") return;
        var conditional = ConditionalPattern().Match(data);
        if (conditional.Success)
        {
            var inner = Sanitize(conditional.Groups["html"].Value);
            if (inner.Warnings.Count == 0) return;
            warnings.Add(new("comment_removed", $"Removed an Outlook conditional comment: {inner.Warnings[0].Message}"));
        }
        comment.RemoveFromParent();
    }

    [GeneratedRegex(@"<(html|head|body)[\s>/]|<!doctype", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentPattern();

    [GeneratedRegex(@"^\[if [^\]]*\]>(?<html>.*)<!\[endif\]$", RegexOptions.Singleline)]
    private static partial Regex ConditionalPattern();

    [GeneratedRegex(@"^\[if [^\]]*\]><!$")]
    private static partial Regex DownlevelRevealedPattern();
}
