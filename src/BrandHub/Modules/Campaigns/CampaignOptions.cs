namespace BrandHub.Modules.Campaigns;

/// <summary>Configuration section <c>BrandHub:Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    /// <summary>Audience members read and queued per transaction by the launcher (each chunk is a checkpoint).</summary>
    public int LaunchChunkSize { get; set; } = 5_000;
}
