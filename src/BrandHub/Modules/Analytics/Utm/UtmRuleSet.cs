using BrandHub.Data;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Utm;

/// <summary>A tenant's UTM naming rules, stored whole as JSON (<see cref="Core.Tracking.UtmRules"/>); none stored means the defaults.</summary>
public sealed class UtmRuleSet : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string RulesJson { get; set; } = "{}";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public static class AnalyticsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<UtmRuleSet>(e =>
        {
            e.ToTable("utm_rule_sets");
            e.HasKey(x => x.TenantId);
        });
    }
}
