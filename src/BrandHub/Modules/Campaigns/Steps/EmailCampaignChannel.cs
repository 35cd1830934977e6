using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Content;
using BrandHub.Modules.Content.Templates;

namespace BrandHub.Modules.Campaigns.Steps;

/// <summary>Email steps: content is an email template version, checked as strictly as a message's.</summary>
public sealed class EmailCampaignChannel(TemplateLibrary library, IEmailContent content, IEmailSenders senders) : ICampaignChannel
{
    public string Channel => "email";

    public string AddressColumn => "email";

    public async Task<StepVariant?> PrepareAsync(Campaign campaign, string label, Guid variantId, string name, int weight, JsonObject? body, Guid? templateId,
        string field, List<FieldError> errors, CancellationToken ct)
    {
        if (templateId is { } id)
        {
            if (body is not null) { errors.Add(new(field, "Give either content or templateId, not both.")); return null; }
            var template = await library.FindAsync(id, ct);
            if (template is null || template.ArchivedAt is not null) { errors.Add(new($"{field}.templateId", "No active template with this id.")); return null; }
            return new StepVariant(variantId, name, weight, template.Id, template.CurrentVersion);
        }
        if (body is null) { errors.Add(new($"{field}.content", "Content (subject, html, text) or a templateId is required.")); return null; }

        var request = new TemplateRequest($"{campaign.Name} · {label} · {name}", Text(body, "subject"), Text(body, "html"), "Campaign content",
            Text(body, "preheader"), Text(body, "text"));
        var draftErrors = new List<FieldError>();
        var draft = TemplateDraft.Read(request with { Name = request.Name!.Length > TemplateDraft.MaxName ? request.Name[..TemplateDraft.MaxName] : request.Name },
            requireName: true, draftErrors);
        if (draft is null)
        {
            errors.AddRange(draftErrors.Select(e => e with { Field = $"{field}.content.{e.Field}" }));
            return null;
        }
        var saved = await library.CreateAsync(request, draft, ct, campaign.Id);
        return new StepVariant(variantId, name, weight, saved.Id, saved.CurrentVersion);
    }

    public async Task<IReadOnlyList<string>> CheckAsync(StepVariant variant, CancellationToken ct)
    {
        if (variant.TemplateId is null) return [$"Variant {variant.Name} has no content."];
        var prepared = await content.PrepareAsync(new EmailContentSource(variant.TemplateId, variant.TemplateVersion), ct);
        if (!prepared.IsValid) return prepared.Errors.SelectMany(e => e.Value.Select(m => $"Variant {variant.Name}: {m}")).ToList();
        // Campaign messages carry no per-message data: a required data variable could never be filled.
        var missing = prepared.Email!.Validate(new JsonObject());
        return missing.SelectMany(e => e.Value.Select(m => $"Variant {variant.Name}: {e.Key}: {m}")).ToList();
    }

    public async Task<bool> SenderConfiguredAsync(CancellationToken ct) => await senders.FindAsync(ct) is not null;

    /// <summary>Bit 1 of the contact's <c>reach_mask</c> (opted in, an address, not unsubscribed or suppressed), kept by database triggers.</summary>
    public string ReachableSql { get; } = $"(c.reach_mask & {Core.Segments.CriteriaSql.ConsentBit(Core.Audience.ConsentChannel.Email)}) <> 0";

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
