namespace BrandHub.Core.Campaigns;

/// <summary>What a marketer (or the scheduler, or the budget guard) asks a campaign to do.</summary>
public enum CampaignAction
{
    Schedule,
    Unschedule,
    Launch,
    Pause,
    Resume,
    Complete,
    Cancel,
    Archive,
    Edit,
}

/// <summary>
/// The campaign state machine, explicit so that every illegal move is refused with a reason a marketer can act on
/// (the API answers 409 with it). Editing is a "move" too: only drafts and paused campaigns take content changes, so
/// what was scheduled or is being sent is what was reviewed.
/// </summary>
public static class CampaignLifecycle
{
    private static readonly Dictionary<(CampaignStatus, CampaignAction), CampaignStatus> Moves = new()
    {
        [(CampaignStatus.Draft, CampaignAction.Schedule)] = CampaignStatus.Scheduled,
        [(CampaignStatus.Scheduled, CampaignAction.Schedule)] = CampaignStatus.Scheduled,
        [(CampaignStatus.Scheduled, CampaignAction.Unschedule)] = CampaignStatus.Draft,
        [(CampaignStatus.Draft, CampaignAction.Launch)] = CampaignStatus.Running,
        [(CampaignStatus.Scheduled, CampaignAction.Launch)] = CampaignStatus.Running,
        [(CampaignStatus.Running, CampaignAction.Pause)] = CampaignStatus.Paused,
        [(CampaignStatus.Paused, CampaignAction.Resume)] = CampaignStatus.Running,
        [(CampaignStatus.Running, CampaignAction.Complete)] = CampaignStatus.Completed,
        [(CampaignStatus.Paused, CampaignAction.Complete)] = CampaignStatus.Completed,
        [(CampaignStatus.Draft, CampaignAction.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Scheduled, CampaignAction.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Running, CampaignAction.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Paused, CampaignAction.Cancel)] = CampaignStatus.Cancelled,
        [(CampaignStatus.Draft, CampaignAction.Archive)] = CampaignStatus.Archived,
        [(CampaignStatus.Completed, CampaignAction.Archive)] = CampaignStatus.Archived,
        [(CampaignStatus.Cancelled, CampaignAction.Archive)] = CampaignStatus.Archived,
        [(CampaignStatus.Draft, CampaignAction.Edit)] = CampaignStatus.Draft,
        [(CampaignStatus.Paused, CampaignAction.Edit)] = CampaignStatus.Paused,
    };

    /// <summary>Whether <paramref name="action"/> is allowed now; the state it leads to, or why not.</summary>
    public static CampaignMove Decide(CampaignStatus from, CampaignAction action) =>
        Moves.TryGetValue((from, action), out var to)
            ? new CampaignMove(true, to, null)
            : new CampaignMove(false, from, Refusal(from, action));

    /// <summary>The actions allowed from a state, for the UI's buttons.</summary>
    public static IReadOnlyList<CampaignAction> Allowed(CampaignStatus from) =>
        Moves.Keys.Where(k => k.Item1 == from).Select(k => k.Item2).ToList();

    private static string Refusal(CampaignStatus from, CampaignAction action)
    {
        var state = CampaignStatuses.Format(from);
        return (from, action) switch
        {
            (CampaignStatus.Archived, _) => "The campaign is archived; duplicate it to send again.",
            (CampaignStatus.Completed or CampaignStatus.Cancelled, CampaignAction.Edit) => $"A {state} campaign is read-only; duplicate it to change it.",
            (_, CampaignAction.Edit) => $"A {state} campaign cannot be edited; pause it first.",
            (CampaignStatus.Running, CampaignAction.Launch) => "The campaign is already running.",
            (CampaignStatus.Paused, CampaignAction.Launch) => "The campaign is paused; resume it instead.",
            (_, CampaignAction.Resume) => $"Only a paused campaign can be resumed; this one is {state}.",
            (CampaignStatus.Scheduled, CampaignAction.Pause) => "A scheduled campaign has nothing to pause yet; unschedule it instead.",
            (_, CampaignAction.Pause) => $"Only a running campaign can be paused; this one is {state}.",
            (_, CampaignAction.Complete) => $"Only a running or paused campaign can be completed; this one is {state}.",
            (_, CampaignAction.Archive) => $"Only a draft, completed or cancelled campaign can be archived; this one is {state}.",
            (_, CampaignAction.Unschedule) => $"Only a scheduled campaign can be unscheduled; this one is {state}.",
            _ => $"A {state} campaign cannot {Verb(action)}.",
        };
    }

    private static string Verb(CampaignAction action) => action switch
    {
        CampaignAction.Schedule => "be scheduled",
        CampaignAction.Launch => "be launched",
        CampaignAction.Cancel => "be cancelled",
        _ => action.ToString().ToLowerInvariant(),
    };
}

/// <summary>The answer of <see cref="CampaignLifecycle.Decide"/>.</summary>
public sealed record CampaignMove(bool Allowed, CampaignStatus To, string? Reason);
