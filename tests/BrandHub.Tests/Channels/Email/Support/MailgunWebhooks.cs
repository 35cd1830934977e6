using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BrandHub.Tests.Channels.Email.Support;

/// <summary>Builds webhook bodies the way Mailgun does, signed with HMAC-SHA256(signingKey, timestamp + token).</summary>
public static class MailgunWebhooks
{
    public static object Body(string signingKey, DateTimeOffset signedAt, string eventName, Guid? deliveryId, DateTimeOffset eventAt,
        string? severity = null, string? token = null, string? url = null, string recipient = "reader@example.com", string? messageId = null)
    {
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(25)); // 50 characters, like Mailgun's
        var timestamp = signedAt.ToUnixTimeSeconds().ToString();
        return new Dictionary<string, object?>
        {
            ["signature"] = new { timestamp, token, signature = Sign(signingKey, timestamp, token) },
            ["event-data"] = new Dictionary<string, object?>
            {
                ["event"] = eventName,
                ["severity"] = severity,
                ["timestamp"] = eventAt.ToUnixTimeMilliseconds() / 1000.0,
                ["id"] = Guid.NewGuid().ToString("N"),
                ["recipient"] = recipient,
                ["url"] = url,
                ["message"] = new { headers = new Dictionary<string, string> { ["message-id"] = messageId ?? "20250301090000.abc@mg.shop.example" } },
                ["user-variables"] = deliveryId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["delivery-id"] = deliveryId.ToString()! },
            },
        };
    }

    public static string Sign(string key, string timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token)));

    /// <summary>The same body with its event-data replaced: what an attacker holding one signed request could try.</summary>
    public static string WithEvent(object body, string eventName)
    {
        var json = JsonSerializer.SerializeToNode(body)!;
        json["event-data"]!["event"] = eventName;
        return json.ToJsonString();
    }
}
