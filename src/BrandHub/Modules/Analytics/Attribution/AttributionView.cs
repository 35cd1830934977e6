using BrandHub.Core.Attribution;

namespace BrandHub.Modules.Analytics.Attribution;

public sealed record CreditView(decimal Conversions, decimal Value);
public sealed record TotalsView(decimal Conversions, decimal Value, long Nulls);
/// <param name="Method">exact (every coalition) or sampled.</param>
/// <param name="ErrorBound">Sampled: the largest 95 % error bound of a channel's share of the credit.</param>
public sealed record ShapleyView(string Method, int Samples, double ErrorBound);

/// <summary>Every model's credit per channel (or campaign, or source), as both attribution endpoints answer.</summary>
/// <param name="Models">Model → key → credit; each model's credits add up to the totals exactly.</param>
/// <param name="RemovalEffects">Markov: the relative drop in conversion probability without the key.</param>
/// <param name="AssistedConversions">Conversions of journeys the key was on without being the last touch.</param>
public sealed record AttributionView(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, CreditView>> Models, IReadOnlyDictionary<string, double>? RemovalEffects,
    TotalsView Totals, IReadOnlyDictionary<string, decimal> AssistedConversions, ShapleyView? Shapley)
{
    public static AttributionView From(AttributionResult result) => new(
        result.Models.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, CreditView>)m.Value.ToDictionary(c => c.Key, c => new CreditView(c.Value.Conversions, c.Value.Value))),
        result.RemovalEffects?.ToDictionary(e => e.Key, e => Math.Round(e.Value, 6)),
        new TotalsView(result.TotalConversions, result.TotalValue, result.TotalNulls), result.AssistedConversions,
        result.Shapley is { } s ? new ShapleyView(s.Exact ? "exact" : "sampled", s.Samples, Math.Round(s.ErrorBound, 6)) : null);
}
