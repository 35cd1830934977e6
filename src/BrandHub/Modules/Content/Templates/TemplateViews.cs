using BrandHub.Core.Content;

namespace BrandHub.Modules.Content.Templates;

public sealed record TemplateSummary(Guid Id, string Name, string? Description, string Subject, int Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string UpdatedBy, DateTimeOffset? ArchivedAt);

/// <summary>
/// A template with its current version. <c>text</c> is the plain-text part as written (null when generated);
/// <c>generatedText</c> the text template generated from the HTML when <c>text</c> is null; <c>warnings</c>, on save,
/// what the sanitiser removed from the HTML.
/// </summary>
public sealed record TemplateView(Guid Id, string Name, string? Description, string Subject, string? Preheader, string Html, string? Text,
    string? GeneratedText, IReadOnlyList<TemplateVariable> Variables, int Version, string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy,
    DateTimeOffset UpdatedAt, DateTimeOffset? ArchivedAt, IReadOnlyList<SanitizerWarning> Warnings);

public sealed record TemplateVersionSummary(int Version, string Subject, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record TemplateVersionView(Guid TemplateId, int Version, string Subject, string? Preheader, string Html, string? Text,
    IReadOnlyList<TemplateVariable> Variables, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A variable a template reads and the part it is in.</summary>
public sealed record UsedVariableView(string Path, string Part, int Line, int Column);

/// <summary>Unsaved content that passed validation: the HTML as it would be saved, the text part, what it reads.</summary>
public sealed record TemplateCheckView(string Html, string Text, bool TextGenerated, IReadOnlyList<UsedVariableView> UsedVariables,
    IReadOnlyList<SanitizerWarning> Warnings);

/// <summary>A template rendered with sample data: what the recipient would see.</summary>
public sealed record TemplatePreviewView(string Subject, string? Preheader, string Html, string Text);
