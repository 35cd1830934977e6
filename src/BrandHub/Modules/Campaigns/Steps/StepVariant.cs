using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandHub.Modules.Campaigns.Steps;

/// <summary>
/// One variant of a step as stored: its share of the traffic and its content — for email a pinned template version
/// (inline content is saved as a campaign-owned template), for channels still to come their own <see cref="Content"/>.
/// </summary>
public sealed record StepVariant(Guid Id, string Name, int Weight, Guid? TemplateId = null, int? TemplateVersion = null, JsonObject? Content = null)
{
    public static List<StepVariant> ParseAll(string json) => JsonSerializer.Deserialize<List<StepVariant>>(json, CampaignJson.Options) ?? [];

    public static string Serialize(IEnumerable<StepVariant> variants) => JsonSerializer.Serialize(variants, CampaignJson.Options);
}
