using BrandHub.Modules.Delivery;
using BrandHub.Modules.Delivery.Tracking;

namespace BrandHub.Tests.Channels.Email.Support;

/// <summary>
/// The host for email channel and tracking tests: delivery events go to a <see cref="DeliveryEventLog"/> (the engine's
/// implementation is another module's), the clock is one the tests move, and a Mailgun-speaking peer is running.
/// </summary>
public sealed class EmailHost : BrandHubHost
{
    public ManualClock Clock { get; } = new();
    public DeliveryEventLog Events { get; } = new();
    public MailgunPeer Mailgun { get; private set; } = null!;

    public EmailHost()
    {
        Settings["BrandHub:Email:HttpTimeoutSeconds"] = "2";
        Settings["BrandHub:PublicBaseUrl"] = "https://links.brandhub.test";
        ConfigureServices = s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton(Events);
            s.AddScoped<IDeliveryEvents, RecordingDeliveryEvents>();
        };
    }

    public override async Task InitializeAsync()
    {
        Mailgun = await MailgunPeer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mailgun.DisposeAsync();
    }

    public TrackingLinks Links => App.Services.GetRequiredService<TrackingLinks>();

    /// <summary>Configures the tenant's sender as the HTTP provider at the peer, with a webhook signing key.</summary>
    public async Task<string> UseMailgunAsync(TenantSession tenant, string signingKey = "whsk-test-signing-key", int maxConnections = 4)
    {
        var response = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "http", fromEmail = "news@shop.example", fromName = "Shop News", baseUrl = Mailgun.BaseUrl, domain = "mg.shop.example",
            apiKey = MailgunPeer.ApiKey, webhookSigningKey = signingKey, maxConnections,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return signingKey;
    }
}
