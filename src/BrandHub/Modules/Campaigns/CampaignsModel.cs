using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Campaigns;

/// <summary>EF mapping of the campaign tables. <c>tenant_id</c> leads every key and index.</summary>
public static class CampaignsModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<Campaign>(e =>
        {
            e.ToTable("campaigns");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Status, x.UpdatedAt });
            e.HasIndex(x => new { x.TenantId, x.Name });
            e.Property(x => x.Budget).HasPrecision(18, 4);
        });
        model.Entity<CampaignStep>(e =>
        {
            e.ToTable("campaign_steps");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CampaignId, x.Position });
            e.Property(x => x.HoldoutPercent).HasPrecision(5, 2);
        });
        model.Entity<CampaignRun>(e =>
        {
            e.ToTable("campaign_runs");
            e.HasKey(x => new { x.TenantId, x.CampaignId, x.Run, x.StepId });
        });
        model.Entity<CampaignRole>(e =>
        {
            e.ToTable("campaign_roles");
            e.HasKey(x => new { x.TenantId, x.CampaignId, x.UserId });
        });
        model.Entity<CampaignComment>(e =>
        {
            e.ToTable("campaign_comments");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CampaignId, x.CreatedAt });
        });
        model.Entity<CampaignAlert>(e =>
        {
            e.ToTable("campaign_alerts");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CampaignId, x.CreatedAt });
        });
    }
}
