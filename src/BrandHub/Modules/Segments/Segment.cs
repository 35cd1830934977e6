using BrandHub.Data;

namespace BrandHub.Modules.Segments;

/// <summary>
/// A named audience (PRODUCT.md §2). Dynamic: its members are whoever matches <see cref="CriteriaJson"/> at the last refresh.
/// Static: a snapshot (taken from criteria once, or empty) changed only by hand.
/// </summary>
public sealed class Segment : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    /// <summary><see cref="SegmentTypes.Dynamic"/> or <see cref="SegmentTypes.Static"/>.</summary>
    public string Type { get; set; } = SegmentTypes.Dynamic;
    /// <summary>The criteria tree as given (docs/SEGMENTS.md); for a static segment, what its snapshot was taken from (or null).</summary>
    public string? CriteriaJson { get; set; }
    public long MemberCount { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

public static class SegmentTypes
{
    public const string Dynamic = "dynamic", Static = "static";
}

/// <summary>A contact in a segment, since when.</summary>
public sealed class SegmentMember : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid SegmentId { get; set; }
    public Guid ContactId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>The outbox topics segments publish (payload: segmentId, contactId, at).</summary>
public static class SegmentTopics
{
    public const string Entered = "audience.segment.entered", Exited = "audience.segment.exited";
}
