namespace BrandHub.Core.Content;

/// <summary>Something the sanitiser took out of a template, shown to the marketer as a warning on save.</summary>
/// <param name="Code">element_removed, element_unwrapped, attribute_removed, url_removed, style_removed, comment_removed or template_tag_removed.</param>
public sealed record SanitizerWarning(string Code, string Message);

/// <summary>The template HTML after sanitising, what was removed, and template tags the HTML cannot hold (errors).</summary>
public sealed record SanitizedHtml(string Html, IReadOnlyList<SanitizerWarning> Warnings, IReadOnlyList<TemplateProblem> Problems);
