using BrandHub.Modules.Platform.Outbox;
using BrandHub.Modules.Segments.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BrandHub.Modules.Segments;

/// <summary>EF mapping of the segment tables and the outbox. <c>tenant_id</c> leads every key and index.</summary>
public static class SegmentsModel
{
    /// <summary>SQLite keeps money as INTEGER ten-thousandths, so sums and comparisons stay exact (SQLite has no decimal).</summary>
    private static readonly ValueConverter<decimal, long> TenThousandths = new(v => (long)decimal.Round(v * 10_000m), v => v / 10_000m);
    private static readonly ValueConverter<decimal?, long?> NullableTenThousandths =
        new(v => v.HasValue ? (long)decimal.Round(v.Value * 10_000m) : null, v => v.HasValue ? v.Value / 10_000m : null);

    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<Segment>(e =>
        {
            e.ToTable("segments");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Name });
            if (postgres) e.Property(x => x.CriteriaJson).HasColumnType("jsonb");
        });
        model.Entity<SegmentMember>(e =>
        {
            e.ToTable("segment_members");
            e.HasKey(x => new { x.TenantId, x.SegmentId, x.ContactId });
            e.HasIndex(x => new { x.TenantId, x.ContactId });
        });
        model.Entity<ContactEvent>(e =>
        {
            e.ToTable("contact_events");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Name, x.ContactId, x.OccurredAt });
            e.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt });
            e.HasIndex(x => new { x.TenantId, x.Name, x.OccurredAt, x.ContactId }); // V0007: one name over a recent window
            // PostgreSQL: numeric(18,4) in the migration; the model's plain numeric is what the schema check reads back.
            if (postgres) e.Property(x => x.PropertiesJson).HasColumnType("jsonb");
            else e.Property(x => x.Revenue).HasConversion(NullableTenThousandths).HasColumnType("INTEGER");
        });
        model.Entity<ContactMetrics>(e =>
        {
            e.ToTable("contact_metrics");
            e.HasKey(x => new { x.TenantId, x.ContactId });
            if (!postgres) e.Property(x => x.Revenue).HasConversion(TenThousandths).HasColumnType("INTEGER");
        });
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Topic, x.OccurredAt });
            if (postgres) e.Property(x => x.PayloadJson).HasColumnType("jsonb");
        });
    }
}
