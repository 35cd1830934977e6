using System.Buffers;
using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Core.Tests.Email;

public class TransferEncodingTests
{
    private static string Qp(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        TransferEncoding.WriteQuotedPrintable(text, buffer);
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("a=b", "a=3Db")]
    [InlineData("trailing space ", "trailing space=20")]
    [InlineData("trailing tab\t\nnext", "trailing tab=09\r\nnext")]
    [InlineData("café", "caf=C3=A9")]
    [InlineData(".starts with a dot", "=2Estarts with a dot")]
    [InlineData("unix\nlines\rand\r\nwindows", "unix\r\nlines\r\nand\r\nwindows")]
    public void Quoted_printable_escapes_what_it_must(string text, string expected) => Qp(text).ShouldBe(expected);

    [Fact]
    public void Long_lines_get_soft_breaks_at_76_characters()
    {
        var encoded = Qp(new string('x', 200));
        encoded.Split("\r\n").Select(l => l.Length).ShouldAllBe(n => n <= 76);
        encoded.ShouldStartWith(new string('x', 75) + "=\r\n");
        MimeDecoding.DecodeQuotedPrintable(encoded).ShouldBe(Encoding.ASCII.GetBytes(new string('x', 200)));
    }

    [Fact]
    public void An_escape_sequence_is_never_split_by_a_soft_break()
    {
        for (var prefix = 70; prefix < 78; prefix++)
        {
            var encoded = Qp(new string('a', prefix) + "ééé" + new string('b', 10));
            foreach (var line in encoded.Split("\r\n"))
            {
                line.Length.ShouldBeLessThanOrEqualTo(76);
                var body = line.EndsWith('=') ? line[..^1] : line;
                // every "=" left in the body must start a full =XX escape
                for (var i = body.IndexOf('='); i >= 0; i = body.IndexOf('=', i + 1)) (i + 2).ShouldBeLessThan(body.Length);
            }
        }
    }

    [Fact]
    public void Random_text_survives_the_round_trip_with_short_CRLF_lines()
    {
        var random = new Random(20250301);
        string[] alphabet = ["a", "Z", "0", " ", "\t", "=", ".", "\r\n", "\n", "é", "ß", "€", "😀", "漢", "~", "_", "?"];
        for (var run = 0; run < 500; run++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, 300);
            for (var i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();

            var encoded = Qp(text);

            encoded.ShouldAllBe(c => c < 128, "7-bit clean");
            encoded.Replace("\r\n", "").ShouldNotContain('\r');
            encoded.Replace("\r\n", "").ShouldNotContain('\n');
            foreach (var line in encoded.Split("\r\n"))
            {
                line.Length.ShouldBeLessThanOrEqualTo(TransferEncoding.MaxLineLength);
                line.ShouldNotStartWith(".");
                if (line.Length > 0) line[^1].ShouldNotBeOneOf(' ', '\t');
            }
            var expected = text.Replace("\r\n", "\n").Replace("\n", "\r\n");
            Encoding.UTF8.GetString(MimeDecoding.DecodeQuotedPrintable(encoded)).ShouldBe(expected);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(1000)]
    public void Base64_is_written_in_lines_of_76(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var buffer = new ArrayBufferWriter<byte>();

        TransferEncoding.WriteBase64(data, buffer);

        var text = Encoding.ASCII.GetString(buffer.WrittenSpan);
        var lines = text.Split("\r\n")[..^1];
        lines.ShouldAllBe(l => l.Length <= 76);
        lines.Take(Math.Max(0, lines.Length - 1)).ShouldAllBe(l => l.Length == 76);
        Convert.FromBase64String(string.Concat(lines)).ShouldBe(data);
    }
}
