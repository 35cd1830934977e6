using System.Text.Json.Nodes;

namespace BrandHub.Modules.Content.Templates;

/// <summary>A template to create, update or validate.</summary>
/// <param name="Name">1–200 characters (not needed to validate).</param>
/// <param name="Description">Up to 2,000 characters.</param>
/// <param name="Subject">Handlebars text, 1–500 characters.</param>
/// <param name="Preheader">The preview line shown after the subject; Handlebars text up to 500 characters.</param>
/// <param name="Html">Handlebars HTML, sanitised on save (up to 1,000,000 characters).</param>
/// <param name="Text">The plain-text part; null or absent to generate it from the HTML.</param>
/// <param name="Variables">The data variables the template reads: <c>[{"name":"order.number","required":true,"sample":"A-1001"}]</c>.</param>
/// <param name="Version">On update: the version being edited. A different current version is a 409 (someone saved in between).</param>
public sealed record TemplateRequest(string? Name, string? Subject, string? Html, string? Description = null, string? Preheader = null,
    string? Text = null, List<TemplateVariable?>? Variables = null, int? Version = null);

/// <summary>What to preview a template with.</summary>
/// <param name="Data">The message data; the declared samples fill in what is absent.</param>
/// <param name="Contact">Contact fields (firstName, email, attributes…) over a sample contact.</param>
/// <param name="Version">A past version; the current one when absent.</param>
public sealed record PreviewRequest(JsonObject? Data = null, JsonObject? Contact = null, int? Version = null);
