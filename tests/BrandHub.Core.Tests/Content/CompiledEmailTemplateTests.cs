using System.Diagnostics;
using System.Text.Json.Nodes;
using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class CompiledEmailTemplateTests
{
    private static CompiledEmailTemplate Compile(string html, string subject = "Hi {{contact.firstName}}", string? text = null, string? preheader = null,
        params DeclaredVariable[] variables)
    {
        var (template, errors) = CompiledEmailTemplate.Compile(new EmailTemplateSource(subject, preheader, html, text, variables));
        errors.ShouldBeEmpty();
        return template!;
    }

    private static JsonObject Model(string firstName = "Ana", JsonObject? data = null) => new()
    {
        ["contact"] = new JsonObject { ["firstName"] = firstName, ["email"] = "ana@example.com" },
        ["data"] = data ?? new JsonObject(),
        ["links"] = new JsonObject { ["unsubscribeUrl"] = "https://bh.example/u/abc", ["preferencesUrl"] = "https://bh.example/p/abc" },
        ["tenant"] = new JsonObject { ["name"] = "Shop & Co" },
    };

    [Fact]
    public void Values_are_escaped_in_html_but_not_in_subject_or_text()
    {
        var template = Compile("<p>Hi {{contact.firstName}}</p>", text: "Hi {{contact.firstName}} from {{tenant.name}}");
        var email = template.Render(Model("<b>Ana</b> & \"Co\""));
        email.Subject.ShouldBe("Hi <b>Ana</b> & \"Co\"");
        email.Html.ShouldContain("<p>Hi &lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Co&quot;</p>");
        email.Text.ShouldBe("Hi <b>Ana</b> & \"Co\" from Shop & Co");
    }

    [Fact]
    public void A_subject_is_one_line_whatever_the_data()
    {
        Compile("<p>x</p>").Render(Model("Ana\r\nBcc: victim@example.com")).Subject.ShouldBe("Hi Ana Bcc: victim@example.com");
    }

    [Fact]
    public void Lists_conditions_and_the_default_helper_render()
    {
        var template = Compile(
            "<table><tbody>{{#each data.items}}<tr><td>{{name}}</td><td>{{price}}</td></tr>{{/each}}</tbody></table><p>{{#if data.vip}}VIP{{else}}Regular{{/if}} {{default data.coupon \"none\"}} {{data.paid}}</p>",
            variables: [new DeclaredVariable("items"), new DeclaredVariable("vip"), new DeclaredVariable("coupon"), new DeclaredVariable("paid")]);
        var email = template.Render(Model(data: JsonNode.Parse("""{"items":[{"name":"Shoe","price":12.50},{"name":"Hat","price":3}],"vip":false,"paid":true}""")!.AsObject()));
        email.Html.ShouldContain("<tr><td>Shoe</td><td>12.50</td></tr><tr><td>Hat</td><td>3</td></tr>");
        email.Html.ShouldContain("<p>Regular none true</p>");
        email.Text.ShouldBe("Shoe | 12.50\nHat | 3\n\nRegular none true");
    }

    [Fact]
    public void Web_links_are_tracked_and_mailto_tel_anchors_and_unsubscribe_are_not()
    {
        var template = Compile("""
            <a href="https://shop.example/a?x=1&amp;y=2">A</a><a href="mailto:hi@shop.example">M</a><a href="tel:+40700">T</a><a href="#top">Top</a>
            <a href="{{links.unsubscribeUrl}}">Unsubscribe</a><a href="{{data.url}}">Data</a>
            """, variables: new DeclaredVariable("url"));
        var seen = new List<string>();
        var email = template.Render(Model(data: new JsonObject { ["url"] = "https://shop.example/o?id=1&k=2" }), url => { seen.Add(url); return "https://t.example/c/" + seen.Count + "?u=1&v=2"; });
        seen.ShouldBe(["https://shop.example/a?x=1&y=2", "https://shop.example/o?id=1&k=2"]);
        email.Html.ShouldContain("href=\"https://t.example/c/1?u=1&amp;v=2\"");
        email.Html.ShouldContain("href=\"mailto:hi@shop.example\"");
        email.Html.ShouldContain("href=\"tel:+40700\"");
        email.Html.ShouldContain("href=\"#top\"");
        email.Html.ShouldContain("href=\"https://bh.example/u/abc\"");
        email.Html.ShouldNotContain("\u0001");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public void A_dangerous_url_from_data_is_neutralised_at_render_time(string url)
    {
        var template = Compile("<a href=\"{{data.url}}\">x</a><img src=\"{{data.url}}\">", variables: new DeclaredVariable("url"));
        var email = template.Render(Model(data: new JsonObject { ["url"] = url }));
        email.Html.ShouldContain("<a href=\"#\">x</a><img src=\"\">");
    }

    [Fact]
    public void Data_cannot_forge_render_markers()
    {
        var template = Compile("<p>{{data.x}}</p><a href=\"https://shop.example\">s</a>", variables: new DeclaredVariable("x"));
        var email = template.Render(Model(data: new JsonObject { ["x"] = "\u0001javascript:alert(1)\u0002\u0005" }), _ => "https://t.example", "https://t.example/o.gif");
        email.Html.ShouldContain("<p>javascript:alert(1)</p>");
        email.Html.Split("t.example/o.gif").Length.ShouldBe(2); // one pixel, not two
    }

    [Fact]
    public void The_preheader_is_the_hidden_first_element_and_the_pixel_closes_the_body()
    {
        var template = Compile("<html><body><p>Body</p></body></html>", preheader: "Sale for {{contact.firstName}} <3");
        var email = template.Render(Model(), null, "https://t.example/o/1.gif?a=1&b=2");
        email.Preheader.ShouldBe("Sale for Ana <3");
        email.Html.ShouldContain("<body><div style=\"display:none;");
        email.Html.ShouldContain(">Sale for Ana &lt;3</div><p>Body</p><img src=\"https://t.example/o/1.gif?a=1&amp;b=2\" width=\"1\" height=\"1\"");
        email.Html.ShouldEndWith("</body></html>");
    }

    [Fact]
    public void A_fragment_becomes_a_whole_email_document_without_tracking_when_none_is_asked()
    {
        var email = Compile("<p>Hi</p>").Render(Model());
        email.Html.ShouldBe("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><p>Hi</p></body></html>");
        email.Preheader.ShouldBeNull();
    }

    [Fact]
    public void The_text_part_is_generated_from_the_html_template_when_not_given()
    {
        var template = Compile("<h1>Order {{data.order.number}}</h1><p>Track it <a href=\"{{data.url}}\">here</a>.</p><ul>{{#each data.items}}<li>{{name}}</li>{{/each}}</ul>",
            variables: [new DeclaredVariable("order"), new DeclaredVariable("url"), new DeclaredVariable("items")]);
        template.TextSource.ShouldBe("Order {{data.order.number}}\n\nTrack it here ({{data.url}}).\n\n{{#each data.items}}\n- {{name}}\n{{/each}}");
        var email = template.Render(Model(data: JsonNode.Parse("""{"order":{"number":"A-1"},"url":"https://s.example/t?a=1&b=2","items":[{"name":"Shoe"},{"name":"Hat"}]}""")!.AsObject()));
        email.Text.ShouldBe("Order A-1\n\nTrack it here (https://s.example/t?a=1&b=2).\n\n- Shoe\n- Hat");
    }

    [Fact]
    public void Invalid_templates_do_not_compile()
    {
        var (template, errors) = CompiledEmailTemplate.Compile(new EmailTemplateSource("Hi {{data.x}}", null, "<p>{{#if contact.firstName}}</p>", null, []));
        template.ShouldBeNull();
        errors.Select(e => e.Field).Distinct().OrderBy(f => f).ShouldBe(["html", "subject"]);
    }

    [Fact]
    public void One_compiled_template_renders_correctly_from_many_threads()
    {
        var template = Compile("<p>{{contact.firstName}} {{data.n}}</p>", variables: new DeclaredVariable("n"));
        Parallel.For(0, 2000, i =>
        {
            var email = template.Render(Model("P" + i, new JsonObject { ["n"] = i }));
            email.Html.ShouldContain($"<p>P{i} {i}</p>");
        });
    }

    [Fact]
    public void Rendering_a_typical_template_is_cheap()
    {
        // Not a timing assert (shared CI machines vary): prints the figure for docs/BENCHMARKS.md and the report.
        var rows = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"<tr><td style=\"padding:8px;font-family:Arial\">Line {i} of our catalogue with some words</td><td><a href=\"https://shop.example/p/{i}?utm_source=news\">Buy</a></td></tr>"));
        var html = $"<html><body><h1>Hi {{{{contact.firstName}}}}</h1><p>Your order {{{{data.order}}}} ships {{{{data.date}}}}.</p><table>{rows}</table>" +
                   "<p>{{data.coupon}} {{data.total}}</p><a href=\"{{links.unsubscribeUrl}}\">Unsubscribe</a></body></html>";
        var template = Compile(html, variables: [new DeclaredVariable("order"), new DeclaredVariable("date"), new DeclaredVariable("coupon"), new DeclaredVariable("total")]);
        var model = Model(data: new JsonObject { ["order"] = "A-1", ["date"] = "tomorrow", ["coupon"] = "SAVE10", ["total"] = 99.5m });
        for (var i = 0; i < 2000; i++) template.Render(model, u => u + "&t=1", "https://t.example/o.gif");
        const int n = 20000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) template.Render(model, u => u + "&t=1", "https://t.example/o.gif");
        watch.Stop();
        var size = template.Render(model).Html.Length;
        Console.WriteLine($"render: {watch.Elapsed.TotalMicroseconds / n:F1} µs per email ({size / 1024.0:F1} KB HTML)");
    }
}
