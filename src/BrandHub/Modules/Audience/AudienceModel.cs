using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Imports;
using BrandHub.Modules.Audience.Privacy;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience;

/// <summary>EF mapping of the audience tables. <c>tenant_id</c> leads every key and index.</summary>
public static class AudienceModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<Contact>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Email });
            e.HasIndex(x => new { x.TenantId, x.Phone });
            e.HasIndex(x => new { x.TenantId, x.TaxId });
            e.HasIndex(x => new { x.TenantId, x.MatchKey });
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
            if (postgres) e.Property(x => x.AttributesJson).HasColumnType("jsonb");
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(x => new { x.TenantId, x.ContactId }).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.ExternalIds).WithOne().HasForeignKey(x => new { x.TenantId, x.ContactId }).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Consents).WithOne().HasForeignKey(x => new { x.TenantId, x.ContactId }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ContactTag>(e =>
        {
            e.ToTable("contact_tags");
            e.HasKey(x => new { x.TenantId, x.ContactId, x.Tag });
            e.HasIndex(x => new { x.TenantId, x.Tag });
        });
        model.Entity<ContactExternalId>(e =>
        {
            e.ToTable("contact_external_ids");
            e.HasKey(x => new { x.TenantId, x.Source, x.ExternalId });
            e.HasIndex(x => new { x.TenantId, x.ContactId });
        });
        model.Entity<AttributeDefinition>(e =>
        {
            e.ToTable("attribute_definitions");
            e.HasKey(x => new { x.TenantId, x.Name });
        });
        model.Entity<ContactConsent>(e =>
        {
            e.ToTable("contact_consents");
            e.HasKey(x => new { x.TenantId, x.ContactId, x.Channel });
            e.HasIndex(x => new { x.TenantId, x.Channel, x.Status });
        });
        model.Entity<ConsentEvent>(e =>
        {
            e.ToTable("consent_events");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt });
        });
        model.Entity<Suppression>(e =>
        {
            e.ToTable("suppressions");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Channel, x.Address }).IsUnique();
        });
        model.Entity<TimelineEvent>(e =>
        {
            e.ToTable("timeline_events");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.ContactId, x.OccurredAt });
            if (postgres) e.Property(x => x.DataJson).HasColumnType("jsonb");
        });
        model.Entity<IdentityReview>(e =>
        {
            e.ToTable("identity_reviews");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.Status, x.CreatedAt });
            e.HasIndex(x => new { x.TenantId, x.ContactId, x.CandidateId }).IsUnique();
        });
        model.Entity<ContactMerge>(e =>
        {
            e.ToTable("contact_merges");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.MergedAt });
        });
        model.Entity<Erasure>(e =>
        {
            e.ToTable("erasures");
            e.HasKey(x => new { x.TenantId, x.Id });
        });
        model.Entity<ContactImport>(e =>
        {
            e.ToTable("contact_imports");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.CreatedAt });
        });
        model.Entity<ImportRowError>(e =>
        {
            e.ToTable("import_row_errors");
            e.HasKey(x => new { x.TenantId, x.ImportId, x.Row, x.Field });
        });
    }
}
