namespace BrandHub.Core.Attribution;

/// <summary>How the models split credit; the defaults are the usual ones.</summary>
/// <param name="HalfLifeDays">Time decay: a touch this many days before the conversion weighs half as much as one at the conversion.</param>
/// <param name="PositionFirst">Position-based: the first touch's share (40 %).</param>
/// <param name="PositionLast">Position-based: the last touch's share (40 %); the touches between share the rest.</param>
/// <param name="DirectChannel">The channel last non-direct skips.</param>
/// <param name="ShapleyExactLimit">Up to this many channels Shapley values are exact (every coalition); beyond, they are sampled.</param>
/// <param name="ShapleyMaxSamples">Sampling: at most this many channel orderings.</param>
/// <param name="ShapleyTolerance">Sampling stops once every channel's 95 % error bound is within this share of the total.</param>
/// <param name="Seed">Sampling is seeded, so the same data gives the same answer.</param>
public sealed record AttributionSettings(double HalfLifeDays = 7, double PositionFirst = 0.4, double PositionLast = 0.4, string DirectChannel = "direct",
    int ShapleyExactLimit = 15, int ShapleyMaxSamples = 2000, double ShapleyTolerance = 0.005, int Seed = 20261129)
{
    /// <summary>Conversions are split to this many decimals, money to the cent.</summary>
    public const int ConversionDecimals = 4, ValueDecimals = 2;

    public static readonly AttributionSettings Default = new();

    public IEnumerable<FieldError> Validate()
    {
        if (!(HalfLifeDays > 0 && HalfLifeDays <= 365)) yield return new("halfLifeDays", "Between 0 (exclusive) and 365 days.");
        if (!(PositionFirst >= 0 && PositionLast >= 0 && PositionFirst + PositionLast <= 1))
            yield return new("positionBased", "The first and last shares are each at least 0 and together at most 1 (e.g. 0.4 and 0.4).");
        if (ShapleyExactLimit is < 1 or > 20) yield return new("shapleyExactLimit", "Between 1 and 20 channels.");
        if (ShapleyMaxSamples is < 10 or > 1_000_000) yield return new("shapleyMaxSamples", "Between 10 and 1,000,000.");
        if (!(ShapleyTolerance > 0 && ShapleyTolerance < 1)) yield return new("shapleyTolerance", "Between 0 and 1 (exclusive).");
    }
}
