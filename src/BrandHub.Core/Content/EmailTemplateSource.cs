namespace BrandHub.Core.Content;

/// <summary>The parts of an email template as the marketer wrote them. <see cref="Text"/> null means "generate from the HTML".</summary>
public sealed record EmailTemplateSource(string Subject, string? Preheader, string Html, string? Text, IReadOnlyList<DeclaredVariable> Variables)
{
    /// <summary>Field names of the parts, as the API reports errors against them.</summary>
    public const string SubjectField = "subject", PreheaderField = "preheader", HtmlField = "html", TextField = "text", VariablesField = "variables";

    public IEnumerable<(string Field, string Source)> Parts()
    {
        yield return (SubjectField, Subject);
        if (Preheader is not null) yield return (PreheaderField, Preheader);
        yield return (HtmlField, Html);
        if (Text is not null) yield return (TextField, Text);
    }
}
