using System.Buffers;
using System.Security.Cryptography;

namespace BrandHub.Core.Email;

/// <summary>
/// DKIM's "relaxed" canonicalisation (RFC 6376 §3.4.2 and §3.4.4): the form a message is hashed in, tolerant of the
/// whitespace changes and re-folding that relays commonly make.
/// </summary>
public static class RelaxedCanonicalization
{
    /// <summary>
    /// A header field as hashed: name lower-cased, value unfolded, whitespace runs made one space, whitespace around
    /// the colon and at the end removed. No trailing CRLF (the signer adds it where the RFC wants one).
    /// </summary>
    public static string Header(ReadOnlySpan<char> field)
    {
        var colon = field.IndexOf(':');
        if (colon < 0) throw new EmailFormatException("A header field needs a colon.");
        var name = field[..colon].Trim(" \t").ToString().ToLowerInvariant();
        var value = new System.Text.StringBuilder(field.Length - colon);
        var pendingSpace = false;
        foreach (var c in field[(colon + 1)..])
        {
            if (c is '\r' or '\n') continue;
            if (c is ' ' or '\t') { pendingSpace = value.Length > 0; continue; }
            if (pendingSpace) value.Append(' ');
            pendingSpace = false;
            value.Append(c);
        }
        return name + ":" + value;
    }

    /// <summary>Hashes the relaxed form of a body: runs of whitespace become one space, trailing whitespace and trailing empty lines go.</summary>
    public static byte[] BodyHash(ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            var sink = new HashSink(hash, buffer);
            WriteBody(body, sink);
            sink.Flush();
            return hash.GetHashAndReset();
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>The relaxed form of a body, for tests and diagnostics.</summary>
    public static byte[] Body(ReadOnlySpan<byte> body)
    {
        var buffer = new ArrayBufferWriter<byte>(body.Length + 2);
        var sink = new BufferSink(buffer);
        WriteBody(body, sink);
        return buffer.WrittenSpan.ToArray();
    }

    private interface ISink { void Write(ReadOnlySpan<byte> bytes); }

    private static void WriteBody<TSink>(ReadOnlySpan<byte> body, TSink sink) where TSink : ISink
    {
        var emptyLines = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf("\r\n"u8);
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 2)..];

            line = line.TrimEnd(" \t"u8);
            if (line.IsEmpty) { emptyLines++; continue; }
            // Empty lines are held back until a non-empty one follows: trailing empty lines are not part of the hash.
            for (; emptyLines > 0; emptyLines--) sink.Write("\r\n"u8);
            while (!line.IsEmpty)
            {
                var ws = line.IndexOfAny(" \t"u8);
                if (ws < 0) { sink.Write(line); break; }
                sink.Write(line[..ws]);
                sink.Write(" "u8);
                line = line[ws..].TrimStart(" \t"u8);
            }
            sink.Write("\r\n"u8);
        }
    }

    // Hashing tiny spans one by one is slow; gather them first.
    private sealed class HashSink(IncrementalHash hash, byte[] _buffer) : ISink
    {
        private int _used;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_used + bytes.Length > _buffer.Length) Flush();
            if (bytes.Length > _buffer.Length) { hash.AppendData(bytes); return; }
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        public void Flush()
        {
            hash.AppendData(_buffer.AsSpan(0, _used));
            _used = 0;
        }
    }

    private sealed class BufferSink(ArrayBufferWriter<byte> buffer) : ISink
    {
        public void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
    }
}
