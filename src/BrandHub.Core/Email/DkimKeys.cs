using System.Security.Cryptography;

namespace BrandHub.Core.Email;

/// <summary>A DKIM key pair as an operator handles it: the private key to store, the TXT record to publish.</summary>
/// <param name="PrivateKeyPem">PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>).</param>
/// <param name="DnsTxtRecord">The value of the TXT record at <c>{selector}._domainkey.{domain}</c>.</param>
public sealed record DkimKeyPair(string PrivateKeyPem, string DnsTxtRecord);

public static class DkimKeys
{
    /// <summary>A fresh RSA key; 2048 bits is what mailbox providers expect today (RFC 8301 asks for at least 1024).</summary>
    public static DkimKeyPair Generate(int bits = 2048)
    {
        if (bits is < 1024 or > 4096) throw new ArgumentOutOfRangeException(nameof(bits), "DKIM keys are 1024 to 4096 bits.");
        using var rsa = RSA.Create(bits);
        return new DkimKeyPair(rsa.ExportPkcs8PrivateKeyPem(), TxtRecord(rsa));
    }

    /// <summary>The TXT record for an existing private key (PKCS#1 or PKCS#8 PEM), e.g. to show it again in settings.</summary>
    public static string DnsTxtRecord(string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return TxtRecord(rsa);
    }

    private static string TxtRecord(RSA rsa) => "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
}
