using BrandHub.Data;

namespace BrandHub.Modules.Analytics.Utm;

/// <summary>A tenant's UTM naming rules, stored whole as JSON (<see cref="Core.Tracking.UtmRules"/>); none stored means the defaults.</summary>
public sealed class UtmRuleSet : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string RulesJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
