using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Core.Segments;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Segments;

/// <summary>
/// Criteria in the tenant's terms: parsed against the tenant's attribute definitions, with every <c>{"segment":…}</c>
/// checked to name a live segment of this tenant (another tenant's id is simply not found) and not to lead back to the
/// segment being saved (a cycle), and compiled to a predicate over live contacts.
/// </summary>
public sealed class SegmentCriteria(BrandHubDb db, TimeProvider clock)
{
    public async Task<FieldCatalogue> CatalogueAsync(CancellationToken ct)
    {
        var definitions = await db.Set<AttributeDefinition>().AsNoTracking().Select(d => new { d.Name, d.Type }).ToListAsync(ct);
        return new FieldCatalogue(definitions.ToDictionary(d => d.Name,
            d => AttributeValue.TryParseType(d.Type, out var t) ? t : AttributeType.String));
    }

    /// <param name="savingSegmentId">The segment these criteria belong to, if any: references that lead back to it are cycles.</param>
    public async Task<(Criterion? Criterion, IReadOnlyList<FieldError> Errors)> ReadAsync(JsonElement json, string path, Guid? savingSegmentId, CancellationToken ct)
    {
        var parsed = CriteriaParser.Parse(json, await CatalogueAsync(ct), path);
        var errors = parsed.Errors.ToList();
        if (parsed.References.Count > 0)
        {
            var live = await LiveCriteriaAsync(ct);
            foreach (var reference in parsed.References)
            {
                if (!live.ContainsKey(reference.SegmentId))
                    errors.Add(new(reference.Path, "No segment with this id."));
                else if (savingSegmentId is { } self && Reaches(reference.SegmentId, self, live))
                    errors.Add(new(reference.Path, "This segment refers back to the one being saved; segments cannot contain themselves."));
            }
        }
        return errors.Count > 0 ? (null, errors) : (parsed.Criterion, []);
    }

    /// <summary>The tenant's live segments and the segments each one's criteria refer to.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<Guid>>> LiveCriteriaAsync(CancellationToken ct)
    {
        var rows = await db.Set<Segment>().AsNoTracking().Where(s => s.DeletedAt == null).Select(s => new { s.Id, s.Type, s.CriteriaJson }).ToListAsync(ct);
        // A static segment's members are a snapshot: its criteria no longer decide anything, so they are no edge.
        return rows.ToDictionary(r => r.Id, r => r.Type == SegmentTypes.Dynamic && r.CriteriaJson is { } c ? References(c) : (IReadOnlyList<Guid>)[]);
    }

    public static IReadOnlyList<Guid> References(string criteriaJson)
    {
        var found = new List<Guid>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "segment" && p.Value.ValueKind == JsonValueKind.String && Guid.TryParse(p.Value.GetString(), out var id)) found.Add(id);
                    else Walk(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item);
        }
        using var doc = JsonDocument.Parse(criteriaJson);
        Walk(doc.RootElement);
        return found;
    }

    private static bool Reaches(Guid from, Guid target, Dictionary<Guid, IReadOnlyList<Guid>> graph)
    {
        var seen = new HashSet<Guid>();
        var stack = new Stack<Guid>([from]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (id == target) return true;
            if (!seen.Add(id) || !graph.TryGetValue(id, out var next)) continue;
            foreach (var n in next) stack.Push(n);
        }
        return false;
    }

    /// <summary>Criteria as a predicate over the live contact row <c>c</c> of this tenant.</summary>
    public CompiledCriteria Compile(Criterion criterion, string prefix = "sc") =>
        CriteriaSql.Compile(criterion, SqlDialect.For(db.IsPostgres), clock.GetUtcNow(), prefix,
            db.Scope.TenantId is { } tenant ? SqlDialect.For(db.IsPostgres).Guid(tenant) : null);

    /// <summary>Stored criteria, parsed again with today's attribute definitions.</summary>
    public async Task<Criterion?> ParseStoredAsync(string criteriaJson, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(criteriaJson);
        var parsed = CriteriaParser.Parse(doc.RootElement, await CatalogueAsync(ct));
        return parsed.Criterion;
    }

    /// <summary>The live contacts of the current tenant: the frame every audience query starts from.</summary>
    public const string LiveContacts = "c.deleted_at IS NULL AND c.merged_into_id IS NULL";
}
