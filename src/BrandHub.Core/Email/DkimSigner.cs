using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace BrandHub.Core.Email;

/// <summary>
/// Signs complete messages with DKIM (RFC 6376): rsa-sha256, relaxed/relaxed. <see cref="Sign"/> returns the
/// DKIM-Signature header (folded, CRLF-terminated) to put in front of the message. Safe to use from several threads:
/// each concurrent signing uses its own RSA instance, imported once and reused.
/// </summary>
public sealed class DkimSigner : IDisposable
{
    /// <summary>
    /// The fields signed when present, in this order. From is mandatory (RFC 6376 §5.4); the others are what a replay
    /// or tampering would change, including the one-click unsubscribe headers that mailbox providers act on.
    /// </summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
    [
        "from", "to", "subject", "date", "message-id", "mime-version", "content-type", "reply-to",
        "list-unsubscribe", "list-unsubscribe-post",
    ];

    private readonly string _privateKeyPem;
    private readonly ConcurrentBag<RSA> _keys = [];

    /// <param name="privateKeyPem">PKCS#1 (<c>BEGIN RSA PRIVATE KEY</c>) or PKCS#8 (<c>BEGIN PRIVATE KEY</c>).</param>
    public DkimSigner(string domain, string selector, string privateKeyPem)
    {
        if (string.IsNullOrWhiteSpace(domain) || domain.Any(c => c <= ' ' || c is ';' or '='))
            throw new EmailFormatException($"'{domain}' is not a DKIM signing domain.");
        if (string.IsNullOrWhiteSpace(selector) || selector.Any(c => c <= ' ' || c is ';' or '='))
            throw new EmailFormatException($"'{selector}' is not a DKIM selector.");
        Domain = domain;
        Selector = selector;
        _privateKeyPem = privateKeyPem;
        _keys.Add(ImportKey()); // fail now, not at the first send, when the key is unusable
    }

    public string Domain { get; }
    public string Selector { get; }

    /// <summary>Signs <paramref name="message"/> (headers, blank line, body; CRLF line ends) as of <paramref name="signedAt"/>.</summary>
    public string Sign(ReadOnlySpan<byte> message, DateTimeOffset signedAt)
    {
        var separator = message.IndexOf("\r\n\r\n"u8);
        var headerBlock = separator < 0 ? message : message[..(separator + 2)];
        var body = separator < 0 ? [] : message[(separator + 4)..];

        var fields = ParseFields(Encoding.UTF8.GetString(headerBlock));
        var signed = new List<string>();
        var toHash = new StringBuilder(1024);
        foreach (var name in SignedHeaders)
        {
            // Verifiers take the bottom-most instance of a listed field (RFC 6376 §5.4.2); so do we.
            var field = fields.FindLast(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (field.Raw is null)
            {
                if (name == "from") throw new EmailFormatException("A message without From cannot be DKIM-signed.");
                continue;
            }
            signed.Add(name);
            toHash.Append(RelaxedCanonicalization.Header(field.Raw)).Append("\r\n");
        }

        var bodyHash = Convert.ToBase64String(RelaxedCanonicalization.BodyHash(body));
        var header = new StringBuilder(640)
            .Append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n\td=").Append(Domain)
            .Append("; s=").Append(Selector).Append("; t=").Append(signedAt.ToUnixTimeSeconds())
            .Append(";\r\n\th=").Append(FoldedHeaderList(signed)).Append(";\r\n\tbh=").Append(bodyHash).Append(";\r\n\tb=");
        // The signature covers its own header with an empty b= value, in relaxed form and without the trailing CRLF.
        toHash.Append(RelaxedCanonicalization.Header(header.ToString()));

        var signature = Convert.ToBase64String(SignData(Encoding.UTF8.GetBytes(toHash.ToString())));
        for (var i = 0; i < signature.Length; i += 72)
        {
            if (i > 0) header.Append("\r\n\t");
            header.Append(signature, i, Math.Min(72, signature.Length - i));
        }
        return header.Append("\r\n").ToString();
    }

    public void Dispose()
    {
        while (_keys.TryTake(out var key)) key.Dispose();
    }

    private byte[] SignData(byte[] data)
    {
        var key = _keys.TryTake(out var pooled) ? pooled : ImportKey();
        try { return key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1); }
        finally { _keys.Add(key); }
    }

    private RSA ImportKey()
    {
        var rsa = RSA.Create();
        try { rsa.ImportFromPem(_privateKeyPem); }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            throw new EmailFormatException("The DKIM private key is not an RSA key in PEM form: " + e.Message);
        }
        if (rsa.KeySize < 1024)
        {
            rsa.Dispose();
            throw new EmailFormatException("DKIM keys shorter than 1024 bits are rejected by verifiers (RFC 8301).");
        }
        return rsa;
    }

    // FWS is allowed around the colons of h= (RFC 6376 §3.5), which keeps the header within 78 characters.
    private static string FoldedHeaderList(List<string> names)
    {
        var sb = new StringBuilder();
        var column = 3; // "\th=" starts the line
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                if (column + names[i].Length + 1 > 70) { sb.Append("\r\n\t"); column = 1; }
                sb.Append(':');
                column++;
            }
            sb.Append(names[i]);
            column += names[i].Length;
        }
        return sb.ToString();
    }

    private readonly record struct Field(string Name, string Raw);

    private static List<Field> ParseFields(string headerBlock)
    {
        var fields = new List<Field>();
        var start = 0;
        while (start < headerBlock.Length)
        {
            // A field ends at a CRLF not followed by whitespace (that would be a folded continuation).
            var end = start;
            while (true)
            {
                end = headerBlock.IndexOf("\r\n", end, StringComparison.Ordinal);
                if (end < 0) { end = headerBlock.Length; break; }
                if (end + 2 < headerBlock.Length && headerBlock[end + 2] is ' ' or '\t') { end += 2; continue; }
                break;
            }
            var raw = headerBlock[start..end];
            var colon = raw.IndexOf(':');
            if (colon > 0) fields.Add(new Field(raw[..colon].TrimEnd(), raw));
            start = end + 2;
        }
        return fields;
    }
}
