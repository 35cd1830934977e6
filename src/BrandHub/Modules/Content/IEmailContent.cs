using System.Text.Json.Nodes;

namespace BrandHub.Modules.Content;

/// <summary>
/// The Content module's public face to the delivery engine: a stored email template (or inline content) compiled,
/// validated and ready to render per recipient. Strict: a variable the template uses that is neither built in nor
/// declared is an error when the template is saved; a required variable missing from a message's data is an error when
/// the message is queued — never at send time.
/// </summary>
public interface IEmailContent
{
    /// <summary>For the tenant of the current scope. Errors are keyed by field (<c>templateId</c>, <c>content.html</c>…).</summary>
    Task<EmailContentResult> PrepareAsync(EmailContentSource source, CancellationToken ct);
}

/// <summary>Either a stored template (its current version when <paramref name="TemplateVersion"/> is null) or inline content.</summary>
public sealed record EmailContentSource(Guid? TemplateId, int? TemplateVersion = null,
    string? Subject = null, string? Html = null, string? Text = null, string? Preheader = null);

public sealed record EmailContentResult(PreparedEmail? Email, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Email is not null && Errors.Count == 0;
}

/// <summary>A compiled template version: cheap to render many times, safe to share between threads.</summary>
public abstract class PreparedEmail
{
    public abstract Guid? TemplateId { get; }
    public abstract int? TemplateVersion { get; }

    /// <summary>The stored template's name (null for inline content): names the campaign in UTM tags until campaigns do.</summary>
    public virtual string? TemplateName => null;

    /// <summary>Errors for a message's data (missing required variables, wrong shapes), keyed <c>data.&lt;name&gt;</c>.</summary>
    public abstract IReadOnlyDictionary<string, string[]> Validate(JsonObject data);

    /// <summary>
    /// Renders for one recipient. <paramref name="model"/> holds <c>contact</c> (firstName, lastName, email, …),
    /// <c>data</c> (the message's data) and <c>links</c> (unsubscribeUrl, preferencesUrl). <paramref name="trackLink"/>
    /// maps each http(s) link in the HTML to its tracked form (null leaves it as is) and <paramref name="openPixelUrl"/>
    /// adds the open pixel; both are omitted for untracked mail.
    /// </summary>
    public abstract RenderedEmail Render(JsonObject model, Func<string, string?>? trackLink = null, string? openPixelUrl = null);
}

public sealed record RenderedEmail(string Subject, string? Preheader, string Html, string Text);
