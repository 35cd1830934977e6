namespace BrandHub.Core.Content;

/// <summary>One recipient's email as rendered from a template.</summary>
public sealed record RenderedParts(string Subject, string? Preheader, string Html, string Text);
