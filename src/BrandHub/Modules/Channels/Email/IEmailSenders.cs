namespace BrandHub.Modules.Channels.Email;

/// <summary>
/// The Email channel's public face to the delivery engine: the current tenant's sender configuration, credentials
/// decrypted, or null when the tenant has not configured email yet (deliveries then wait as transient failures).
/// </summary>
public interface IEmailSenders
{
    /// <summary>For the tenant of the current scope.</summary>
    Task<EmailSender?> FindAsync(CancellationToken ct);
}
