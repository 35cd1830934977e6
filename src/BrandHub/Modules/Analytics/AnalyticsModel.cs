using BrandHub.Modules.Analytics.Costs;
using BrandHub.Modules.Analytics.Rollups;
using BrandHub.Modules.Analytics.Tracking;
using BrandHub.Modules.Analytics.Utm;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics;

/// <summary>EF mapping of the analytics tables. Indexes that only raw SQL uses (the event-id and key lookups, the partial ones) live in the migrations.</summary>
public static class AnalyticsModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<UtmRuleSet>(e =>
        {
            e.ToTable("utm_rule_sets");
            e.HasKey(x => x.TenantId);
        });
        model.Entity<WriteKey>(e =>
        {
            e.ToTable("write_keys");
            e.HasKey(x => new { x.TenantId, x.Id });
            if (postgres) e.Property(x => x.AllowedOriginsJson).HasColumnType("jsonb");
        });
        model.Entity<TrackEvent>(e =>
        {
            e.ToTable("track_events");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.OccurredAt });
            if (postgres) e.Property(x => x.PropertiesJson).HasColumnType("jsonb");
        });
        model.Entity<VisitorIdentity>(e =>
        {
            e.ToTable("visitor_identities");
            e.HasKey(x => new { x.TenantId, x.AnonymousId });
            e.HasIndex(x => new { x.TenantId, x.ContactId });
        });
        model.Entity<Utm.ShortLink>(e =>
        {
            e.ToTable("short_links");
            e.HasKey(x => new { x.TenantId, x.Code });
        });
        model.Entity<MarketingCost>(e =>
        {
            e.ToTable("marketing_costs");
            e.HasKey(x => new { x.TenantId, x.Day, x.Channel, x.Campaign });
        });
        model.Entity<AnalyticsDaily>(e =>
        {
            e.ToTable("analytics_daily");
            e.HasKey(x => new { x.TenantId, x.Day, x.Channel, x.Campaign });
        });
        model.Entity<Reports.InsightState>(e =>
        {
            e.ToTable("insight_states");
            e.HasKey(x => new { x.TenantId, x.Key });
        });
        model.Entity<AnalyticsSegmentDaily>(e =>
        {
            e.ToTable("analytics_segment_daily");
            e.HasKey(x => new { x.TenantId, x.Day, x.SegmentId });
        });
        model.Entity<AnalyticsSettings>(e =>
        {
            e.ToTable("analytics_settings");
            e.HasKey(x => x.TenantId);
            e.Ignore(x => x.Conversions);
            if (postgres) e.Property(x => x.BenchmarksJson).HasColumnType("jsonb");
            if (postgres) e.Property(x => x.ChannelRulesJson).HasColumnType("jsonb");
        });
    }
}
