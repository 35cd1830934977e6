using BrandHub.Core;
using BrandHub.Core.Segments;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>The live audience preview the segment editor and the campaign wizard call while the user types.</summary>
public static class AudienceEndpoints
{
    public const int MaxSegments = 50;

    public static IEndpointRouteBuilder MapAudiencePreview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/marketing/audiences/preview", async (AudiencePreviewRequest body, BrandHubDb db, SegmentCriteria criteria,
            AudienceSql audienceSql, AudienceReach reach, CancellationToken ct) =>
        {
            var hasCriteria = body.Criteria is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined };
            var include = body.SegmentIds ?? [];
            var exclude = body.ExcludeSegmentIds ?? [];
            if (hasCriteria == (include.Count > 0 || exclude.Count > 0))
                return Problems.Validation("criteria", "Give either criteria, or segmentIds (and optionally excludeSegmentIds).");
            CompiledCriteria predicate;
            if (hasCriteria)
            {
                var (tree, errors) = await criteria.ReadAsync(body.Criteria!.Value, "criteria", null, ct);
                if (tree is null) return Problems.Validation(errors);
                predicate = criteria.Compile(tree);
            }
            else
            {
                var errors = new List<FieldError>();
                if (include.Count is 0 or > MaxSegments) errors.Add(new("segmentIds", $"Between 1 and {MaxSegments} segment ids."));
                if (exclude.Count > MaxSegments) errors.Add(new("excludeSegmentIds", $"At most {MaxSegments} segment ids."));
                var all = include.Concat(exclude).Distinct().ToList();
                var known = await db.Set<Segment>().AsNoTracking().Where(s => s.DeletedAt == null && all.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
                for (var i = 0; i < include.Count; i++) if (!known.Contains(include[i])) errors.Add(new($"segmentIds[{i}]", "No segment with this id."));
                for (var i = 0; i < exclude.Count; i++) if (!known.Contains(exclude[i])) errors.Add(new($"excludeSegmentIds[{i}]", "No segment with this id."));
                if (errors.Count > 0) return Problems.Validation(errors);
                var audience = audienceSql.Compile(include, exclude, db.IsPostgres);
                predicate = new CompiledCriteria($"c.id IN ({audience.Sql})", audience.Parameters);
            }
            return Results.Ok(await reach.PreviewAsync(predicate, ct));
        }).WithTags("Segments").RequireAuthorization(Scopes.Policy(Scopes.SegmentsRead))
          .WithSummary("Size, reach per channel and a sample of the contacts matching criteria — or of a campaign audience: members of any of segmentIds and none of excludeSegmentIds")
          .Produces<AudiencePreviewResult>().ProducesValidationProblem();
        return app;
    }
}
