using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrandHub.Modules.Content;

namespace BrandHub.Tests.Delivery.Support;

/// <summary>
/// A small strict template engine standing in for the Content module: <c>{{contact.x}}</c>, <c>{{data.x}}</c> and
/// <c>{{links.x}}</c>; every <c>data.x</c> a template uses is required; stored templates are registered by the test.
/// </summary>
public sealed partial class TestEmailContent : IEmailContent
{
    private readonly ConcurrentDictionary<Guid, (string Subject, string Html)> templates = new();

    public Guid AddTemplate(string subject, string html)
    {
        var id = Guid.NewGuid();
        templates[id] = (subject, html);
        return id;
    }

    public Task<EmailContentResult> PrepareAsync(EmailContentSource source, CancellationToken ct)
    {
        if (source.TemplateId is { } id)
            return Task.FromResult(templates.TryGetValue(id, out var t)
                ? new EmailContentResult(new Prepared(id, 1, t.Subject, t.Html, null), new Dictionary<string, string[]>())
                : new EmailContentResult(null, new Dictionary<string, string[]> { ["templateId"] = ["No such template."] }));
        var errors = new Dictionary<string, string[]>();
        foreach (Match m in Variable().Matches($"{source.Subject} {source.Html} {source.Text}"))
            if (m.Groups[1].Value is not ("contact" or "data" or "links"))
                errors["content.html"] = [$"Unknown variable '{m.Value}'."];
        return Task.FromResult(errors.Count > 0 ? new EmailContentResult(null, errors)
            : new EmailContentResult(new Prepared(null, null, source.Subject ?? "", source.Html ?? "", source.Text), new Dictionary<string, string[]>()));
    }

    [GeneratedRegex(@"\{\{\s*(\w+)\.(\w+)\s*\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex("href=\"(https?://[^\"]+)\"")]
    private static partial Regex Link();

    private sealed class Prepared(Guid? templateId, int? version, string subject, string html, string? text) : PreparedEmail
    {
        public override Guid? TemplateId => templateId;
        public override int? TemplateVersion => version;

        public override IReadOnlyDictionary<string, string[]> Validate(JsonObject data) =>
            Variable().Matches($"{subject} {html} {text}").Where(m => m.Groups[1].Value == "data" && data[m.Groups[2].Value] is null)
                .Select(m => m.Groups[2].Value).Distinct().ToDictionary(name => $"data.{name}", _ => new[] { "Required by the template." });

        public override RenderedEmail Render(JsonObject model, Func<string, string?>? trackLink = null, string? openPixelUrl = null)
        {
            string Fill(string s) => Variable().Replace(s, m => model[m.Groups[1].Value]?[m.Groups[2].Value]?.ToString() ?? "");
            var body = Fill(html);
            if (trackLink is not null) body = Link().Replace(body, m => $"href=\"{trackLink(m.Groups[1].Value) ?? m.Groups[1].Value}\"");
            if (openPixelUrl is not null) body += $"<img src=\"{openPixelUrl}\" alt=\"\">";
            return new RenderedEmail(Fill(subject), null, body, Fill(text ?? "text"));
        }
    }
}
