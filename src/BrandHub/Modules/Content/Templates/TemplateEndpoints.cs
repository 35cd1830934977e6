using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Content.Templates;

/// <summary>Email templates: CRUD with versions, validation of unsaved content, and previews.</summary>
public static class TemplateEndpoints
{
    private static readonly string[] Sorts = ["name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt"];

    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/content/templates").WithTags("Templates");
        var read = Scopes.Policy(Scopes.TemplatesRead);
        var write = Scopes.Policy(Scopes.TemplatesWrite);

        templates.MapGet("/", async (BrandHubDb db, string? search, string? sort, bool? includeArchived, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (sort is not null && !Sorts.Contains(sort)) errors.Add(new("sort", $"Sort must be one of: {string.Join(", ", Sorts)}."));
            if (search is { Length: > 200 }) errors.Add(new("search", "At most 200 characters."));
            if (errors.Count > 0) return Problems.Validation(errors);
            var q = db.Set<EmailTemplate>().AsNoTracking().Where(t => t.DeletedAt == null && t.CampaignId == null);
            if (includeArchived != true) q = q.Where(t => t.ArchivedAt == null);
            if (!string.IsNullOrWhiteSpace(search))
            {
                var s = search.Trim().ToLower();
                q = q.Where(t => t.Name.ToLower().Contains(s) || t.Subject.ToLower().Contains(s));
            }
            var total = await q.CountAsync(ct);
            q = (sort ?? "-updatedAt") switch
            {
                "name" => q.OrderBy(t => t.Name).ThenBy(t => t.Id),
                "-name" => q.OrderByDescending(t => t.Name).ThenByDescending(t => t.Id),
                "createdAt" => q.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
                "-createdAt" => q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
                "updatedAt" => q.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
                _ => q.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
            };
            var items = await q.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<TemplateSummary>(items.Select(Summary).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("Search (name or subject, any case), sort and page through email templates (archived ones with includeArchived=true)")
          .Produces<Page<TemplateSummary>>().ProducesValidationProblem();

        templates.MapGet("/{id:guid}", async (Guid id, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct) =>
            await library.FindAsync(id, ct) is { } t ? Results.Ok(View(t, compiled, [])) : Problems.NotFound("Template"))
            .RequireAuthorization(read).WithSummary("One template with its current version").Produces<TemplateView>().ProducesProblem(404);

        templates.MapPost("/", async (TemplateRequest body, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var draft = TemplateDraft.Read(body, requireName: true, errors);
            if (draft is null) return Problems.Validation(errors);
            var template = await library.CreateAsync(body, draft, ct);
            return Results.Created($"/api/v1/content/templates/{template.Id}", View(template, compiled, draft.Warnings));
        }).RequireAuthorization(write)
          .WithSummary("Create a template (version 1). Unknown variables and syntax errors are field errors; what the sanitiser removed comes back as warnings")
          .Produces<TemplateView>(201).ProducesValidationProblem();

        templates.MapPut("/{id:guid}", async (Guid id, TemplateRequest body, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.Version is null) errors.Add(new("version", "The version being edited is required (it guards against overwriting someone else's save)."));
            var draft = TemplateDraft.Read(body, requireName: false, errors);
            if (draft is null || errors.Count > 0) return Problems.Validation(errors);
            var template = await library.FindAsync(id, ct, track: true);
            if (template is null) return Problems.NotFound("Template");
            if (!await library.UpdateAsync(template, body, draft, body.Version!.Value, ct))
                return Problems.Conflict($"Version {body.Version} is not the current version of this template; reload it and apply your changes again.");
            return Results.Ok(View(template, compiled, draft.Warnings));
        }).RequireAuthorization(write).WithSummary("Save a new version of a template (409 when the given version is no longer current)")
          .Produces<TemplateView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        templates.MapGet("/{id:guid}/versions", async (Guid id, BrandHubDb db, TemplateLibrary library, int? page, int? pageSize, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (errors.Count > 0) return Problems.Validation(errors);
            if (await library.FindAsync(id, ct) is null) return Problems.NotFound("Template");
            var q = db.Set<EmailTemplateVersion>().AsNoTracking().Where(v => v.TemplateId == id);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(v => v.Version).Skip(paging.Skip).Take(paging.PageSize)
                .Select(v => new TemplateVersionSummary(v.Version, v.Subject, v.CreatedBy, v.CreatedAt)).ToListAsync(ct);
            return Results.Ok(new Page<TemplateVersionSummary>(items, paging.Page, paging.PageSize, total));
        }).RequireAuthorization(read).WithSummary("The template's saved versions, newest first")
          .Produces<Page<TemplateVersionSummary>>().ProducesValidationProblem().ProducesProblem(404);

        templates.MapGet("/{id:guid}/versions/{version:int}", async (Guid id, int version, BrandHubDb db, TemplateLibrary library, CancellationToken ct) =>
        {
            if (await library.FindAsync(id, ct) is null) return Problems.NotFound("Template");
            var v = await db.Set<EmailTemplateVersion>().AsNoTracking().FirstOrDefaultAsync(x => x.TemplateId == id && x.Version == version, ct);
            return v is null ? Problems.NotFound("Template version") : Results.Ok(new TemplateVersionView(v.TemplateId, v.Version, v.Subject, v.Preheader,
                v.Html, v.Text, TemplateVariableList.Parse(v.VariablesJson), v.CreatedBy, v.CreatedAt));
        }).RequireAuthorization(read).WithSummary("One saved version, as it renders").Produces<TemplateVersionView>().ProducesProblem(404);

        templates.MapPost("/{id:guid}/archive", (Guid id, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct) =>
            Archive(id, true, library, compiled, ct))
            .RequireAuthorization(write).WithSummary("Hide a template from lists and refuse it for new messages").Produces<TemplateView>().ProducesProblem(404);

        templates.MapPost("/{id:guid}/unarchive", (Guid id, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct) =>
            Archive(id, false, library, compiled, ct))
            .RequireAuthorization(write).WithSummary("Bring an archived template back").Produces<TemplateView>().ProducesProblem(404);

        templates.MapDelete("/{id:guid}", async (Guid id, TemplateLibrary library, CancellationToken ct) =>
        {
            var template = await library.FindAsync(id, ct, track: true);
            if (template is null) return Problems.NotFound("Template");
            await library.DeleteAsync(template, ct);
            return Results.NoContent();
        }).RequireAuthorization(write).WithSummary("Delete a template (soft: its versions stay for messages already sent)").Produces(204).ProducesProblem(404);

        templates.MapPost("/validate", (TemplateRequest body) =>
        {
            var errors = new List<FieldError>();
            var draft = TemplateDraft.Read(body, requireName: false, errors);
            if (draft is null) return Problems.Validation(errors);
            var used = Core.Content.EmailTemplateCheck.Check(draft.Source).Used
                .Select(u => new UsedVariableView(u.Variable.Path, u.Field, u.Variable.Position.Line, u.Variable.Position.Column)).ToList();
            return Results.Ok(new TemplateCheckView(draft.Source.Html, draft.Source.Text ?? draft.Compiled.TextSource, draft.Source.Text is null, used, draft.Warnings));
        }).RequireAuthorization(write).WithSummary("Check unsaved content as a save would: errors as field errors, else the sanitised HTML, text part, variables and warnings")
          .Produces<TemplateCheckView>().ProducesValidationProblem();

        templates.MapTemplatePreview();
        return app;
    }

    private static async Task<IResult> Archive(Guid id, bool archived, TemplateLibrary library, CompiledTemplates compiled, CancellationToken ct)
    {
        var template = await library.FindAsync(id, ct, track: true);
        if (template is null) return Problems.NotFound("Template");
        await library.SetArchivedAsync(template, archived, ct);
        return Results.Ok(View(template, compiled, []));
    }

    private static TemplateSummary Summary(EmailTemplate t) =>
        new(t.Id, t.Name, t.Description, t.Subject, t.CurrentVersion, t.CreatedAt, t.UpdatedAt, t.UpdatedBy, t.ArchivedAt);

    public static TemplateView View(EmailTemplate t, CompiledTemplates compiled, IReadOnlyList<Core.Content.SanitizerWarning> warnings)
    {
        string? generated = null;
        if (t.Text is null)
            generated = compiled.Version(t.TenantId, new EmailTemplateVersion
            {
                TemplateId = t.Id, Version = t.CurrentVersion, Subject = t.Subject, Preheader = t.Preheader, Html = t.Html, VariablesJson = t.VariablesJson,
            }).Template?.TextSource;
        return new(t.Id, t.Name, t.Description, t.Subject, t.Preheader, t.Html, t.Text, generated, TemplateVariableList.Parse(t.VariablesJson),
            t.CurrentVersion, t.CreatedBy, t.CreatedAt, t.UpdatedBy, t.UpdatedAt, t.ArchivedAt, warnings);
    }
}
