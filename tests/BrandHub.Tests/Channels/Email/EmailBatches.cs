using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Channels.Email.Smtp;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrandHub.Tests.Channels.Email;

/// <summary>Senders, messages and a transport wired like production, for tests that talk to a real SMTP server.</summary>
internal static class EmailBatches
{
    public static SmtpEmailTransport Transport(SmtpClientOptions? options = null) =>
        new(new SmtpConnectionPool(options ?? new SmtpClientOptions(), NullLogger<SmtpConnectionPool>.Instance),
            TimeProvider.System, NullLogger<SmtpEmailTransport>.Instance);

    public static EmailSender Sender(SmtpEndpoint endpoint, int maxConnections = 1, DkimKey? dkim = null) =>
        new("smtp", "news@shop.example", "Magazinul Înflorit", "help@shop.example", endpoint, null, dkim, maxConnections);

    public static OutgoingEmail Email(int n, string? to = null, string subject = "Oferta săptămânii", string? html = null, string? text = null) =>
        new(Guid.NewGuid(), to ?? $"contact{n}@example.com", $"Contact {n}", subject,
            html ?? $"<p>Bună ziua, contact {n}!</p>", text ?? $"Bună ziua, contact {n}!",
            [new("List-Unsubscribe", $"<mailto:unsubscribe@shop.example?subject={n}>, <https://shop.example/u/{n}>"),
             new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]);

    public static OutgoingEmail[] Emails(int count) => [.. Enumerable.Range(1, count).Select(n => Email(n))];
}
