using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Modules.Channels.Email.HttpApi;

/// <summary>
/// Mailgun's webhook signature: <c>signature = hex(HMAC-SHA256(webhookSigningKey, timestamp + token))</c>, sent inside
/// the JSON body as <c>{"signature":{"timestamp","token","signature"}}</c>. Because it covers only timestamp and token
/// (not the event), a request is accepted only while fresh and only once per token (<see cref="EmailWebhookToken"/>).
/// </summary>
public static class MailgunSignature
{
    /// <summary>How far a webhook's timestamp may be from our clock, either way.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(15);

    public static string Sign(string signingKey, string timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token)));

    /// <summary>Constant-time comparison, so the answer time tells nothing about how much of a forged signature was right.</summary>
    public static bool IsValid(string signingKey, string timestamp, string token, string signature)
    {
        byte[] given;
        try { given = Convert.FromHexString(signature); }
        catch (FormatException) { return false; }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    public static bool IsFresh(string timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds < 100_000_000_000 // seconds, not milliseconds; also keeps FromUnixTimeSeconds in range
        && (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= MaxAge;
}
