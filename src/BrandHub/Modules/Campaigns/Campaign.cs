using BrandHub.Data;

namespace BrandHub.Modules.Campaigns;

/// <summary>
/// A campaign (PRODUCT.md §4): a goal, an audience of segments minus exclusions, channel steps, a schedule, a budget
/// and a team. Its <see cref="Status"/> only moves through <see cref="Core.Campaigns.CampaignLifecycle"/>.
/// </summary>
public sealed class Campaign : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Goal { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>IANA zone: schedules are wall-clock times here (recipient-local schedules use each contact's zone).</summary>
    public string Timezone { get; set; } = "UTC";
    public string Status { get; set; } = Core.Campaigns.CampaignStatuses.Draft;
    /// <summary><c>{"segmentIds":[…],"excludeSegmentIds":[…]}</c>.</summary>
    public string AudienceJson { get; set; } = "{}";
    public decimal? Budget { get; set; }
    public string? Currency { get; set; }
    /// <summary>Cost of one message per channel: <c>{"email":0.001}</c>.</summary>
    public string CostsJson { get; set; } = "{}";
    /// <summary>The schedule as requested (see CampaignScheduleRequest); null until scheduled.</summary>
    public string? ScheduleJson { get; set; }
    /// <summary>When the launch job runs next (scheduled and recurring campaigns).</summary>
    public DateTimeOffset? NextRunAt { get; set; }
    /// <summary>Launches so far: 1 after the first, +1 per recurrence. Part of every delivery's idempotency key.</summary>
    public int CurrentRun { get; set; }
    /// <summary>Why it is paused when the budget guard (not a person) paused it.</summary>
    public string? PausedReason { get; set; }
    /// <summary>For campaign templates: retail, fashion, fitness, gaming, b2b…</summary>
    public string? Niche { get; set; }
    /// <summary>A saved campaign template: never launched, listed with the starter templates.</summary>
    public bool IsTemplate { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTimeOffset? LaunchedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A step: one channel's message, sent <see cref="DelayMinutes"/> after the launch, optionally split A/B.</summary>
public sealed class CampaignStep : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string Channel { get; set; } = "";
    public int DelayMinutes { get; set; }
    public decimal HoldoutPercent { get; set; }
    /// <summary>The variants (see <see cref="StepVariant"/>), channel-specific content inside each.</summary>
    public string VariantsJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One launch of one step: how big the audience was, how many deliveries are queued so far, and the last contact
/// queued — the checkpoint a relaunch after a crash continues from.
/// </summary>
public sealed class CampaignRun : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public int Run { get; set; }
    public Guid StepId { get; set; }
    /// <summary><c>launching</c>, <c>queued</c> (every member has a delivery) or <c>stopped</c> (budget).</summary>
    public string Status { get; set; } = "launching";
    public long Audience { get; set; }
    public long Queued { get; set; }
    public Guid? Cursor { get; set; }
    public DateTimeOffset LaunchedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A team member's role on one campaign: owner, editor or viewer.</summary>
public sealed class CampaignRole : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid UserId { get; set; }
    public string Role { get; set; } = "";
    public string GrantedBy { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>A comment; replies point at their thread's first comment.</summary>
public sealed class CampaignComment : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid? ParentId { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>Something the team must see, e.g. the budget guard pausing the campaign.</summary>
public sealed class CampaignAlert : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public string Kind { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
