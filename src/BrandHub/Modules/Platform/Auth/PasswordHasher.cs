using System.Security.Cryptography;

namespace BrandHub.Modules.Platform.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a per-password salt, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> so the
/// work factor can be raised later without breaking old hashes. 600,000 iterations by default (OWASP 2023).
/// </summary>
public sealed class PasswordHasher(int iterations = PasswordHasher.DefaultIterations)
{
    public const int DefaultIterations = 600_000;
    public const int MinimumLength = 10;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iter)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iter, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A hash of a random password: verifying against it costs the same as a real one (no user-enumeration timing).</summary>
    public string DecoyHash => decoy ??= Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));

    private string? decoy;
}
