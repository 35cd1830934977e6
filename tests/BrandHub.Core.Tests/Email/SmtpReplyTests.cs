using System.Text;
using BrandHub.Core.Email;

namespace BrandHub.Core.Tests.Email;

public class SmtpReplyTests
{
    [Theory]
    [InlineData("250 OK\r\n", 250, SmtpReplyKind.Ok, null)]
    [InlineData("354 End data with <CR><LF>.<CR><LF>\r\n", 354, SmtpReplyKind.Intermediate, null)]
    [InlineData("451 4.3.0 Try again later\r\n", 451, SmtpReplyKind.Transient, "4.3.0")]
    [InlineData("421 4.7.0 Too busy, closing\r\n", 421, SmtpReplyKind.Transient, "4.7.0")]
    [InlineData("550 5.1.1 <x@y.z>: Recipient address rejected\r\n", 550, SmtpReplyKind.Permanent, "5.1.1")]
    [InlineData("550 4.1.1 mismatched class is not an enhanced code\r\n", 550, SmtpReplyKind.Permanent, null)]
    [InlineData("250\r\n", 250, SmtpReplyKind.Ok, null)]
    [InlineData("220 mx.example ESMTP\n", 220, SmtpReplyKind.Ok, null)]
    public void Replies_are_classified_by_their_first_digit(string wire, int code, SmtpReplyKind kind, string? enhanced)
    {
        SmtpReply.TryParse(Encoding.ASCII.GetBytes(wire), out var reply, out var consumed).ShouldBeTrue();

        reply!.Code.ShouldBe(code);
        reply.Kind.ShouldBe(kind);
        reply.Enhanced?.ToString().ShouldBe(enhanced);
        consumed.ShouldBe(wire.Length);
    }

    [Fact]
    public void A_multi_line_reply_is_read_whole_and_only_whole()
    {
        var wire = "250-mx.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n250 2.1.0 Ok\r\n"u8.ToArray();

        SmtpReply.TryParse(wire.AsSpan(0, 30), out _, out _).ShouldBeFalse();
        SmtpReply.TryParse(wire, out var reply, out var consumed).ShouldBeTrue();
        reply!.Lines.ShouldBe(["mx.example", "PIPELINING", "8BITMIME", "SMTPUTF8"]);

        SmtpReply.TryParse(wire.AsSpan(consumed), out var next, out _).ShouldBeTrue();
        next!.Enhanced.ShouldBe(new EnhancedStatusCode(2, 1, 0));
    }

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("25 short\r\n")]
    [InlineData("250-a\r\n251 b\r\n")]
    [InlineData("650 no such class\r\n")]
    public void Garbage_is_a_protocol_error(string wire) =>
        Should.Throw<FormatException>(() => SmtpReply.TryParse(Encoding.ASCII.GetBytes(wire), out _, out _));
}
