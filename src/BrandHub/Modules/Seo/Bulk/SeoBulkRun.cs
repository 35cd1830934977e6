using BrandHub.Data;

namespace BrandHub.Modules.Seo.Bulk;

/// <summary>
/// A bulk audit or generate over the catalogue, run as a job. <see cref="Cursor"/> is the URL of the last page done (pages
/// go in URL order): a job restarted after a crash continues after it, so no finished page is done twice.
/// </summary>
public sealed class SeoBulkRun : ITenantOwned
{
    public const string Audit = "audit", Generate = "generate", Crawl = "crawl";
    public const string Queued = "queued", Running = "running", Succeeded = "succeeded", Cancelled = "cancelled", Dead = "dead";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    public string Kind { get; set; } = Audit;
    /// <summary><see cref="BulkFilter"/> as JSON.</summary>
    public string FilterJson { get; set; } = "{}";
    public string State { get; set; } = Queued;
    public int Total { get; set; }
    public int Done { get; set; }
    public int Failed { get; set; }
    public string? Cursor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Which pages a bulk run covers: a kind, a score ceiling, or listed ids; all pages when empty. Generate may apply what it proposes.</summary>
public sealed record BulkFilter(string? Kind = null, int? MaxScore = null, List<Guid>? PageIds = null, bool Apply = false);
