using BrandHub.Data;

namespace BrandHub.Modules.Channels.Email.Settings;

/// <summary>
/// A tenant's email sender: which provider carries its mail and as whom. One row per tenant. Secrets (SMTP password,
/// API key, webhook signing key, DKIM private key) are stored only encrypted (<see cref="Platform.Secrets.SecretKeys"/>);
/// the API reports whether each is set, never its value.
/// </summary>
public sealed class EmailSenderSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary><c>smtp</c> or <c>http</c>.</summary>
    public string Provider { get; set; } = "";
    public string FromEmail { get; set; } = "";
    public string? FromName { get; set; }
    public string? ReplyTo { get; set; }

    public string? Host { get; set; }
    public int? Port { get; set; }
    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
    public string? Security { get; set; }
    public string? Username { get; set; }
    public string? PasswordEncrypted { get; set; }

    public string? BaseUrl { get; set; }
    public string? Domain { get; set; }
    public string? ApiKeyEncrypted { get; set; }
    public string? WebhookSigningKeyEncrypted { get; set; }

    public int MaxConnections { get; set; } = 4;
    /// <summary>0 means no limit beyond the provider's own.</summary>
    public double MessagesPerSecond { get; set; }

    public string? DkimDomain { get; set; }
    public string? DkimSelector { get; set; }
    public string? DkimPrivateKeyEncrypted { get; set; }
    /// <summary>Base64 SubjectPublicKeyInfo, the <c>p=</c> of the DNS record; public, so kept in the clear.</summary>
    public string? DkimPublicKey { get; set; }
    public DateTimeOffset? DkimCreatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
