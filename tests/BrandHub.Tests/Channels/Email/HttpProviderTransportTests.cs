using BrandHub.Modules.Channels.Email;
using BrandHub.Tests.Channels.Email.Support;

namespace BrandHub.Tests.Channels.Email;

/// <summary>The Mailgun-style HTTP transport against a peer speaking that API: what goes on the wire and how answers are classified.</summary>
public sealed class HttpProviderTransportTests(EmailHost host) : IClassFixture<EmailHost>
{
    private IEmailTransport Transport => host.App.Services.GetServices<IEmailTransport>().Single(t => t.Provider == "http");

    private EmailSender Sender(int maxConnections = 4, string apiKey = MailgunPeer.ApiKey) => new("http", "news@shop.example", "Shop, \"News\"", "care@shop.example",
        null, new HttpProviderEndpoint(host.Mailgun.BaseUrl, "mg.shop.example", apiKey, "whsk"), null, maxConnections);

    private static OutgoingEmail Message(string to) => new(Guid.CreateVersion7(), to, "Ana Pop", "Spring sale", "<p>Hi Ana</p>", "Hi Ana",
        [new("List-Unsubscribe", "<https://links.brandhub.test/u/tok>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]);

    [Fact]
    public async Task An_accepted_message_is_sent_with_the_providers_id_and_every_field_on_the_wire()
    {
        var message = Message($"ana.{Guid.NewGuid():N}@example.com");

        var result = (await Transport.SendAsync(Sender(), [message], CancellationToken.None)).Single();

        (result.DeliveryId, result.Outcome, result.Error).ShouldBe((message.DeliveryId, SendOutcome.Sent, null));
        result.ProviderMessageId.ShouldStartWith("20250301090000.");
        result.ProviderMessageId.ShouldEndWith("@mg.shop.example"); // angle brackets dropped, as webhooks report it
        var seen = host.Mailgun.Messages.Single(m => m.Fields["to"].Contains(message.To));
        seen.Domain.ShouldBe("mg.shop.example");
        var f = seen.Fields;
        (f["from"], f["to"], f["subject"], f["html"], f["text"]).ShouldBe(("\"Shop, \\\"News\\\"\" <news@shop.example>", $"\"Ana Pop\" <{message.To}>", "Spring sale", "<p>Hi Ana</p>", "Hi Ana"));
        (f["h:Reply-To"], f["h:List-Unsubscribe"], f["h:List-Unsubscribe-Post"]).ShouldBe(("care@shop.example", "<https://links.brandhub.test/u/tok>", "List-Unsubscribe=One-Click"));
        f["v:delivery-id"].ShouldBe(message.DeliveryId.ToString());
    }

    [Theory]
    [InlineData("rate-limited", SendOutcome.Transient, "HTTP 429: Too many requests")]
    [InlineData("broken", SendOutcome.Transient, "HTTP 500: Internal error")]
    [InlineData("reject", SendOutcome.Permanent, "HTTP 400: 'to' parameter is not a valid address. please check documentation")]
    public async Task Provider_answers_are_classified_transient_or_permanent(string localPart, SendOutcome expected, string error)
    {
        var result = (await Transport.SendAsync(Sender(), [Message($"{localPart}@example.com")], CancellationToken.None)).Single();

        (result.Outcome, result.Error, result.ProviderMessageId).ShouldBe((expected, error, null));
    }

    [Fact]
    public async Task A_wrong_api_key_is_permanent_and_says_so()
    {
        var result = (await Transport.SendAsync(Sender(apiKey: "key-wrong"), [Message("ana@example.com")], CancellationToken.None)).Single();

        (result.Outcome, result.Error).ShouldBe((SendOutcome.Permanent, "HTTP 401: Invalid private key"));
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_or_at_all_is_transient()
    {
        var slow = (await Transport.SendAsync(Sender(), [Message("slow@example.com")], CancellationToken.None)).Single();
        slow.Outcome.ShouldBe(SendOutcome.Transient);
        slow.Error!.ShouldContain("in time");

        var closed = new EmailSender("http", "news@shop.example", null, null, null, new HttpProviderEndpoint("http://127.0.0.1:9", "mg.shop.example", "k", null), null);
        var down = (await Transport.SendAsync(closed, [Message("ana@example.com")], CancellationToken.None)).Single();
        down.Outcome.ShouldBe(SendOutcome.Transient);
        down.Error!.ShouldContain("could not be reached");
    }

    [Fact]
    public async Task A_batch_keeps_to_the_senders_connection_limit_and_reports_every_message()
    {
        host.Mailgun.Delay = TimeSpan.FromMilliseconds(100);
        Interlocked.Exchange(ref host.Mailgun.MaxInFlight, 0);
        try
        {
            var batch = Enumerable.Range(0, 12).Select(i => Message($"batch{i}.{Guid.NewGuid():N}@example.com")).ToList();

            var results = await Transport.SendAsync(Sender(maxConnections: 3), batch, CancellationToken.None);

            results.Select(r => r.DeliveryId).ShouldBe(batch.Select(m => m.DeliveryId));
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Sent);
            host.Mailgun.MaxInFlight.ShouldBeInRange(2, 3);
        }
        finally { host.Mailgun.Delay = TimeSpan.Zero; }
    }
}
