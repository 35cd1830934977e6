using System.Security.Cryptography;
using System.Text;
using BrandHub.Data;

namespace BrandHub.Modules.Platform.Secrets;

/// <summary>
/// The platform's master secret and the keys derived from it (HKDF-SHA256, one key per purpose): link signing,
/// credential encryption. <c>BrandHub:Secrets:MasterKey</c> (base64, ≥ 32 bytes) when several nodes share the work;
/// otherwise generated once into the data directory (<c>master.key</c>). Losing it makes stored provider credentials
/// unreadable and invalidates links already sent, so back it up with the database.
/// </summary>
public sealed class SecretKeys
{
    private readonly byte[] master;

    public SecretKeys(IConfiguration config, DataDirectory dataDir)
    {
        var configured = config["BrandHub:Secrets:MasterKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            master = Convert.FromBase64String(configured);
            if (master.Length < 32) throw new InvalidOperationException("BrandHub:Secrets:MasterKey must be at least 32 bytes (base64).");
            return;
        }
        var path = Path.Combine(dataDir.Path, "master.key");
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path)) { } // another process created it first: use theirs
        }
        master = Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    /// <summary>A 32-byte key for one purpose (e.g. <c>links</c>, <c>credentials</c>); the same purpose always gives the same key.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: Encoding.UTF8.GetBytes("brandhub:" + purpose));

    /// <summary>Encrypts a secret for storage (AES-256-GCM, random nonce); the output is base64 "v1:nonce|tag|ciphertext".</summary>
    public string Encrypt(string plaintext, string purpose = "credentials")
    {
        var key = Derive(purpose);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, 16)) aes.Encrypt(nonce, plain, cipher, tag);
        return "v1:" + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> produced; throws <see cref="CryptographicException"/> when tampered with or under another key.</summary>
    public string Decrypt(string stored, string purpose = "credentials")
    {
        if (!stored.StartsWith("v1:", StringComparison.Ordinal)) throw new CryptographicException("Unknown secret format.");
        var bytes = Convert.FromBase64String(stored[3..]);
        if (bytes.Length < 28) throw new CryptographicException("Secret too short.");
        var plain = new byte[bytes.Length - 28];
        using (var aes = new AesGcm(Derive(purpose), 16)) aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
