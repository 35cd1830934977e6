using BrandHub.Core;
using BrandHub.Core.Content;

namespace BrandHub.Modules.Content.Templates;

/// <summary>
/// A template request checked the way a save checks it: field limits, strict variables, syntax, and the HTML sanitised
/// (what was removed becomes warnings). Valid drafts carry their compiled form, so saving never stores what cannot render.
/// </summary>
public sealed record TemplateDraft(EmailTemplateSource Source, List<TemplateVariable> Variables, IReadOnlyList<SanitizerWarning> Warnings,
    CompiledEmailTemplate Compiled)
{
    public const int MaxName = 200, MaxDescription = 2_000, MaxSubject = 500, MaxPreheader = 500, MaxHtml = 1_000_000;

    public static TemplateDraft? Read(TemplateRequest body, bool requireName, List<FieldError> errors)
    {
        if (requireName && string.IsNullOrWhiteSpace(body.Name)) errors.Add(new("name", "A name is required."));
        if (body.Name is { Length: > MaxName }) errors.Add(new("name", $"At most {MaxName} characters."));
        if (body.Description is { Length: > MaxDescription }) errors.Add(new("description", $"At most {MaxDescription} characters."));
        if (string.IsNullOrWhiteSpace(body.Subject)) errors.Add(new("subject", "A subject is required."));
        else if (body.Subject.Length > MaxSubject) errors.Add(new("subject", $"At most {MaxSubject} characters."));
        if (body.Preheader is { Length: > MaxPreheader }) errors.Add(new("preheader", $"At most {MaxPreheader} characters."));
        if (string.IsNullOrWhiteSpace(body.Html)) errors.Add(new("html", "The HTML part is required."));
        else if (body.Html.Length > MaxHtml) errors.Add(new("html", $"At most {MaxHtml:N0} characters."));
        if (body.Text is { Length: > MaxHtml }) errors.Add(new("text", $"At most {MaxHtml:N0} characters."));
        var variables = TemplateVariableList.Read(body.Variables, errors);
        if (errors.Count > 0) return null;

        var written = new EmailTemplateSource(body.Subject!, NullIfBlank(body.Preheader), body.Html!, NullIfBlank(body.Text), TemplateVariableList.Declared(variables));
        // Check what the marketer wrote, so positions point into their text; then what the sanitiser keeps must compile.
        var check = EmailTemplateCheck.Check(written);
        errors.AddRange(check.Errors);
        var sanitized = EmailHtmlSanitizer.Sanitize(written.Html);
        errors.AddRange(sanitized.Problems.Select(p => new FieldError("html", p.ToString())));
        if (errors.Count > 0) return null;
        var source = written with { Html = sanitized.Html };
        var (compiled, compileErrors) = CompiledEmailTemplate.Compile(source);
        errors.AddRange(compileErrors);
        return compiled is null ? null : new TemplateDraft(source, variables, sanitized.Warnings, compiled);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
