using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Content;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Content.Templates;

/// <summary>Renders a template for the editor: the given data over the declared samples, a sample contact, untracked links.</summary>
public static class TemplatePreview
{
    private static JsonObject SampleContact() => new()
    {
        ["firstName"] = "Ana", ["lastName"] = "Popescu", ["email"] = "ana.popescu@example.com", ["phone"] = "+40712345678", ["country"] = "RO",
        ["city"] = "Cluj-Napoca", ["language"] = "ro", ["timezone"] = "Europe/Bucharest", ["attributes"] = new JsonObject(),
    };

    public static RouteGroupBuilder MapTemplatePreview(this RouteGroupBuilder templates)
    {
        templates.MapPost("/{id:guid}/preview", async (Guid id, PreviewRequest? body, BrandHubDb db, TemplateLibrary library, CompiledTemplates compiled,
            CancellationToken ct) =>
        {
            body ??= new PreviewRequest();
            var template = await library.FindAsync(id, ct);
            if (template is null) return Problems.NotFound("Template");
            var version = await db.Set<EmailTemplateVersion>().AsNoTracking()
                .FirstOrDefaultAsync(v => v.TemplateId == id && v.Version == (body.Version ?? template.CurrentVersion), ct);
            if (version is null) return Problems.Validation("version", $"The template has no version {body.Version}.");
            var (prepared, errors) = compiled.Version(db.Scope.RequiredTenantId, version);
            if (prepared is null) return Problems.Validation(errors);

            var data = TemplateData.Sample(prepared.Variables);
            foreach (var (key, value) in body.Data ?? []) data[key] = value?.DeepClone();
            var dataErrors = prepared.Validate(data);
            if (dataErrors.Count > 0) return Problems.Validation(dataErrors.SelectMany(e => e.Value.Select(m => new FieldError(e.Key, m))));

            var contact = SampleContact();
            foreach (var (key, value) in body.Contact ?? []) contact[key] = value?.DeepClone();
            var tenantId = db.Scope.RequiredTenantId;
            var tenantName = await db.Set<Tenant>().Where(t => t.Id == tenantId).Select(t => t.Name).FirstAsync(ct);
            var model = new JsonObject
            {
                ["contact"] = contact, ["data"] = data, ["tenant"] = new JsonObject { ["name"] = tenantName },
                ["links"] = new JsonObject { ["unsubscribeUrl"] = "https://example.invalid/unsubscribe", ["preferencesUrl"] = "https://example.invalid/preferences" },
            };
            var email = prepared.Render(model);
            return Results.Ok(new TemplatePreviewView(email.Subject, email.Preheader, email.Html, email.Text));
        }).RequireAuthorization(Scopes.Policy(Scopes.TemplatesRead))
          .WithSummary("Render a template with sample or given data and a sample contact; data that does not fit is a field error (data.<name>)")
          .Produces<TemplatePreviewView>().ProducesValidationProblem().ProducesProblem(404);
        return templates;
    }
}
