using System.Text.Json;
using BrandHub.Tests.Delivery;

namespace BrandHub.Tests.Campaigns;

/// <summary>The whole stack with an SMTP peer, jobs polled often and small launch chunks (so a launch has many checkpoints).</summary>
public sealed class CampaignHost : SmtpDeliveryHost
{
    public CampaignHost()
    {
        Settings["BrandHub:Jobs:PollSeconds"] = "0.1";
        Settings["BrandHub:Jobs:RetryBaseSeconds"] = "0.2";
        Settings["BrandHub:Campaigns:LaunchChunkSize"] = "7";
    }

    /// <summary>SMTP settings with a rate limit, so a test can act while a campaign is still sending.</summary>
    public async Task UseSlowSmtpAsync(TenantSession tenant, double messagesPerSecond)
    {
        var response = await tenant.Client.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = Smtp.Host, port = Smtp.Port, security = "none", fromEmail = "news@shop.example", fromName = "Shop News",
            messagesPerSecond, maxConnections = 1,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public int ReceivedBy(IEnumerable<string> emails)
    {
        var set = emails.ToHashSet();
        return Smtp.Messages.Count(m => m.Recipients.Any(set.Contains));
    }
}
