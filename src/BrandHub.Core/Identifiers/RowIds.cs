namespace BrandHub.Core.Identifiers;

/// <summary>
/// Version-7 GUIDs (RFC 9562: 48-bit Unix milliseconds, then random bits) for rows written by the hundred thousand — delivery
/// history, for one. <see cref="Guid.CreateVersion7()"/> draws its random bits from the operating system's CSPRNG, a
/// system call per id that showed up in the dispatch benchmark; row keys need uniqueness and time order, not secrecy,
/// so these draw from <see cref="Random.Shared"/>. Never use them where an id must be unguessable (tokens, keys).
/// </summary>
public static class RowIds
{
    public static Guid NewVersion7() => NewVersion7(DateTimeOffset.UtcNow);

    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--, ms >>= 8) bytes[i] = (byte)ms;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
