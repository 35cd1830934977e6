using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Content;

namespace BrandHub.Tests.Delivery.Support;

/// <summary>
/// The real host with the delivery engine running against a recording transport and a stand-in content module, and
/// fast retries (base 50 ms) so retry, dead and re-drive paths run in a test's time.
/// </summary>
public class DeliveryHost : BrandHubHost
{
    public RecordingTransport Transport { get; } = new();
    public TestEmailContent Content { get; } = new();

    public DeliveryHost()
    {
        Settings["BrandHub:Delivery:PollSeconds"] = "0.05";
        Settings["BrandHub:Delivery:RetryBaseSeconds"] = "0.05";
        Settings["BrandHub:Delivery:RetryMaxSeconds"] = "0.2";
        Settings["BrandHub:Delivery:MaxAttempts"] = "3";
        Settings["BrandHub:Delivery:BatchSize"] = "200";
        Settings["BrandHub:Delivery:CircuitFailureThreshold"] = "1000";
        ConfigureServices = Register;
    }

    protected virtual void Register(IServiceCollection services)
    {
        services.AddSingleton<IEmailTransport>(Transport);
        services.AddSingleton<IEmailSenders, TestEmailSenders>();
        services.AddSingleton<IEmailContent>(Content);
    }
}
