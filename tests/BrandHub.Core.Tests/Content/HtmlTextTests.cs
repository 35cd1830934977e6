using BrandHub.Core.Content;

namespace BrandHub.Core.Tests.Content;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<h1>Welcome</h1><p>First paragraph.</p><p>Second<br>line</p>", "Welcome\n\nFirst paragraph.\n\nSecond\nline")]
    [InlineData("<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul>", "- One\n- Two\n  - Nested")]
    [InlineData("<ol start=\"3\"><li>Three</li><li>Four</li></ol>", "3. Three\n4. Four")]
    [InlineData("<p>See <a href=\"https://shop.example/x\">our shop</a> now</p>", "See our shop (https://shop.example/x) now")]
    [InlineData("<a href=\"https://shop.example\">https://shop.example</a>", "https://shop.example")]
    [InlineData("<a href=\"mailto:hi@shop.example\">Write us</a>", "Write us (hi@shop.example)")]
    [InlineData("<a href=\"#top\">Top</a>", "Top")]
    [InlineData("<table><tr><th>Item</th><th>Price</th></tr><tr><td>Shoe</td><td>10 &euro;</td></tr></table>", "Item | Price\nShoe | 10 €")]
    [InlineData("<table><tr><td><p>Layout A</p></td><td><p>Layout B</p></td></tr></table>", "Layout A\n\nLayout B")]
    [InlineData("<p>Tom &amp; Jerry&nbsp;&lt;3</p><style>p{color:red}</style><script>x()</script>", "Tom & Jerry <3")]
    [InlineData("<p>  lots \n\n of   space </p>", "lots of space")]
    [InlineData("<img src=\"a.png\" alt=\"Logo\"><hr><p>x</p>", "Logo\n----------------------------------------\n\nx")]
    [InlineData("<pre>a  b\n c</pre>", "a  b\n c")]
    public void Html_reads_as_plain_text(string html, string text)
    {
        HtmlText.FromHtml(html).ShouldBe(text);
    }

    [Fact]
    public void No_tags_or_entities_remain()
    {
        var text = HtmlText.FromHtml("<div><span>a&amp;b &quot;q&quot; &#169;</span><b>bold</b><i>it</i></div>");
        text.ShouldBe("a&b \"q\" ©bolditv".Replace("v", ""));
        text.ShouldNotContain("<");
    }
}
