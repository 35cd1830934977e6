using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Privacy;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Audience.Contacts;

public static class ContactEndpoints
{
    /// <param name="ContactIds">1–1000 contacts.</param>
    /// <param name="Add">Tags to add.</param>
    /// <param name="Remove">Tags to remove.</param>
    public sealed record BulkTagRequest(List<Guid>? ContactIds, List<string>? Add = null, List<string>? Remove = null);
    public sealed record BulkTagResult(int Updated);
    public sealed record AttributeDefinitionView(string Name, string Type, string Label);
    /// <param name="Name">Lower-case letters, digits and _, starting with a letter (up to 63).</param>
    /// <param name="Type">string, number, bool or date.</param>
    /// <param name="Label">Shown in the app; the name when absent.</param>
    public sealed record NewAttributeRequest(string? Name, string? Type, string? Label = null);
    public sealed record TimelineEntry(Guid Id, DateTimeOffset OccurredAt, string Kind, string Summary, JsonElement Data);

    private static readonly string[] Sorts = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "email", "-email", "lastName", "-lastName"];

    public static RouteGroupBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        var read = Scopes.Policy(Scopes.ContactsRead);
        var write = Scopes.Policy(Scopes.ContactsWrite);

        contacts.MapGet("/", async (BrandHubDb db, string? search, string? tag, string? lifecycleStage, string? country,
            string? consentChannel, string? consentStatus, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (sort is not null && !Sorts.Contains(sort)) errors.Add(new("sort", $"Sort must be one of: {string.Join(", ", Sorts)}."));
            if (consentChannel is not null && !ConsentWireNames.TryParseChannel(consentChannel, out _)) errors.Add(new("consentChannel", $"Channel must be one of: {string.Join(", ", ConsentWireNames.ChannelNames)}."));
            if (consentStatus is not null && !ConsentWireNames.TryParseStatus(consentStatus, out _)) errors.Add(new("consentStatus", $"Status must be one of: {string.Join(", ", ConsentWireNames.StatusNames)}."));
            if ((consentChannel is null) != (consentStatus is null)) errors.Add(new("consentStatus", "Filter by consent with both consentChannel and consentStatus."));
            if (search is { Length: > 200 }) errors.Add(new("search", "At most 200 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var q = db.Set<Contact>().AsNoTracking().Where(c => c.DeletedAt == null && c.MergedIntoId == null);
            if (!string.IsNullOrWhiteSpace(search)) q = ContactSearch.Apply(q, search.Trim(), await DefaultCountryAsync(db, ct));
            if (!string.IsNullOrWhiteSpace(tag)) q = q.Where(c => c.Tags.Any(t => t.Tag == tag));
            if (!string.IsNullOrWhiteSpace(lifecycleStage)) q = q.Where(c => c.LifecycleStage == lifecycleStage);
            if (!string.IsNullOrWhiteSpace(country)) { var cc = country.ToUpperInvariant(); q = q.Where(c => c.Country == cc); }
            if (consentChannel is not null && consentStatus is not null)
            {
                var channel = consentChannel.ToLowerInvariant();
                var status = consentStatus.ToLowerInvariant();
                q = status == "unknown"
                    ? q.Where(c => !c.Consents.Any(x => x.Channel == channel && x.Status != "unknown"))
                    : q.Where(c => c.Consents.Any(x => x.Channel == channel && x.Status == status));
            }
            var total = await q.CountAsync(ct);
            q = (sort ?? "-createdAt") switch
            {
                "createdAt" => q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
                "updatedAt" => q.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id),
                "-updatedAt" => q.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id),
                // Contacts without the sorted field come last in both directions, on both databases (SQLite puts NULL first ascending,
                // PostgreSQL first descending).
                "email" => q.OrderBy(c => c.Email == null).ThenBy(c => c.Email).ThenBy(c => c.Id),
                "-email" => q.OrderBy(c => c.Email == null).ThenByDescending(c => c.Email).ThenByDescending(c => c.Id),
                "lastName" => q.OrderBy(c => c.LastName == null).ThenBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id),
                "-lastName" => q.OrderBy(c => c.LastName == null).ThenByDescending(c => c.LastName).ThenByDescending(c => c.FirstName).ThenByDescending(c => c.Id),
                _ => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
            };
            var items = await q.Skip(paging.Skip).Take(paging.PageSize)
                .Include(c => c.Tags).Include(c => c.ExternalIds).Include(c => c.Consents).AsSplitQuery().ToListAsync(ct);
            return Results.Ok(new Page<ContactView>(items.Select(ContactView.Of).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("Search, filter, sort and page through contacts").Produces<Page<ContactView>>().ProducesValidationProblem();

        contacts.MapGet("/{id:guid}", async (Guid id, BrandHubDb db, CancellationToken ct) =>
            await FindLiveAsync(db, id, ct) is { } c ? Results.Ok(ContactView.Of(c)) : Problems.NotFound("Contact"))
            .RequireAuthorization(read).WithSummary("One contact").Produces<ContactView>().ProducesProblem(404);

        contacts.MapPost("/", async (JsonElement body, HttpContext http, ContactDirectory directory, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var input = ContactInput.Read(body, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var outcome = await directory.CreateAsync(input, ct);
            if (outcome.Contact is null) return Problems.Validation(outcome.Errors);
            if (outcome.MergedIntoExisting)
            {
                http.Response.Headers["X-BrandHub-Merged"] = "true";
                return Results.Ok(ContactView.Of(outcome.Contact));
            }
            return Results.Created($"/api/v1/contacts/{outcome.Contact.Id}", ContactView.Of(outcome.Contact));
        }).RequireAuthorization(write).Accepts<ContactInputDoc>("application/json")
          .WithSummary("Create a contact; one matching an existing contact by external id, email, phone or tax id is merged into it (200, X-BrandHub-Merged: true)")
          .Produces<ContactView>(201).Produces<ContactView>(200).ProducesValidationProblem();

        contacts.MapPatch("/{id:guid}", async (Guid id, JsonElement body, BrandHubDb db, ContactDirectory directory, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var input = ContactInput.Read(body, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            var contact = await FindLiveAsync(db, id, ct, track: true);
            if (contact is null) return Problems.NotFound("Contact");
            var outcome = await directory.UpdateAsync(contact, input, ct);
            return outcome.Contact is null ? Problems.Validation(outcome.Errors) : Results.Ok(ContactView.Of(outcome.Contact));
        }).RequireAuthorization(write).Accepts<ContactInputDoc>("application/json")
          .WithSummary("Change some fields of a contact (absent fields stay, null clears)").Produces<ContactView>().ProducesValidationProblem().ProducesProblem(404);

        contacts.MapDelete("/{id:guid}", async (Guid id, bool? erase, HttpContext http, BrandHubDb db, ContactDirectory directory, ContactEraser eraser, CancellationToken ct) =>
        {
            if (erase == true)
            {
                if (!http.User.HasScope(Scopes.ContactsErase)) return Results.Forbid();
                var contact = await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, ct);
                if (contact is null) return Problems.NotFound("Contact");
                return Results.Ok(await eraser.EraseAsync(id, ct));
            }
            var live = await FindLiveAsync(db, id, ct, track: true);
            if (live is null) return Problems.NotFound("Contact");
            await directory.SoftDeleteAsync(live, ct);
            return Results.NoContent();
        }).RequireAuthorization(write)
          .WithSummary("Delete a contact (soft), or with ?erase=true erase every trace of the person (GDPR art. 17; needs contacts:erase)")
          .Produces(204).Produces<ContactEraser.ErasureResult>(200).ProducesProblem(403).ProducesProblem(404);

        contacts.MapPost("/bulk-tags", async (BulkTagRequest body, ContactDirectory directory, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.ContactIds is not { Count: > 0 and <= 1000 }) errors.Add(new("contactIds", "Between 1 and 1000 contact ids."));
            var add = (body.Add ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
            var remove = (body.Remove ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
            if (add.Count == 0 && remove.Count == 0) errors.Add(new("add", "Give tags to add or to remove."));
            if (add.Concat(remove).Any(t => t.Length > ContactEditor.MaxTagLength)) errors.Add(new("add", $"Tags are at most {ContactEditor.MaxTagLength} characters."));
            if (errors.Count > 0) return Problems.Validation(errors);
            return Results.Ok(new BulkTagResult(await directory.BulkTagAsync(body.ContactIds!, add, remove, ct)));
        }).RequireAuthorization(write).WithSummary("Add or remove tags on many contacts at once").Produces<BulkTagResult>().ProducesValidationProblem();

        contacts.MapGet("/{id:guid}/timeline", async (Guid id, BrandHubDb db, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            if (await FindLiveAsync(db, id, ct) is null) return Problems.NotFound("Contact");
            // Events of records merged into this one belong to the same person.
            var ids = await db.Set<Contact>().Where(c => c.MergedIntoId == id).Select(c => c.Id).ToListAsync(ct);
            ids.Add(id);
            var q = db.Set<TimelineEvent>().AsNoTracking().Where(e => ids.Contains(e.ContactId));
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<TimelineEntry>(items.Select(e => new TimelineEntry(e.Id, e.OccurredAt, e.Kind, e.Summary,
                JsonDocument.Parse(e.DataJson).RootElement.Clone())).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("What happened to this contact, newest first").Produces<Page<TimelineEntry>>()
          .ProducesValidationProblem().ProducesProblem(404);

        contacts.MapGet("/attributes", async (BrandHubDb db, CancellationToken ct) =>
            Results.Ok((await db.Set<AttributeDefinition>().AsNoTracking().OrderBy(d => d.Name).ToListAsync(ct))
                .Select(d => new AttributeDefinitionView(d.Name, d.Type, d.Label))))
            .RequireAuthorization(read).WithSummary("The tenant's custom attributes and their types").Produces<IReadOnlyList<AttributeDefinitionView>>();

        contacts.MapPost("/attributes", async (NewAttributeRequest body, BrandHubDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (!AttributeValue.IsValidName(body.Name)) errors.Add(new("name", "A name of lower-case letters, digits and _ (starting with a letter, up to 63)."));
            if (!AttributeValue.TryParseType(body.Type, out var type)) errors.Add(new("type", "Type must be string, number, bool or date."));
            if (body.Label is { Length: > 100 }) errors.Add(new("label", "At most 100 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);
            if (await db.Set<AttributeDefinition>().AnyAsync(d => d.Name == body.Name, ct)) return Problems.Validation("name", "This attribute already exists.");
            var def = new AttributeDefinition
            {
                TenantId = db.Scope.RequiredTenantId, Name = body.Name!, Type = AttributeValue.Format(type),
                Label = string.IsNullOrWhiteSpace(body.Label) ? body.Name! : body.Label.Trim(), CreatedAt = clock.Now(),
            };
            db.Add(def);
            audit.Record("attribute.created", "attribute", def.Name, null, new { def.Name, def.Type, def.Label });
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api/v1/contacts/attributes/{def.Name}", new AttributeDefinitionView(def.Name, def.Type, def.Label));
        }).RequireAuthorization(Scopes.Policy(Scopes.TenantManage)).WithSummary("Declare a custom attribute with its type")
          .Produces<AttributeDefinitionView>(201).ProducesValidationProblem();

        return contacts;
    }

    public static async Task<Contact?> FindLiveAsync(BrandHubDb db, Guid id, CancellationToken ct, bool track = false)
    {
        var q = ContactMerger.WithChildren(db);
        if (!track) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id && c.DeletedAt == null && c.MergedIntoId == null, ct);
    }

    private static Task<string> DefaultCountryAsync(BrandHubDb db, CancellationToken ct)
    {
        var tenantId = db.Scope.RequiredTenantId;
        return db.Set<Platform.Tenancy.Tenant>().Where(t => t.Id == tenantId).Select(t => t.DefaultCountry).FirstAsync(ct);
    }

    public static bool HasScope(this System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindFirst(TokenIssuer.RoleClaim)?.Value is { } role && Roles.ScopesOf(role).Contains(scope);
}

/// <summary>The documented shape of a contact in requests (the endpoint reads the raw JSON to know which fields were sent).</summary>
public sealed record ContactInputDoc(string? Email, string? Phone, string? FirstName, string? LastName, string? Company, string? City,
    string? Country, string? Locale, string? Timezone, string? LifecycleStage, string? TaxId, List<string>? Tags,
    Dictionary<string, JsonElement>? Attributes, List<ExternalIdInput>? ExternalIds);
