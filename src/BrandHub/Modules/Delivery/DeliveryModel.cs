using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery;

/// <summary>
/// EF mapping of the delivery tables. <c>tenant_id</c> leads every key and index here; the dispatcher's cross-tenant
/// claim indexes (partial, on due queued rows and expired leases), the campaign index and PostgreSQL's claim function
/// (claim_deliveries) live only in the SQL migrations.
/// </summary>
public static class DeliveryModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<Delivery>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.IdempotencyKey }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.ContactId, x.SentAt });
            e.HasIndex(x => new { x.TenantId, x.ProviderMessageId }).HasFilter("provider_message_id IS NOT NULL");
            if (postgres) e.Property(x => x.DataJson).HasColumnType("jsonb");
        });
        model.Entity<DeliveryTransition>(e =>
        {
            e.ToTable("delivery_transitions");
            e.HasKey(x => new { x.TenantId, x.DeliveryId, x.Id });
        });
        model.Entity<DeliveryPolicy>(e =>
        {
            e.ToTable("delivery_policies");
            e.HasKey(x => x.TenantId);
        });
    }
}
