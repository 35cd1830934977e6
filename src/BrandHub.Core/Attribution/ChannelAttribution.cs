namespace BrandHub.Core.Attribution;

/// <summary>A channel's credit under one model.</summary>
public sealed record ChannelCredit(decimal Conversions, decimal Value);

/// <summary>
/// What each model gives each channel, with the inputs' totals. Every model's conversions add up exactly to
/// <see cref="TotalConversions"/> (at <see cref="AttributionSettings.ConversionDecimals"/> decimals) and its values to
/// <see cref="TotalValue"/> (to the cent). Channels sort by name (ordinal) everywhere.
/// </summary>
/// <param name="RemovalEffects">Markov removal effects per channel, when the Markov model ran.</param>
/// <param name="AssistedConversions">Per channel: conversions of journeys it was on without being the last touch.</param>
/// <param name="Shapley">How the Shapley values were computed, when that model ran.</param>
public sealed record AttributionResult(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ChannelCredit>> Models,
    IReadOnlyDictionary<string, double>? RemovalEffects,
    IReadOnlyDictionary<string, decimal> AssistedConversions,
    decimal TotalConversions, decimal TotalValue, long TotalNulls, ShapleyMethod? Shapley);

/// <summary>Runs the asked models over a set of journeys.</summary>
public static class ChannelAttribution
{
    /// <summary>Errors for models the journeys cannot support (time decay needs touch times).</summary>
    public static IEnumerable<FieldError> Check(JourneySet set, IReadOnlyList<string> models, string field = "models")
    {
        if (models.Contains(AttributionModels.TimeDecay) && !set.HasTouchTimes)
            yield return new FieldError(field, "time_decay needs the time of every touch; aggregated paths carry none. Leave it out or send journeys with touch times.");
    }

    public static AttributionResult Run(JourneySet set, IReadOnlyList<string> models, AttributionSettings? settings = null)
    {
        settings ??= AttributionSettings.Default;
        var errors = Check(set, models).Concat(settings.Validate()).ToList();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")));

        var names = set.Channels;
        var sorted = Enumerable.Range(0, names.Count).OrderBy(i => names[i], StringComparer.Ordinal).ToArray();
        var totalConversions = CreditAllocation.Round(set.TotalConversions, AttributionSettings.ConversionDecimals);
        var totalValue = CreditAllocation.Round(set.TotalValue, AttributionSettings.ValueDecimals);

        IReadOnlyDictionary<string, ChannelCredit> Split(double[] conversionWeights, double[] valueWeights)
        {
            var c = CreditAllocation.Allocate(totalConversions, conversionWeights, names, AttributionSettings.ConversionDecimals);
            var v = CreditAllocation.Allocate(totalValue, valueWeights, names, AttributionSettings.ValueDecimals);
            return sorted.ToDictionary(i => names[i], i => new ChannelCredit(c[i], v[i]));
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, ChannelCredit>>();
        Dictionary<string, double>? removal = null;
        ShapleyMethod? shapleyMethod = null;
        foreach (var model in models)
        {
            if (HeuristicModels.Handles(model))
            {
                var (conversions, value) = HeuristicModels.Credit(model, set, settings);
                result[model] = Split(conversions, value);
            }
            else if (model == AttributionModels.Markov)
            {
                var effects = MarkovAttribution.RemovalEffects(set);
                removal = sorted.ToDictionary(i => names[i], i => effects[i]);
                result[model] = Split(effects, effects);
            }
            else if (model == AttributionModels.Shapley)
            {
                var (values, method) = ShapleyAttribution.Values(set, settings);
                var positive = values.Select(v => Math.Max(0, v)).ToArray();
                shapleyMethod = method;
                result[model] = Split(positive, positive);
            }
            else throw new ArgumentException($"Unknown model '{model}'.", nameof(models));
        }
        return new AttributionResult(result, removal, Assisted(set, sorted), totalConversions, totalValue, set.TotalNulls, shapleyMethod);
    }

    private static IReadOnlyDictionary<string, decimal> Assisted(JourneySet set, int[] sorted)
    {
        var assisted = new double[set.Channels.Count];
        var seen = new HashSet<int>();
        for (var j = 0; j < set.Count; j++)
        {
            var path = set.Paths[j];
            if (set.Conversions[j] == 0 || path.Length < 2) continue;
            seen.Clear();
            var last = path[^1];
            for (var i = 0; i < path.Length - 1; i++)
                if (path[i] != last && seen.Add(path[i])) assisted[path[i]] += set.Conversions[j];
        }
        return sorted.ToDictionary(i => set.Channels[i], i => CreditAllocation.Round((decimal)assisted[i], AttributionSettings.ConversionDecimals));
    }
}
