using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Core.Delivery;

/// <summary>
/// A compact, URL-safe token that carries a payload and proves BrandHub issued it (HMAC-SHA256, truncated to 128 bits).
/// The purpose is mixed into the MAC, so a click token can never be replayed as an unsubscribe token. Payloads are
/// readable by whoever holds the token: never put secrets in them.
/// </summary>
public static class SignedToken
{
    private const int MacBytes = 16;

    public static string Create(ReadOnlySpan<byte> key, string purpose, string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        return Base64Url(body) + "." + Base64Url(Mac(key, purpose, body));
    }

    public static bool TryRead(ReadOnlySpan<byte> key, string purpose, string? token, out string payload)
    {
        payload = "";
        if (string.IsNullOrEmpty(token) || token.Length > 8192) return false;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return false;
        if (!TryFromBase64Url(token.AsSpan(0, dot), out var body) || !TryFromBase64Url(token.AsSpan(dot + 1), out var mac)) return false;
        if (mac.Length != MacBytes || !CryptographicOperations.FixedTimeEquals(mac, Mac(key, purpose, body))) return false;
        payload = Encoding.UTF8.GetString(body);
        return true;
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, string purpose, byte[] body)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var message = new byte[purposeBytes.Length + 1 + body.Length];
        purposeBytes.CopyTo(message, 0);
        body.CopyTo(message, purposeBytes.Length + 1); // the zero byte separates purpose from payload unambiguously
        return HMACSHA256.HashData(key, message)[..MacBytes];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0) return false;
        if (text.IndexOfAny('+', '/', '=') >= 0) return false; // only the unpadded URL-safe alphabet is ours
        var s = text.ToString().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
        try { bytes = Convert.FromBase64String(s); return true; }
        catch (FormatException) { return false; }
    }
}
