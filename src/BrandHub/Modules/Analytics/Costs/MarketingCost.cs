using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Costs;

/// <summary>What was spent on one channel (and campaign) on one day: ad spend, agency fees, any imported cost. One amount per key; sending it again replaces it.</summary>
public sealed class MarketingCost : ITenantOwned
{
    public Guid TenantId { get; set; }
    /// <summary>Midnight UTC of the day.</summary>
    public DateTimeOffset Day { get; set; }
    public string Channel { get; set; } = "";
    /// <summary>The utm_campaign the spend belongs to, or "" for the channel as a whole.</summary>
    public string Campaign { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    /// <summary><c>api</c> or <c>csv</c>.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
