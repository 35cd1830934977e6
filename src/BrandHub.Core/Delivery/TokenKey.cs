using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Core.Delivery;

/// <summary>
/// The HMAC-SHA256 key of <see cref="SignedToken"/>s, set up once. Every marketing email signs about seven tokens (its
/// links, open pixel and unsubscribe link); a one-shot HMAC prepared the key anew for each of them, which measured as a
/// quarter of the CPU time of rendering a message. Keyed instances are kept for reuse, one per concurrent signer.
/// </summary>
public sealed class TokenKey(byte[] key)
{
    private const int MaxPurposeBytes = 64;
    private readonly ConcurrentBag<IncrementalHash> idle = [];

    /// <summary>Writes HMAC(key, purpose ‖ 0 ‖ body) to <paramref name="hash"/> (32 bytes); the zero byte separates purpose from payload unambiguously.</summary>
    public void Mac(string purpose, ReadOnlySpan<byte> body, Span<byte> hash)
    {
        Span<byte> prefix = stackalloc byte[MaxPurposeBytes + 1];
        var length = Encoding.UTF8.GetBytes(purpose, prefix[..MaxPurposeBytes]);
        prefix[length] = 0;
        if (!idle.TryTake(out var hmac)) hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(prefix[..(length + 1)]);
        hmac.AppendData(body);
        hmac.GetHashAndReset(hash);
        idle.Add(hmac);
    }
}
