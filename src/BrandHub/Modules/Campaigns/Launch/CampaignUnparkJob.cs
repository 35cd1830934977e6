using System.Text.Json;
using BrandHub.Core.Campaigns;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Modules.Campaigns.Launch;

/// <summary>
/// After a resume, brings back what dispatch rounds still in flight at that moment parked afterwards (their held
/// messages are recorded when the round ends). Runs shortly after the resume and again once the longest round
/// (a delivery lease) must have ended; a no-op unless the campaign is still running.
/// </summary>
public sealed class CampaignUnparkJob(CampaignPlanner planner, CampaignDeliveries deliveries) : IJobHandler
{
    public const string JobKind = "campaign.unpark";

    public string Kind => JobKind;

    public async Task RunAsync(JobContext context)
    {
        var order = JsonSerializer.Deserialize<UnparkOrder>(context.Job.PayloadJson, CampaignJson.Options)
                    ?? throw new PermanentJobFailure("The unpark order is unreadable.");
        var c = await planner.FindAsync(order.CampaignId, context.Cancellation);
        if (c?.Status == CampaignStatuses.Running) await deliveries.UnparkAsync(c.Id, context.Cancellation);
    }
}

public sealed record UnparkOrder(Guid CampaignId);
