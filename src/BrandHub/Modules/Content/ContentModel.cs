using BrandHub.Modules.Content.Templates;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Content;

/// <summary>EF mapping of the content tables. <c>tenant_id</c> leads every key and index.</summary>
public static class ContentModel
{
    public static void Configure(ModelBuilder model, bool postgres)
    {
        model.Entity<EmailTemplate>(e =>
        {
            e.ToTable("email_templates");
            e.HasKey(x => new { x.TenantId, x.Id });
            e.HasIndex(x => new { x.TenantId, x.UpdatedAt });
            e.HasIndex(x => new { x.TenantId, x.Name });
            if (postgres) e.Property(x => x.VariablesJson).HasColumnType("jsonb");
        });
        model.Entity<EmailTemplateVersion>(e =>
        {
            e.ToTable("email_template_versions");
            e.HasKey(x => new { x.TenantId, x.TemplateId, x.Version });
            if (postgres) e.Property(x => x.VariablesJson).HasColumnType("jsonb");
        });
    }
}
