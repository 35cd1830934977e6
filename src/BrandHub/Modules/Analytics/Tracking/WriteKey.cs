using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// A public key a site or app sends its events with (<c>wk_…</c>). Public by design — it sits in the page — so it can
/// only add events, and browsers may use it only from the origins listed (none listed: any origin, for apps and servers).
/// </summary>
public sealed class WriteKey : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>A JSON array of origins such as <c>https://shop.example.ro</c>.</summary>
    public string AllowedOriginsJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
}
