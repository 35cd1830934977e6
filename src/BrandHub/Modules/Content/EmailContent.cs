using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Core.Content;
using BrandHub.Data;
using BrandHub.Modules.Content.Templates;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Content;

/// <summary>
/// Resolves a stored template version (or inline content) for the current tenant and hands back its compiled form.
/// Inline content has no declarations: the <c>data</c> paths it reads count as declared and optional (it arrives with its
/// data in the same request); built-in variables stay strict.
/// </summary>
public sealed class EmailContent(BrandHubDb db, CompiledTemplates compiled) : IEmailContent
{
    public async Task<EmailContentResult> PrepareAsync(EmailContentSource source, CancellationToken ct)
    {
        if (source.TemplateId is { } templateId) return await StoredAsync(templateId, source.TemplateVersion, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(source.Subject)) errors["content.subject"] = ["A subject is required."];
        if (string.IsNullOrWhiteSpace(source.Html)) errors["content.html"] = ["The HTML part is required."];
        if (source.Html is { Length: > TemplateDraft.MaxHtml }) errors["content.html"] = [$"At most {TemplateDraft.MaxHtml:N0} characters."];
        if (errors.Count > 0) return new(null, errors);
        var inline = new EmailTemplateSource(source.Subject!, source.Preheader, source.Html!, string.IsNullOrWhiteSpace(source.Text) ? null : source.Text, []);
        inline = inline with { Variables = ImplicitDeclarations(inline) };
        var (template, compileErrors) = compiled.Inline(inline);
        return template is null ? new(null, Keyed(compileErrors, "content.")) : new(new CompiledEmail(template, null, null), new Dictionary<string, string[]>());
    }

    private async Task<EmailContentResult> StoredAsync(Guid templateId, int? version, CancellationToken ct)
    {
        var template = await db.Set<EmailTemplate>().AsNoTracking().Where(t => t.Id == templateId && t.DeletedAt == null)
            .Select(t => new { t.CurrentVersion, t.ArchivedAt }).FirstOrDefaultAsync(ct);
        if (template is null) return Error("templateId", "No such template.");
        if (template.ArchivedAt is not null) return Error("templateId", "This template is archived; unarchive it to send with it.");
        var wanted = version ?? template.CurrentVersion;
        var stored = await db.Set<EmailTemplateVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.TemplateId == templateId && v.Version == wanted, ct);
        if (stored is null) return Error("templateVersion", $"The template has no version {wanted}.");
        var (compiledTemplate, errors) = compiled.Version(db.Scope.RequiredTenantId, stored);
        return compiledTemplate is null
            ? new(null, Keyed(errors, "template."))
            : new(new CompiledEmail(compiledTemplate, templateId, wanted), new Dictionary<string, string[]>());
    }

    private static List<DeclaredVariable> ImplicitDeclarations(EmailTemplateSource source) =>
        source.Parts().SelectMany(p => TemplateVariables.Analyse(p.Source).Used)
            .Where(u => u.Segments[0] == "data" && u.Plain.Count > 1)
            .Select(u => string.Join('.', u.Plain.Skip(1))).Distinct()
            .Where(DeclaredVariable.IsValidName).Select(n => new DeclaredVariable(n)).ToList();

    private static EmailContentResult Error(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    private static Dictionary<string, string[]> Keyed(IEnumerable<FieldError> errors, string prefix) =>
        errors.GroupBy(e => prefix + e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>The seam's view of a compiled template.</summary>
    private sealed class CompiledEmail(CompiledEmailTemplate template, Guid? templateId, int? version) : PreparedEmail
    {
        public override Guid? TemplateId => templateId;
        public override int? TemplateVersion => version;
        public override IReadOnlyDictionary<string, string[]> Validate(JsonObject data) => template.Validate(data);

        public override RenderedEmail Render(JsonObject model, Func<string, string?>? trackLink = null, string? openPixelUrl = null)
        {
            var parts = template.Render(model, trackLink, openPixelUrl);
            return new RenderedEmail(parts.Subject, parts.Preheader, parts.Html, parts.Text);
        }
    }
}
