using BrandHub.Data;

namespace BrandHub.Modules.Channels.Email.HttpApi;

/// <summary>
/// A provider webhook token already acted on. The provider's signature covers only timestamp + token, not the event,
/// so a token must never be accepted twice: that is what stops a captured request from being replayed or re-used
/// with other event data. Rows older than the staleness window are useless (such requests are refused anyway) and
/// are purged as new ones arrive.
/// </summary>
public sealed class EmailWebhookToken : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string Token { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}
