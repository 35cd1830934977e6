using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Segments;
using BrandHub.Data;
using BrandHub.Modules.Audience;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>Saving segments: validated criteria, the first members computed on save, every change on the audit trail.</summary>
public sealed class SegmentLibrary(BrandHubDb db, SegmentCriteria criteria, SegmentMembership membership, SegmentRefresh refresh,
    AuditTrail audit, Actor actor, TimeProvider clock)
{
    public const int MaxName = 200, MaxDescription = 2000;

    public Task<Segment?> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var q = db.Set<Segment>().Where(s => s.Id == id && s.DeletedAt == null);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    public async Task<(Segment? Segment, IReadOnlyList<FieldError> Errors)> CreateAsync(SegmentRequest body, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = Name(body.Name, errors, required: true);
        var description = Description(body.Description, errors);
        if (body.Type is not (SegmentTypes.Dynamic or SegmentTypes.Static)) errors.Add(new("type", "Type must be dynamic or static."));
        var hasCriteria = body.Criteria is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined };
        if (body.Type == SegmentTypes.Dynamic && !hasCriteria) errors.Add(new("criteria", "A dynamic segment needs criteria."));
        var id = Guid.CreateVersion7();
        Criterion? tree = null;
        if (hasCriteria)
        {
            var (parsed, criteriaErrors) = await criteria.ReadAsync(body.Criteria!.Value, "criteria", id, ct);
            errors.AddRange(criteriaErrors);
            tree = parsed;
        }
        if (errors.Count > 0) return (null, errors);

        var now = clock.Now();
        var segment = new Segment
        {
            TenantId = db.Scope.RequiredTenantId, Id = id, Name = name!, Description = description, Type = body.Type!,
            CriteriaJson = hasCriteria ? body.Criteria!.Value.GetRawText() : null, CreatedBy = actor.Id, CreatedAt = now, UpdatedAt = now,
            RefreshedAt = tree is null ? now : null,
        };
        db.Add(segment);
        audit.Record("segment.created", "segment", segment.Id.ToString(), null, Audited(segment));
        await db.SaveChangesAsync(ct);
        // The first members: a dynamic segment's current matches, a static segment's snapshot of its criteria.
        if (tree is not null) await membership.ReplaceAsync(segment.Id, criteria.Compile(tree), ct);
        return (await FindAsync(segment.Id, ct), []);
    }

    public async Task<(Segment? Segment, IReadOnlyList<FieldError> Errors)> UpdateAsync(Segment segment, JsonElement body, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (body.ValueKind != JsonValueKind.Object) return (null, [new("body", "A JSON object.")]);
        var before = Audited(segment);
        if (body.TryGetProperty("type", out var type) && type.GetString() != segment.Type)
            errors.Add(new("type", "A segment's type cannot change; create a new segment instead."));
        if (body.TryGetProperty("name", out var nameJson))
            segment.Name = Name(nameJson.ValueKind == JsonValueKind.String ? nameJson.GetString() : null, errors, required: true) ?? segment.Name;
        if (body.TryGetProperty("description", out var descriptionJson))
            segment.Description = descriptionJson.ValueKind == JsonValueKind.String ? Description(descriptionJson.GetString(), errors)
                : descriptionJson.ValueKind == JsonValueKind.Null ? null : Fail(errors, "description", "Text or null.");
        Criterion? tree = null;
        var criteriaChanged = false;
        if (body.TryGetProperty("criteria", out var criteriaJson))
        {
            if (segment.Type == SegmentTypes.Static)
                errors.Add(new("criteria", "A static segment's members change by hand (POST/DELETE /members), not by criteria."));
            else if (criteriaJson.ValueKind == JsonValueKind.Null) errors.Add(new("criteria", "A dynamic segment needs criteria."));
            else
            {
                var (parsed, criteriaErrors) = await criteria.ReadAsync(criteriaJson, "criteria", segment.Id, ct);
                errors.AddRange(criteriaErrors);
                tree = parsed;
                criteriaChanged = true;
                segment.CriteriaJson = criteriaJson.GetRawText();
            }
        }
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return (null, errors); }
        segment.UpdatedAt = clock.Now();
        audit.Record("segment.updated", "segment", segment.Id.ToString(), before, Audited(segment));
        await db.SaveChangesAsync(ct);
        if (criteriaChanged && tree is not null) await membership.ReplaceAsync(segment.Id, criteria.Compile(tree), ct);
        return (await FindAsync(segment.Id, ct), []);
    }

    /// <summary>The live segments whose criteria refer to <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<Segment>> ReferencingAsync(Guid id, CancellationToken ct)
    {
        var needle = id.ToString();
        var candidates = await db.Set<Segment>().AsNoTracking().Where(s => s.DeletedAt == null && s.Id != id && s.CriteriaJson != null).ToListAsync(ct);
        return candidates.Where(s => SegmentCriteria.References(s.CriteriaJson!).Contains(id)).ToList();
    }

    public async Task DeleteAsync(Segment segment, CancellationToken ct)
    {
        segment.DeletedAt = clock.Now();
        audit.Record("segment.deleted", "segment", segment.Id.ToString(), Audited(segment), null);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(int Changed, long Count)> AddMembersAsync(Segment segment, IReadOnlyList<Guid> contactIds, CancellationToken ct)
    {
        var (entered, _) = await membership.AddAsync(segment.Id, membership.ContactIn(contactIds), ct);
        return (entered, await refresh.RefreshAsync(segment.Id, ct));
    }

    public async Task<(int Changed, long Count)> RemoveMembersAsync(Segment segment, IReadOnlyList<Guid> contactIds, CancellationToken ct)
    {
        var removed = await membership.RemoveAsync(segment.Id, contactIds, ct);
        return (removed, await refresh.RefreshAsync(segment.Id, ct));
    }

    private static string? Name(string? name, List<FieldError> errors, bool required)
    {
        var n = name?.Trim();
        if (string.IsNullOrEmpty(n)) { if (required) errors.Add(new("name", "A name is required.")); return null; }
        if (n.Length > MaxName) { errors.Add(new("name", $"At most {MaxName} characters.")); return null; }
        return n;
    }

    private static string? Description(string? description, List<FieldError> errors)
    {
        var d = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (d is { Length: > MaxDescription }) { errors.Add(new("description", $"At most {MaxDescription} characters.")); return null; }
        return d;
    }

    private static string? Fail(List<FieldError> errors, string field, string message) { errors.Add(new(field, message)); return null; }

    private static object Audited(Segment s) => new { s.Name, s.Description, s.Type, Criteria = s.CriteriaJson };
}
