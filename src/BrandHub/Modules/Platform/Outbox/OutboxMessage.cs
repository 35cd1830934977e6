using BrandHub.Data;

namespace BrandHub.Modules.Platform.Outbox;

/// <summary>
/// A domain event waiting to leave its module: written in the same transaction as the change it describes, then handed
/// to the in-process subscribers by <see cref="OutboxRelay"/>, which marks it published (or counts a failed attempt).
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    /// <summary>What happened, e.g. <c>audience.segment.entered</c>.</summary>
    public string Topic { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
