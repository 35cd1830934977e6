using BrandHub.Data;

namespace BrandHub.Modules.Seo.Metadata;

/// <summary>One version of a catalogue page's metadata: generated or edited; the applied one is what the shop renders.</summary>
public sealed class SeoMetadataVersion : ITenantOwned
{
    public const string Generated = "generated", Edited = "edited";

    public Guid TenantId { get; set; }
    public Guid PageId { get; set; }
    public int Version { get; set; }
    public string Source { get; set; } = Generated;
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Canonical { get; set; } = "";
    public string Robots { get; set; } = "index, follow";
    public string OpenGraphJson { get; set; } = "{}";
    public string AltTextsJson { get; set; } = "[]";
    public string JsonLd { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? AppliedAt { get; set; }
    public string? AppliedBy { get; set; }
}
