using BrandHub.Data;

namespace BrandHub.Modules.Content.Templates;

/// <summary>
/// An email template as it is now: the current version's content, for lists and editing. Every save also writes an
/// immutable <see cref="EmailTemplateVersion"/>, which is what messages render.
/// </summary>
public sealed class EmailTemplate : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Subject { get; set; } = "";
    public string? Preheader { get; set; }
    /// <summary>Sanitised on save.</summary>
    public string Html { get; set; } = "";
    /// <summary>Null: generated from the HTML.</summary>
    public string? Text { get; set; }
    /// <summary>The declared data variables: <c>[{"name","required","sample"}]</c>.</summary>
    public string VariablesJson { get; set; } = "[]";
    public int CurrentVersion { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Hidden from lists and refused for new messages; kept for history.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    /// <summary>Set for content written inside a campaign step: owned by that campaign and kept out of the library.</summary>
    public Guid? CampaignId { get; set; }
}
