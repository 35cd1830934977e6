using BrandHub.Data;

namespace BrandHub.Modules.Content.Templates;

/// <summary>One saved state of a template, never changed: a queued message renders the version it was validated against.</summary>
public sealed class EmailTemplateVersion : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TemplateId { get; set; }
    public int Version { get; set; }
    public string Subject { get; set; } = "";
    public string? Preheader { get; set; }
    public string Html { get; set; } = "";
    public string? Text { get; set; }
    public string VariablesJson { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
