using BrandHub.Data;

namespace BrandHub.Modules.Audience.Privacy;

/// <summary>The record that a contact was erased (right to be forgotten): who, when, and how many rows went — no personal data.</summary>
public sealed class Erasure : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
    public string ErasedBy { get; set; } = "";
    public string RowsJson { get; set; } = "{}";
}
