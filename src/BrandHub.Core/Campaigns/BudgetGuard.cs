namespace BrandHub.Core.Campaigns;

/// <summary>
/// The budget guard: a campaign's budget and the cost of one message per channel decide how many more messages may be
/// queued. Cost is committed when a message is queued (a suppressed one costs nothing), so the guard stops the launch
/// before the batch that would go over — never after the money is spent.
/// </summary>
public static class BudgetGuard
{
    /// <summary>How many of <paramref name="wanted"/> messages fit; all of them when there is no budget or no cost.</summary>
    public static long Affordable(decimal? budget, decimal committed, decimal costPerMessage, long wanted)
    {
        if (wanted <= 0) return 0;
        if (budget is null || costPerMessage <= 0) return wanted;
        var left = budget.Value - committed;
        if (left <= 0) return 0;
        return Math.Min(wanted, (long)Math.Floor(left / costPerMessage));
    }

    /// <summary>Whether nothing more can be sent on a channel with this cost.</summary>
    public static bool Exhausted(decimal? budget, decimal committed, decimal costPerMessage) =>
        Affordable(budget, committed, costPerMessage, 1) == 0;
}
