using System.Text.Json;
using BrandHub.Core.Tracking;
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

    /// <summary>The tenant's rules, or the defaults when none are stored.</summary>
    public static async Task<UtmRules> RulesAsync(BrandHubDb db, CancellationToken ct) =>
        await db.Set<UtmRuleSet>().AsNoTracking().Select(r => r.RulesJson).FirstOrDefaultAsync(ct) is { } json ? Parse(json) : UtmRules.Default;

    public static UtmRules Parse(string json)
    {
        var v = JsonSerializer.Deserialize<UtmEndpoints.UtmRulesView>(json)!;
        return new UtmRules(v.AllowedSources, v.AllowedMediums, v.LowerCase, v.Separator[0], v.Required, v.CampaignPattern, v.CampaignPatternHint);
    }
}
