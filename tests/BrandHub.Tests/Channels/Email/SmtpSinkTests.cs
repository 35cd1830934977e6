using System.Diagnostics;
using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace BrandHub.Tests.Channels.Email;

/// <summary>Against Postfix's smtp-sink: a second, unrelated SMTP implementation, and the benchmark's sink.</summary>
public class SmtpSinkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_message_of_a_batch_reaches_postfix_smtp_sink_intact()
    {
        await using var sink = await SmtpSink.StartAsync(dumpMessages: true);
        using var transport = EmailBatches.Transport();
        var batch = EmailBatches.Emails(200);

        var results = await transport.SendAsync(EmailBatches.Sender(new SmtpEndpoint(sink.Host, sink.Port, "none", null, null), maxConnections: 4), batch, default);

        results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent, results.FirstOrDefault(r => r.Error is not null)?.Error);
        var files = await Eventually.PollAsync(() => Task.FromResult(sink.DumpFiles), f => f.Count >= 200, "200 dumped messages");
        files.Count.ShouldBe(200);
        var dumped = await File.ReadAllBytesAsync(files[0]);
        // smtp-sink writes its own trace headers (X-Client-Addr…) above the message; the message itself follows intact.
        var text = System.Text.Encoding.UTF8.GetString(dumped);
        var message = await MessageInspector.InspectAsync(dumped);
        message.Header("Subject").ShouldBe("Oferta săptămânii");
        message.ContentType.ShouldBe("multipart/alternative");
        message.Parts.Select(p => p.ContentType).ShouldBe(["text/plain", "text/html"]);
        text.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Throughput_to_smtp_sink_over_four_connections(bool dkim)
    {
        await using var sink = await SmtpSink.StartAsync(dumpMessages: false);
        using var transport = EmailBatches.Transport();
        var key = dkim ? new DkimKey("shop.example", "bh", BrandHub.Core.Email.DkimKeys.Generate().PrivateKeyPem) : null;
        var sender = EmailBatches.Sender(new SmtpEndpoint(sink.Host, sink.Port, "none", null, null), maxConnections: 4, dkim: key);
        await transport.SendAsync(sender, EmailBatches.Emails(50), default); // warm up: JIT and the pooled connections
        var batches = Enumerable.Range(0, 10).Select(_ => EmailBatches.Emails(500)).ToList();

        var clock = Stopwatch.StartNew();
        var sent = 0;
        foreach (var batch in batches) sent += (await transport.SendAsync(sender, batch, default)).Count(r => r.Outcome == SendOutcome.Sent);
        clock.Stop();

        sent.ShouldBe(5000);
        output.WriteLine($"{sent} messages in {clock.Elapsed.TotalSeconds:0.00} s: {sent / clock.Elapsed.TotalSeconds:0} msgs/s (4 connections, DKIM {(dkim ? "rsa-2048" : "off")})");
    }
}
