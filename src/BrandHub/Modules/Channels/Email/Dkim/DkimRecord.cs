namespace BrandHub.Modules.Channels.Email.Dkim;

/// <summary>
/// The DNS TXT record that publishes a DKIM public key (RFC 6376 §3.6.2): at <c>{selector}._domainkey.{domain}</c>,
/// value <c>v=DKIM1; k=rsa; p={base64 SubjectPublicKeyInfo}</c>. A TXT character-string holds at most 255 bytes, so a
/// 2048-bit key is published as several strings that resolvers concatenate; <see cref="Strings"/> are those pieces and
/// <see cref="ZoneFileLine"/> is the record ready to paste into a zone file.
/// </summary>
public sealed record DkimRecord(string Domain, string Selector, string Name, string Type, string Value,
    IReadOnlyList<string> Strings, string ZoneFileLine, DateTimeOffset? CreatedAt)
{
    public const int MaxStringLength = 255;

    public static DkimRecord For(string domain, string selector, string publicKeyBase64, DateTimeOffset? createdAt)
    {
        var name = $"{selector}._domainkey.{domain}";
        var value = $"v=DKIM1; k=rsa; p={publicKeyBase64}";
        var strings = Split(value);
        return new DkimRecord(domain, selector, name, "TXT", value, strings,
            $"{name}. IN TXT ( {string.Join(" ", strings.Select(s => $"\"{s}\""))} )", createdAt);
    }

    public static IReadOnlyList<string> Split(string value) =>
        Enumerable.Range(0, (value.Length + MaxStringLength - 1) / MaxStringLength)
            .Select(i => value.Substring(i * MaxStringLength, Math.Min(MaxStringLength, value.Length - i * MaxStringLength)))
            .ToList();
}
