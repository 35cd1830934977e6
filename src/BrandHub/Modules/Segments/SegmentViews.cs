using System.Text.Json;

namespace BrandHub.Modules.Segments;

/// <param name="Name">1–200 characters.</param>
/// <param name="Type">dynamic (members follow the criteria) or static (a snapshot, then changed by hand).</param>
/// <param name="Criteria">The criteria tree (docs/SEGMENTS.md); required for dynamic, optional for static (the snapshot's source).</param>
public sealed record SegmentRequest(string? Name, string? Description, string? Type, JsonElement? Criteria);

/// <summary>The documented shape of PATCH: absent fields stay; <c>description: null</c> clears it.</summary>
public sealed record SegmentPatchDoc(string? Name, string? Description, JsonElement? Criteria);

public sealed record SegmentView(Guid Id, string Name, string? Description, string Type, JsonElement? Criteria, long MemberCount,
    DateTimeOffset? RefreshedAt, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SegmentView Of(Segment s) => new(s.Id, s.Name, s.Description, s.Type,
        s.CriteriaJson is null ? null : JsonDocument.Parse(s.CriteriaJson).RootElement.Clone(), s.MemberCount, s.RefreshedAt, s.CreatedBy, s.CreatedAt, s.UpdatedAt);
}

public sealed record SegmentMemberView(Guid ContactId, string? Email, string? FirstName, string? LastName, DateTimeOffset AddedAt);

/// <param name="ContactIds">1–1000 contact ids.</param>
public sealed record MemberChangeRequest(List<Guid>? ContactIds);

public sealed record MemberChangeResult(int Changed, long MemberCount);

public sealed record RefreshResult(Guid SegmentId, long MemberCount, DateTimeOffset? RefreshedAt);

public sealed record SegmentComparison(IReadOnlyList<SegmentPerformanceView> Segments, long Overlap);

/// <summary>Preview either criteria, or a campaign audience (union of segmentIds minus union of excludeSegmentIds).</summary>
public sealed record AudiencePreviewRequest(JsonElement? Criteria, List<Guid>? SegmentIds, List<Guid>? ExcludeSegmentIds);
