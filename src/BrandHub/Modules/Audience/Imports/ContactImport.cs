using BrandHub.Data;

namespace BrandHub.Modules.Audience.Imports;

/// <summary>A CSV import of contacts, processed by a job in checkpointed chunks.</summary>
public sealed class ContactImport : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string FileSha256 { get; set; } = "";
    /// <summary>The uploaded file, kept until the import finishes (then dropped: it holds personal data).</summary>
    public byte[]? Content { get; set; }
    public string MappingJson { get; set; } = "{}";
    public string OptionsJson { get; set; } = "{}";
    public string Status { get; set; } = "queued";
    public int TotalRows { get; set; }
    /// <summary>Checkpoint: rows before this index are done; written in the same transaction as their upserts.</summary>
    public int ProcessedRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Failed { get; set; }
    public Guid? JobId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
}

/// <summary>One problem found in one row of an import.</summary>
public sealed class ImportRowError : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ImportId { get; set; }
    public int Row { get; set; }
    public string Field { get; set; } = "";
    public string? Value { get; set; }
    public string Error { get; set; } = "";
}
