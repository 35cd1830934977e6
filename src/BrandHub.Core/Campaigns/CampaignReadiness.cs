namespace BrandHub.Core.Campaigns;

/// <summary>What the readiness check knows about one step, gathered by the host.</summary>
/// <param name="ContentErrors">Content problems of the step's variants (missing content, invalid template variables…).</param>
/// <param name="SenderConfigured">Whether the step's channel has a sender/provider configured for the tenant.</param>
/// <param name="Reachable">Audience members with consent and an address on the step's channel.</param>
public sealed record StepReadinessFacts(Guid StepId, int Position, string Channel, IReadOnlyList<string> ContentErrors, bool SenderConfigured,
    long Reachable, decimal CostPerMessage);

/// <summary>Everything the readiness check needs to know about a campaign.</summary>
public sealed record CampaignReadinessFacts(bool HasAudienceDefinition, long AudienceSize, IReadOnlyList<StepReadinessFacts> Steps,
    decimal? Budget, decimal Committed, bool NeedsSchedule, bool HasSchedule);

/// <summary>One blocking problem, with a stable code for the UI and a message for the marketer.</summary>
public sealed record ReadinessProblem(string Code, string Message, Guid? StepId = null);

/// <summary>
/// The readiness check run before schedule and launch (PRODUCT.md §4). It lists every blocking problem at once —
/// a marketer fixes them in one pass instead of discovering them one refusal at a time.
/// </summary>
public static class CampaignReadiness
{
    public static IReadOnlyList<ReadinessProblem> Check(CampaignReadinessFacts facts)
    {
        var problems = new List<ReadinessProblem>();
        if (!facts.HasAudienceDefinition) problems.Add(new("audience-missing", "Choose at least one segment for the audience."));
        else if (facts.AudienceSize == 0) problems.Add(new("audience-empty", "The audience is empty: the chosen segments (minus exclusions) have no members."));
        if (facts.Steps.Count == 0) problems.Add(new("steps-missing", "Add at least one step with content."));
        foreach (var step in facts.Steps.OrderBy(s => s.Position))
        {
            var label = $"Step {step.Position} ({step.Channel})";
            foreach (var error in step.ContentErrors) problems.Add(new("content-invalid", $"{label}: {error}", step.StepId));
            if (!step.SenderConfigured) problems.Add(new("sender-not-configured", $"{label}: no {step.Channel} sender is configured for this workspace.", step.StepId));
            if (facts.HasAudienceDefinition && facts.AudienceSize > 0 && step.Reachable == 0)
                problems.Add(new("nobody-reachable", $"{label}: nobody in the audience can be reached on {step.Channel} (consent and address).", step.StepId));
            if (BudgetGuard.Exhausted(facts.Budget, facts.Committed, step.CostPerMessage))
                problems.Add(new("budget-exhausted", $"{label}: the budget is exhausted ({facts.Committed:0.##} of {facts.Budget:0.##} committed).", step.StepId));
        }
        if (facts.NeedsSchedule && !facts.HasSchedule) problems.Add(new("schedule-missing", "Set when the campaign sends before scheduling it."));
        return problems;
    }
}
