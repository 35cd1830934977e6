namespace BrandHub.Core.Attribution;

/// <summary>The attribution models by their API names.</summary>
public static class AttributionModels
{
    public const string FirstTouch = "first_touch", LastTouch = "last_touch", LastNonDirect = "last_non_direct", Linear = "linear",
        TimeDecay = "time_decay", PositionBased = "position_based", Markov = "markov", Shapley = "shapley";

    public static readonly IReadOnlyList<string> All = [FirstTouch, LastTouch, LastNonDirect, Linear, TimeDecay, PositionBased, Markov, Shapley];

    /// <summary>What aggregated paths (no touch times, no direct channel by convention) are split by when no model is named.</summary>
    public static readonly IReadOnlyList<string> PathsDefault = [FirstTouch, LastTouch, Linear, PositionBased, Markov, Shapley];

    /// <summary>Parses a comma list of model names; an empty or missing list gives <paramref name="defaults"/>.</summary>
    public static (IReadOnlyList<string> Models, FieldError? Error) Parse(string? list, IReadOnlyList<string> defaults, string field = "models")
    {
        if (string.IsNullOrWhiteSpace(list)) return (defaults, null);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).Distinct().ToList();
        var unknown = names.Where(n => !All.Contains(n)).ToList();
        return unknown.Count > 0
            ? (defaults, new FieldError(field, $"Unknown model(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", All)}."))
            : (names, null);
    }
}
