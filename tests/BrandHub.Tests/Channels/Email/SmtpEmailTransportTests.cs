using System.Text;
using BrandHub.Core.Email;
using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Infrastructure;

namespace BrandHub.Tests.Channels.Email;

public class SmtpEmailTransportTests
{
    [Fact]
    public async Task Messages_arrive_intact_as_multipart_alternative_with_decoded_utf8_headers_and_a_dkim_signature_that_verifies()
    {
        await using var peer = await SmtpPeer.StartAsync();
        var key = DkimKeys.Generate();
        using var transport = EmailBatches.Transport();
        var longLine = string.Concat(Enumerable.Repeat("Reduceri de până la 50% la încălțăminte și îmbrăcăminte. ", 30));
        var email = EmailBatches.Email(1, subject: "Oferta săptămânii: până la −50% 🎉 pe tot ce îți place, doar până duminică seara",
            html: $"<html><body><p>{longLine}</p>\n<p>.leading dot</p></body></html>", text: longLine + "\n.leading dot\ntrailing space ");

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint, dkim: new DkimKey("shop.example", "bh2025", key.PrivateKeyPem)), [email], default);

        results.ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Sent, results[0].Error);
        results[0].ProviderMessageId.ShouldBe($"<{email.DeliveryId:N}@shop.example>");
        var received = (await peer.WaitForMessagesAsync(1)).Single();
        received.MailFrom.ShouldBe("news@shop.example");
        received.Recipients.ShouldBe(["contact1@example.com"]);

        var message = await MessageInspector.InspectAsync(received.Data, key.DnsTxtRecord);
        message.DkimVerified.ShouldBe(true);
        message.Defects.ShouldBeEmpty();
        message.Header("Subject").ShouldBe(email.Subject);
        message.Header("From").ShouldBe("Magazinul Înflorit <news@shop.example>");
        message.Header("To").ShouldBe("Contact 1 <contact1@example.com>");
        message.Header("Reply-To").ShouldBe("help@shop.example");
        message.Header("Message-ID").ShouldBe(results[0].ProviderMessageId);
        message.Header("List-Unsubscribe-Post").ShouldBe("List-Unsubscribe=One-Click");
        message.Header("List-Unsubscribe").ShouldBe("<mailto:unsubscribe@shop.example?subject=1>, <https://shop.example/u/1>");
        message.Header("DKIM-Signature").ShouldNotBeNull().ShouldContain("list-unsubscribe-post");
        message.ContentType.ShouldBe("multipart/alternative");
        message.Parts.Select(p => p.ContentType).ShouldBe(["text/plain", "text/html"]);
        message.Parts.ShouldAllBe(p => p.Charset == "utf-8");
        message.Parts[0].Content.ShouldBe(email.Text.Replace("\n", "\r\n").Replace("\r\r", "\r") + "\r\n", StringCompareShould.IgnoreLineEndings);
        message.Parts[1].Content!.ShouldContain(longLine);
        received.Text.Split("\r\n").ShouldAllBe(l => l.Length <= 78);
    }

    [Fact]
    public async Task One_connection_carries_many_messages_with_pipelined_commands_and_is_reused_for_the_next_batch()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        var sender = EmailBatches.Sender(peer.Endpoint, maxConnections: 1);

        var first = await transport.SendAsync(sender, EmailBatches.Emails(30), default);
        var second = await transport.SendAsync(sender, EmailBatches.Emails(20), default);

        first.Concat(second).ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
        (await peer.WaitForMessagesAsync(50)).Count.ShouldBe(50);
        peer.Connections.ShouldHaveSingleItem();
        var mails = peer.Commands.Where(c => c.Verb == "MAIL").ToList();
        mails.Count.ShouldBe(50);
        mails.ShouldAllBe(c => c.Pipelined, "MAIL FROM, RCPT TO and DATA travel in one write");
        peer.Commands.Count(c => c.Verb == "EHLO").ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_is_spread_over_up_to_max_connections()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint, maxConnections: 3), EmailBatches.Emails(60), default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
        (await peer.WaitForMessagesAsync(60)).Select(m => m.Recipients[0]).Distinct().Count().ShouldBe(60);
        peer.Connections.Count.ShouldBeInRange(2, 3);
    }

    [Fact]
    public async Task Without_pipelining_commands_wait_for_each_reply()
    {
        await using var peer = await SmtpPeer.StartAsync(new SmtpPeerOptions(Pipelining: false));
        using var transport = EmailBatches.Transport();

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), EmailBatches.Emails(3), default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
        peer.Commands.Where(c => c.Verb is "MAIL" or "RCPT").ShouldAllBe(c => !c.Pipelined);
    }

    [Fact]
    public async Task StartTls_and_auth_work_and_nothing_is_said_before_tls()
    {
        await using var peer = await SmtpPeer.StartAsync(new SmtpPeerOptions(StartTls: true, Username: "shop", Password: "s3cret"));
        using var transport = EmailBatches.Transport();

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), EmailBatches.Emails(2), default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent, string.Join(", ", results.Select(r => r.Error)));
        peer.Commands.Select(c => c.Verb).Take(4).ShouldBe(["EHLO", "STARTTLS", "EHLO", "AUTH"]);
        (await peer.WaitForMessagesAsync(2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Implicit_tls_with_auth_works()
    {
        await using var peer = await SmtpPeer.StartAsync(new SmtpPeerOptions(ImplicitTls: true, Username: "shop", Password: "s3cret"));
        using var transport = EmailBatches.Transport();

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), EmailBatches.Emails(1), default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent, string.Join(", ", results.Select(r => r.Error)));
    }

    [Fact]
    public async Task Wrong_credentials_leave_every_message_transient_and_nothing_sent()
    {
        await using var peer = await SmtpPeer.StartAsync(new SmtpPeerOptions(StartTls: true, Username: "shop", Password: "s3cret"));
        using var transport = EmailBatches.Transport();

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint with { Password = "wrong" }), EmailBatches.Emails(3), default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Transient);
        results[0].Error.ShouldNotBeNull().ShouldContain("535");
        peer.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_451_gives_transient_and_the_retry_is_sent_once()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        var sender = EmailBatches.Sender(peer.Endpoint);
        var email = EmailBatches.Email(1);
        await peer.FailNextTransactionsAsync(1, 451);

        var first = await transport.SendAsync(sender, [email], default);
        var retry = await transport.SendAsync(sender, [email], default);

        first[0].Outcome.ShouldBe(SendOutcome.Transient);
        first[0].Error.ShouldNotBeNull().ShouldStartWith("451");
        retry[0].Outcome.ShouldBe(SendOutcome.Sent);
        (await peer.WaitForMessagesAsync(1)).Count.ShouldBe(1);
        peer.Connections.ShouldHaveSingleItem("a 4xx after the content does not cost the connection");
    }

    [Fact]
    public async Task A_550_recipient_is_permanent_and_the_connection_goes_on_with_the_next_message()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        await peer.RejectRecipientAsync("nobody@example.com");
        OutgoingEmail[] batch = [EmailBatches.Email(1), EmailBatches.Email(2, to: "nobody@example.com"), EmailBatches.Email(3)];

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), batch, default);

        results.Select(r => r.Outcome).ShouldBe([SendOutcome.Sent, SendOutcome.Permanent, SendOutcome.Sent]);
        results[1].Error.ShouldNotBeNull().ShouldContain("5.1.1");
        results.Select(r => r.DeliveryId).ShouldBe(batch.Select(e => e.DeliveryId));
        (await peer.WaitForMessagesAsync(2)).Select(m => m.Recipients[0]).ShouldBe(["contact1@example.com", "contact3@example.com"]);
        peer.Connections.ShouldHaveSingleItem();
        peer.Commands.ShouldContain(c => c.Verb == "RSET");
    }

    [Fact]
    public async Task A_421_is_transient_and_the_next_messages_go_over_a_new_connection()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        await peer.FailNextTransactionsAsync(1, 421);

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), EmailBatches.Emails(4), default);

        results.Select(r => r.Outcome).ShouldBe([SendOutcome.Transient, SendOutcome.Sent, SendOutcome.Sent, SendOutcome.Sent]);
        peer.Connections.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_dropped_connection_is_transient_for_the_message_in_flight_only()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        await peer.DropNextTransactionsAsync(1);

        var results = await transport.SendAsync(EmailBatches.Sender(peer.Endpoint), EmailBatches.Emails(5), default);

        results.Select(r => r.Outcome).ShouldBe([SendOutcome.Transient, SendOutcome.Sent, SendOutcome.Sent, SendOutcome.Sent, SendOutcome.Sent]);
        results[0].Error.ShouldNotBeNull().ShouldContain("connection");
        (await peer.WaitForMessagesAsync(4)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_server_that_is_down_makes_every_message_transient_until_it_is_back()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        var sender = EmailBatches.Sender(peer.Endpoint, maxConnections: 2);
        await peer.StopAsync();

        var whileDown = await transport.SendAsync(sender, EmailBatches.Emails(5), default);
        await peer.StartAsync();
        var afterwards = await transport.SendAsync(sender, EmailBatches.Emails(5), default);

        whileDown.ShouldAllBe(r => r.Outcome == SendOutcome.Transient && r.Error!.Contains("Cannot connect"));
        afterwards.ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
    }

    [Fact]
    public async Task Idle_pooled_connections_that_the_server_dropped_are_replaced()
    {
        await using var peer = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        var sender = EmailBatches.Sender(peer.Endpoint);
        (await transport.SendAsync(sender, EmailBatches.Emails(1), default))[0].Outcome.ShouldBe(SendOutcome.Sent);

        await peer.StopAsync(); // kills the pooled connection's other end
        await peer.StartAsync();
        var results = await transport.SendAsync(sender, EmailBatches.Emails(3), default);

        // The stale connection costs at most the one message that discovered it.
        results.Count(r => r.Outcome == SendOutcome.Sent).ShouldBeGreaterThanOrEqualTo(2);
        results.Where(r => r.Outcome != SendOutcome.Sent).ShouldAllBe(r => r.Outcome == SendOutcome.Transient);
    }

    [Fact]
    public async Task A_non_ascii_mailbox_needs_smtputf8()
    {
        await using var withUtf8 = await SmtpPeer.StartAsync(new SmtpPeerOptions(SmtpUtf8: true));
        await using var without = await SmtpPeer.StartAsync();
        using var transport = EmailBatches.Transport();
        OutgoingEmail[] batch = [EmailBatches.Email(1, to: "ștefan@exemplu.ro"), EmailBatches.Email(2, to: "ana@bücher.example")];

        var accepted = await transport.SendAsync(EmailBatches.Sender(withUtf8.Endpoint), batch, default);
        var refused = await transport.SendAsync(EmailBatches.Sender(without.Endpoint), batch, default);

        accepted.ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
        var utf8Message = (await withUtf8.WaitForMessagesAsync(2)).First(m => m.Recipients[0] == "ștefan@exemplu.ro");
        utf8Message.MailOptions.ShouldContain("SMTPUTF8");
        refused.Select(r => r.Outcome).ShouldBe([SendOutcome.Permanent, SendOutcome.Sent]);
        (await without.WaitForMessagesAsync(1)).Single().Recipients.ShouldBe(["ana@xn--bcher-kva.example"]);
    }

    [Fact]
    public async Task Content_lines_starting_with_a_dot_are_dot_stuffed_on_the_wire()
    {
        await using var peer = await SmtpPeer.StartAsync();
        await using var connection = await BrandHub.Modules.Channels.Email.Smtp.SmtpConnection.OpenAsync(peer.Endpoint, new(), default);
        var content = "Subject: dots\r\n\r\n.\r\n..two\r\nmiddle . dot\r\n.last"u8.ToArray();

        var reply = await connection.SendAsync("a@shop.example", "b@example.com", false, "X-First: 1\r\n"u8.ToArray(), content, default);

        reply.Code.ShouldBe(250);
        Encoding.ASCII.GetString((await peer.WaitForMessagesAsync(1))[0].Data)
            .ShouldBe("X-First: 1\r\nSubject: dots\r\n\r\n.\r\n..two\r\nmiddle . dot\r\n.last\r\n");
    }
}
