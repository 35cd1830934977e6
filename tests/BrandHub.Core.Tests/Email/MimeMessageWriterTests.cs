using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Core.Tests.Email;

public class MimeMessageWriterTests
{
    private static readonly DateTimeOffset SentAt = new(2025, 3, 4, 9, 5, 0, TimeSpan.FromHours(2));

    private static EmailMessage Message(string subject = "Spring sale", string? text = "Hello", string? html = "<p>Hello</p>") =>
        new(new MailboxAddress("news@shop.example", "Shop"), new MailboxAddress("ana@example.com", "Ana Pop"), subject, SentAt,
            text, html, MessageId: "<d1@shop.example>");

    private static string Write(EmailMessage message, bool smtpUtf8 = false) =>
        Encoding.UTF8.GetString(MimeMessageWriter.ToBytes(message, smtpUtf8));

    private static (Dictionary<string, string> Headers, string Body) Split(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in raw[..end].Replace("\r\n ", " ").Replace("\r\n\t", "\t").Split("\r\n"))
        {
            var colon = field.IndexOf(':');
            headers[field[..colon]] = field[(colon + 1)..].Trim();
        }
        return (headers, raw[(end + 4)..]);
    }

    [Fact]
    public void A_message_with_text_and_html_is_multipart_alternative_text_first()
    {
        var raw = Write(Message());
        var (headers, body) = Split(raw);

        headers["From"].ShouldBe("Shop <news@shop.example>");
        headers["To"].ShouldBe("Ana Pop <ana@example.com>");
        headers["Subject"].ShouldBe("Spring sale");
        headers["Date"].ShouldBe("Tue, 04 Mar 2025 09:05:00 +0200");
        headers["Message-ID"].ShouldBe("<d1@shop.example>");
        headers["MIME-Version"].ShouldBe("1.0");
        headers["Content-Type"].ShouldStartWith("multipart/alternative; boundary=\"");
        body.IndexOf("text/plain", StringComparison.Ordinal).ShouldBeLessThan(body.IndexOf("text/html", StringComparison.Ordinal));
        body.ShouldContain("Content-Transfer-Encoding: quoted-printable");
        body.TrimEnd().ShouldEndWith("--");
    }

    [Fact]
    public void Every_line_is_CRLF_terminated_7bit_and_within_78_characters()
    {
        var message = Message(
            subject: "Oferta săptămânii: reduceri de până la 50% la toate produsele din categoria încălțăminte și îmbrăcăminte 🎉",
            text: string.Concat(Enumerable.Repeat("Ceva text foarte lung fără întreruperi ", 40)),
            html: "<p>" + new string('x', 3000) + "</p>") with
        {
            From = new MailboxAddress("news@shop.example", "Magazinul Înflorit — Ofertele Săptămânii și Multe Altele"),
            Headers = [new("List-Unsubscribe", "<mailto:unsub@shop.example?subject=u>, <https://shop.example/u/abc>"), new("X-Campaign", "Primăvară")],
        };

        var raw = Write(message);

        raw.ShouldAllBe(c => c < 128);
        raw.Replace("\r\n", "").ShouldNotContain('\n');
        raw.Replace("\r\n", "").ShouldNotContain('\r');
        raw.Split("\r\n").ShouldAllBe(l => l.Length <= 78);
        MimeDecoding.DecodeHeader(Split(raw).Headers["Subject"]).ShouldBe(message.Subject);
        MimeDecoding.DecodeHeader(Split(raw).Headers["X-Campaign"]).ShouldBe("Primăvară");
    }

    [Fact]
    public void Extra_headers_are_written_in_order()
    {
        var raw = Write(Message() with
        {
            Headers = [new("List-Unsubscribe", "<https://x.example/u>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), new("Feedback-ID", "c1:t1:bh")],
        });
        var a = raw.IndexOf("List-Unsubscribe:", StringComparison.Ordinal);
        var b = raw.IndexOf("List-Unsubscribe-Post: List-Unsubscribe=One-Click", StringComparison.Ordinal);
        var c = raw.IndexOf("Feedback-ID: c1:t1:bh", StringComparison.Ordinal);
        a.ShouldBeGreaterThan(0);
        b.ShouldBeGreaterThan(a);
        c.ShouldBeGreaterThan(b);
    }

    [Theory]
    [InlineData("X-Evil", "a\r\nBcc: victim@example.com")]
    [InlineData("X-Evil", "a\nb")]
    [InlineData("X Evil", "a")]
    [InlineData("Bcc", "victim@example.com")]
    [InlineData("From", "someone@else.example")]
    public void Header_injection_is_impossible(string name, string value) =>
        Should.Throw<EmailFormatException>(() => Write(Message() with { Headers = [new(name, value)] }));

    [Fact]
    public void Line_breaks_in_the_subject_and_display_names_become_spaces()
    {
        var raw = Write(Message("Hi\r\nBcc: victim@example.com") with { To = new MailboxAddress("ana@example.com", "Ana\r\nBcc: x@y.z") });
        raw.ShouldNotContain("\r\nBcc:");
    }

    [Theory]
    [InlineData("ana@example.com\r\nRCPT TO:<x@y.z>")]
    [InlineData("ana <ana@example.com>")]
    [InlineData("no-at-sign")]
    public void Malformed_addresses_are_rejected(string address) =>
        Should.Throw<EmailFormatException>(() => new MailboxAddress(address));

    [Fact]
    public void A_non_ascii_local_part_needs_smtputf8()
    {
        var message = Message() with { To = new MailboxAddress("ștefan@exemplu.ro") };

        Should.Throw<EmailFormatException>(() => Write(message));
        Write(message, smtpUtf8: true).ShouldContain("To: ștefan@exemplu.ro\r\n");
    }

    [Fact]
    public void An_internationalised_domain_is_written_as_its_a_label_without_smtputf8()
    {
        Write(Message() with { To = new MailboxAddress("ana@bücher.example") }).ShouldContain("To: ana@xn--bcher-kva.example\r\n");
    }

    [Fact]
    public void A_generated_message_id_uses_the_sender_domain()
    {
        var raw = Write(Message() with { MessageId = null });
        Split(raw).Headers["Message-ID"].ShouldMatch("^<[0-9a-f]{32}@shop\\.example>$");
    }

    [Fact]
    public void Inline_images_travel_in_multipart_related_with_their_content_id()
    {
        var png = new byte[500];
        new Random(1).NextBytes(png);
        var raw = Write(Message(html: "<img src=\"cid:logo@shop\">") with { InlineImages = [new InlineImage("logo@shop", "image/png", png, "logo.png")] });
        var (headers, body) = Split(raw);

        headers["Content-Type"].ShouldStartWith("multipart/related;");
        body.ShouldContain("Content-Type: multipart/alternative;");
        body.ShouldContain("Content-ID: <logo@shop>\r\nContent-Disposition: inline; filename=\"logo.png\"\r\n\r\n");
        var start = body.IndexOf("filename=\"logo.png\"\r\n\r\n", StringComparison.Ordinal) + "filename=\"logo.png\"\r\n\r\n".Length;
        var base64 = body[start..body.IndexOf("\r\n\r\n", start, StringComparison.Ordinal)];
        Convert.FromBase64String(base64.Replace("\r\n", "")).ShouldBe(png);
    }

    [Fact]
    public void A_text_only_message_is_a_single_part()
    {
        var (headers, body) = Split(Write(Message(html: null)));
        headers["Content-Type"].ShouldBe("text/plain; charset=utf-8");
        headers["Content-Transfer-Encoding"].ShouldBe("quoted-printable");
        body.ShouldBe("Hello\r\n");
    }
}
