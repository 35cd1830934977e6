using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Jobs;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform;

/// <summary>EF mapping of the platform tables. The SQL migrations in Data/Migrations must build exactly this.</summary>
public static class PlatformModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<Tenant>(e =>
        {
            e.ToTable("tenants");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Slug).IsUnique();
        });
        model.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => x.Email).IsUnique();
        });
        model.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => x.Prefix).IsUnique();
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => new { x.TenantId, x.Sequence });
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => new { x.TenantId, x.EntityType, x.EntityId });
        });
        model.Entity<AuditPayload>(e =>
        {
            e.ToTable("audit_payloads");
            e.HasKey(x => new { x.TenantId, x.Sequence });
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.HasIndex(x => new { x.TenantId, x.SubjectId });
            // Plain text, not jsonb: the chain covers a digest of these exact bytes, and jsonb would re-format them.
        });
        model.Entity<AuditChainHead>(e =>
        {
            e.ToTable("audit_chain_heads");
            e.HasKey(x => x.TenantId);
        });
        model.Entity<Job>(e =>
        {
            e.ToTable("jobs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Status, x.RunAt });
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
            e.HasIndex(x => x.DedupKey).IsUnique();
            if (postgres) e.Property(x => x.PayloadJson).HasColumnType("jsonb");
        });
        model.Entity<RecurringJob>(e =>
        {
            e.ToTable("recurring_jobs");
            e.HasKey(x => x.Name);
            if (postgres) e.Property(x => x.PayloadJson).HasColumnType("jsonb");
        });
    }
}
