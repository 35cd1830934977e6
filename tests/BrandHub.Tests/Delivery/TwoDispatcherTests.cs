using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>Two nodes dispatching from one database: each delivery is claimed by one of them, so no key is ever sent twice.</summary>
public sealed class TwoDispatcherTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task Two_dispatchers_on_one_database_never_send_the_same_delivery_twice()
    {
        // Sends take a while, as with a real provider: otherwise whichever node polls first can drain all 2,000 before
        // the other claims once, and the test would not show two nodes sharing the work.
        host.Transport.Latency = TimeSpan.FromMilliseconds(50);
        await using var second = await SecondNodeAsync();
        second.Transport.Latency = TimeSpan.FromMilliseconds(50);
        var tenant = await host.NewTenantAsync();
        var emails = Enumerable.Range(0, 2000).Select(i => UniqueEmail($"two{i}")).ToList();
        foreach (var chunk in emails.Chunk(1000))
            await tenant.Client.SendAsync(new { channel = "email", category = "transactional", recipients = chunk.Select(e => new { email = e }), content = Email(), data = new { order = 1 } });

        await Eventually.UntilAsync(async () => (await tenant.Client.GetJsonAsync("/api/v1/deliveries?status=sent&pageSize=1")).Total() == emails.Count,
            "every delivery to be sent", TimeSpan.FromMinutes(3));

        var all = host.Transport.Sent.Concat(second.Transport.Sent).Where(m => emails.Contains(m.To)).ToList();
        all.Count.ShouldBe(emails.Count);
        all.Select(m => m.DeliveryId).Distinct().Count().ShouldBe(emails.Count);
        host.Transport.Sent.Count(m => emails.Contains(m.To)).ShouldBeGreaterThan(0, "both nodes should have worked");
        second.Transport.Sent.Count(m => emails.Contains(m.To)).ShouldBeGreaterThan(0, "both nodes should have worked");
    }

    /// <summary>Another BrandHub node on the same database, with its own dispatcher and its own recording transport.</summary>
    private async Task<SecondNode> SecondNodeAsync()
    {
        var transport = new RecordingTransport();
        var app = BrandHubApp.Build(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = BrandHubHost.Provider, ["ConnectionStrings:BrandHub"] = host.ConnectionString, ["BrandHub:DataDir"] = host.DataDir,
                ["BrandHub:Jobs:Enabled"] = "false", ["BrandHub:Delivery:PollSeconds"] = "0.05", ["BrandHub:Delivery:BatchSize"] = "100",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            b.Services.AddSingleton<BrandHub.Modules.Channels.Email.IEmailTransport>(transport);
            b.Services.AddSingleton<BrandHub.Modules.Channels.Email.IEmailSenders, TestEmailSenders>();
            b.Services.AddSingleton<BrandHub.Modules.Content.IEmailContent>(host.Content);
        });
        await app.StartAsync();
        return new SecondNode(app, transport);
    }

    private sealed record SecondNode(WebApplication App, RecordingTransport Transport) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
