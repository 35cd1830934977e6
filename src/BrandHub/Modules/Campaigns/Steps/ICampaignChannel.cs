using System.Text.Json.Nodes;
using BrandHub.Core;

namespace BrandHub.Modules.Campaigns.Steps;

/// <summary>
/// What the orchestrator needs from a channel to run a step on it. The step model itself is channel-neutral: SMS,
/// WhatsApp and push plug in by registering another implementation, without touching campaigns.
/// </summary>
public interface ICampaignChannel
{
    /// <summary>The channel's wire name, as in deliveries and consents (<c>email</c>, <c>sms</c>…).</summary>
    string Channel { get; }

    /// <summary>The contacts column holding the address on this channel.</summary>
    string AddressColumn { get; }

    /// <summary>
    /// Checks a variant's content and makes it ready to send (email: saves inline content as a campaign-owned template
    /// version, or pins a stored template's current version). Problems go to <paramref name="errors"/> under
    /// <paramref name="field"/>; null when there are any.
    /// </summary>
    Task<StepVariant?> PrepareAsync(Campaign campaign, string label, Guid variantId, string name, int weight, JsonObject? content, Guid? templateId,
        string field, List<FieldError> errors, CancellationToken ct);

    /// <summary>Problems that would break the variant at send time now (a template deleted since, say).</summary>
    Task<IReadOnlyList<string>> CheckAsync(StepVariant variant, CancellationToken ct);

    Task<bool> SenderConfiguredAsync(CancellationToken ct);

    /// <summary>
    /// SQL predicate over contacts aliased <c>c</c>: reachable on this channel for marketing (address, consent, not
    /// unsubscribed or suppressed). Constant text, no parameters.
    /// </summary>
    string ReachableSql { get; }
}
