using System.Buffers;
using System.Buffers.Text;
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

    /// <summary>The token: the payload and its MAC, each unpadded base64url, joined by a dot.</summary>
    public static string Create(TokenKey key, string purpose, string payload)
    {
        // Built in stack or pooled buffers: a message signs several tokens, and only the finished one needs to be a string.
        var length = Encoding.UTF8.GetMaxByteCount(payload.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> body = rented is null ? stackalloc byte[1024] : rented;
        body = body[..Encoding.UTF8.GetBytes(payload, body)];
        Span<byte> mac = stackalloc byte[32];
        key.Mac(purpose, body, mac);
        var text = Base64Url.EncodeToString(body) + "." + Base64Url.EncodeToString(mac[..MacBytes]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return text;
    }

    public static bool TryRead(TokenKey key, string purpose, string? token, out string payload)
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

    private static byte[] Mac(TokenKey key, string purpose, byte[] body)
    {
        var mac = new byte[32];
        key.Mac(purpose, body, mac);
        return mac[..MacBytes];
    }

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
