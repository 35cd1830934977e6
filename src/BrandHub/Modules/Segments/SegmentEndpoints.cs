using System.Text.Json;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>Segments: CRUD, members (static ones edited by hand), refresh, performance and comparison.</summary>
public static class SegmentEndpoints
{
    private static readonly string[] Sorts = ["name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt", "memberCount", "-memberCount"];
    public const int MaxMemberChange = 1000, MaxCompared = 5;

    public static IEndpointRouteBuilder MapSegmentEndpoints(this IEndpointRouteBuilder app)
    {
        var segments = app.MapGroup("/api/v1/segments").WithTags("Segments");
        var read = Scopes.Policy(Scopes.SegmentsRead);
        var write = Scopes.Policy(Scopes.SegmentsWrite);

        segments.MapGet("/", async (BrandHubDb db, string? search, string? type, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (sort is not null && !Sorts.Contains(sort)) errors.Add(new("sort", $"Sort must be one of: {string.Join(", ", Sorts)}."));
            if (type is not null and not (SegmentTypes.Dynamic or SegmentTypes.Static)) errors.Add(new("type", "Type must be dynamic or static."));
            if (search is { Length: > 200 }) errors.Add(new("search", "At most 200 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<Segment>().AsNoTracking().Where(s => s.DeletedAt == null);
            if (type is not null) q = q.Where(s => s.Type == type);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var s = search.Trim().ToLower();
                q = q.Where(x => x.Name.ToLower().Contains(s));
            }
            var total = await q.CountAsync(ct);
            q = (sort ?? "-updatedAt") switch
            {
                "name" => q.OrderBy(s => s.Name).ThenBy(s => s.Id),
                "-name" => q.OrderByDescending(s => s.Name).ThenByDescending(s => s.Id),
                "createdAt" => q.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id),
                "-createdAt" => q.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id),
                "updatedAt" => q.OrderBy(s => s.UpdatedAt).ThenBy(s => s.Id),
                "memberCount" => q.OrderBy(s => s.MemberCount).ThenBy(s => s.Id),
                "-memberCount" => q.OrderByDescending(s => s.MemberCount).ThenByDescending(s => s.Id),
                _ => q.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id),
            };
            var items = await q.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<SegmentView>(items.Select(SegmentView.Of).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("Search (name, any case), filter by type, sort and page through segments")
          .Produces<Page<SegmentView>>().ProducesValidationProblem();

        segments.MapPost("/", async (SegmentRequest body, SegmentLibrary library, CancellationToken ct) =>
        {
            var (segment, errors) = await library.CreateAsync(body, ct);
            return segment is null ? Problems.Validation(errors) : Results.Created($"/api/v1/segments/{segment.Id}", SegmentView.Of(segment));
        }).RequireAuthorization(write)
          .WithSummary("Create a segment: dynamic (members follow the criteria, computed now and on every refresh) or static (a snapshot of the criteria, or empty). Criteria errors are keyed by their JSON path, e.g. criteria.all[1].op")
          .Produces<SegmentView>(201).ProducesValidationProblem();

        segments.MapGet("/compare", async (string? ids, SegmentLibrary library, SegmentPerformance performance, CancellationToken ct) =>
        {
            var parsed = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Guid.TryParse(s, out var g) ? g : (Guid?)null).ToList();
            if (parsed.Count is < 2 or > MaxCompared || parsed.Any(g => g is null))
                return Problems.Validation("ids", $"Between 2 and {MaxCompared} segment ids, comma-separated.");
            var list = parsed.Select(g => g!.Value).Distinct().ToList();
            var views = new List<SegmentPerformanceView>();
            foreach (var id in list)
            {
                if (await library.FindAsync(id, ct) is not { } segment) return Problems.NotFound("Segment");
                views.Add(await performance.MeasureAsync(segment, ct));
            }
            return Results.Ok(new SegmentComparison(views, await performance.OverlapAsync(list, ct)));
        }).RequireAuthorization(read).WithSummary("Compare segments side by side: each one's performance, and how many contacts are in all of them")
          .Produces<SegmentComparison>().ProducesValidationProblem().ProducesProblem(404);

        segments.MapGet("/{id:guid}", async (Guid id, SegmentLibrary library, CancellationToken ct) =>
            await library.FindAsync(id, ct) is { } s ? Results.Ok(SegmentView.Of(s)) : Problems.NotFound("Segment"))
            .RequireAuthorization(read).WithSummary("One segment").Produces<SegmentView>().ProducesProblem(404);

        segments.MapPatch("/{id:guid}", async (Guid id, JsonElement body, SegmentLibrary library, CancellationToken ct) =>
        {
            var segment = await library.FindAsync(id, ct, track: true);
            if (segment is null) return Problems.NotFound("Segment");
            var (updated, errors) = await library.UpdateAsync(segment, body, ct);
            return updated is null ? Problems.Validation(errors) : Results.Ok(SegmentView.Of(updated));
        }).RequireAuthorization(write).Accepts<SegmentPatchDoc>("application/json")
          .WithSummary("Rename, describe or (dynamic only) change the criteria of a segment; new criteria recompute the members at once")
          .Produces<SegmentView>().ProducesValidationProblem().ProducesProblem(404);

        segments.MapDelete("/{id:guid}", async (Guid id, SegmentLibrary library, CancellationToken ct) =>
        {
            var segment = await library.FindAsync(id, ct, track: true);
            if (segment is null) return Problems.NotFound("Segment");
            var referencing = await library.ReferencingAsync(id, ct);
            if (referencing.Count > 0)
                return Problems.Conflict($"Segments refer to this one in their criteria: {string.Join(", ", referencing.Select(s => $"{s.Name} ({s.Id})"))}. Change them first.");
            await library.DeleteAsync(segment, ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Delete a segment (soft); 409 naming the segments whose criteria still refer to it")
          .Produces(204).ProducesProblem(404).ProducesProblem(409);

        segments.MapGet("/{id:guid}/members", async (Guid id, BrandHubDb db, SegmentLibrary library, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            if (await library.FindAsync(id, ct) is null) return Problems.NotFound("Segment");
            var q = from m in db.Set<SegmentMember>().AsNoTracking()
                    join c in db.Set<Contact>().AsNoTracking() on new { m.TenantId, Id = m.ContactId } equals new { c.TenantId, c.Id }
                    where m.SegmentId == id && c.DeletedAt == null && c.MergedIntoId == null
                    select new { m.ContactId, c.Email, c.FirstName, c.LastName, m.AddedAt };
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(x => x.AddedAt).ThenBy(x => x.ContactId).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<SegmentMemberView>(items.Select(x => new SegmentMemberView(x.ContactId, x.Email, x.FirstName, x.LastName, x.AddedAt)).ToList(),
                paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("The segment's live members, newest first").Produces<Page<SegmentMemberView>>()
          .ProducesValidationProblem().ProducesProblem(404);

        segments.MapPost("/{id:guid}/members", (Guid id, MemberChangeRequest body, SegmentLibrary library, CancellationToken ct) =>
            ChangeMembers(id, body, library, add: true, ct))
            .RequireAuthorization(write).WithSummary("Add contacts to a static segment (unknown or deleted contacts are skipped; changed says how many entered)")
            .Produces<MemberChangeResult>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        segments.MapDelete("/{id:guid}/members", (Guid id, [Microsoft.AspNetCore.Mvc.FromBody] MemberChangeRequest body, SegmentLibrary library, CancellationToken ct) =>
            ChangeMembers(id, body, library, add: false, ct))
            .RequireAuthorization(write).Accepts<MemberChangeRequest>("application/json")
            .WithSummary("Remove contacts from a static segment").Produces<MemberChangeResult>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        segments.MapPost("/{id:guid}/refresh", async (Guid id, SegmentLibrary library, SegmentRefresh refresh, CancellationToken ct) =>
        {
            if (await library.FindAsync(id, ct) is null) return Problems.NotFound("Segment");
            await refresh.RefreshAsync(id, ct);
            var segment = (await library.FindAsync(id, ct))!;
            return Results.Ok(new RefreshResult(segment.Id, segment.MemberCount, segment.RefreshedAt));
        }).RequireAuthorization(write).WithSummary("Recompute a dynamic segment's members now (entered/exited events go to the outbox); a static segment just reports its count")
          .Produces<RefreshResult>().ProducesProblem(404);

        segments.MapGet("/{id:guid}/performance", async (Guid id, SegmentLibrary library, SegmentPerformance performance, CancellationToken ct) =>
            await library.FindAsync(id, ct) is { } segment ? Results.Ok(await performance.MeasureAsync(segment, ct)) : Problems.NotFound("Segment"))
            .RequireAuthorization(read).WithSummary("Members, reach per channel, messages sent / opened / clicked and revenue of the segment's members")
            .Produces<SegmentPerformanceView>().ProducesProblem(404);

        return app;
    }

    private static async Task<IResult> ChangeMembers(Guid id, MemberChangeRequest body, SegmentLibrary library, bool add, CancellationToken ct)
    {
        if (body.ContactIds is not { Count: > 0 and <= MaxMemberChange })
            return Problems.Validation("contactIds", $"Between 1 and {MaxMemberChange} contact ids.");
        var segment = await library.FindAsync(id, ct);
        if (segment is null) return Problems.NotFound("Segment");
        if (segment.Type != SegmentTypes.Static)
            return Problems.Conflict("A dynamic segment's members follow its criteria; add or remove contacts by hand only in a static segment.");
        var (changed, count) = add ? await library.AddMembersAsync(segment, body.ContactIds, ct) : await library.RemoveMembersAsync(segment, body.ContactIds, ct);
        return Results.Ok(new MemberChangeResult(changed, count));
    }
}
