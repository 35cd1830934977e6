using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Core.Audit;

/// <summary>
/// Length-prefixed encoding of a list of strings, hashed with SHA-256. Each string is written as a 4-byte
/// big-endian signed length followed by its UTF-8 bytes; null is written as length -1 with no bytes.
/// Length prefixes make the encoding unambiguous: ("ab","c") and ("a","bc") hash differently, which plain
/// concatenation or a separator character cannot guarantee.
/// </summary>
internal static class CanonicalEncoding
{
    /// <summary>Lowercase hex SHA-256 of the encoded values.</summary>
    public static string Sha256Hex(params string?[] values)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (var value in values)
        {
            if (value is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(length, -1);
                buffer.Write(length);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            buffer.Write(length);
            buffer.Write(bytes);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
