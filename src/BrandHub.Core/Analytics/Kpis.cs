namespace BrandHub.Core.Analytics;

/// <summary>The inputs a channel's (or a campaign's, or the whole business's) KPIs are computed from, for one period.</summary>
public sealed record KpiInputs(decimal Revenue, decimal Cost, decimal Conversions, long Sessions, decimal NewCustomers)
{
    public static readonly KpiInputs Zero = new(0, 0, 0, 0, 0);
    public KpiInputs Plus(KpiInputs o) => new(Revenue + o.Revenue, Cost + o.Cost, Conversions + o.Conversions, Sessions + o.Sessions, NewCustomers + o.NewCustomers);
}

/// <summary>
/// The KPIs of PRODUCT.md §9, each null when its denominator is zero (a ratio over nothing is not 0):
/// profit = revenue − cost; ROAS = revenue ÷ cost; ROI = (revenue − cost) ÷ cost; CPA = cost ÷ conversions;
/// CAC = cost ÷ new customers; conversion rate = conversions ÷ sessions. Money to the cent, ratios to 4 decimals.
/// </summary>
public sealed record Kpis(decimal Revenue, decimal Cost, decimal Profit, decimal Conversions, long Sessions, decimal NewCustomers,
    decimal? Roas, decimal? Roi, decimal? Cpa, decimal? Cac, decimal? ConversionRate)
{
    public static Kpis Of(KpiInputs x) => new(
        Money(x.Revenue), Money(x.Cost), Money(x.Revenue - x.Cost), x.Conversions, x.Sessions, x.NewCustomers,
        Ratio(x.Revenue, x.Cost), Ratio(x.Revenue - x.Cost, x.Cost), MoneyRatio(x.Cost, x.Conversions), MoneyRatio(x.Cost, x.NewCustomers),
        Ratio(x.Conversions, x.Sessions));

    /// <summary>Relative change from <paramref name="previous"/> to <paramref name="current"/> (0.25 = +25 %); null when there was nothing before.</summary>
    public static decimal? Change(decimal? current, decimal? previous) =>
        current is { } c && previous is { } p && p != 0 ? decimal.Round((c - p) / Math.Abs(p), 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>Each KPI's change against the previous period, by KPI name.</summary>
    public IReadOnlyDictionary<string, decimal?> ChangeFrom(Kpis previous) => new Dictionary<string, decimal?>
    {
        ["revenue"] = Change(Revenue, previous.Revenue), ["cost"] = Change(Cost, previous.Cost), ["profit"] = Change(Profit, previous.Profit),
        ["conversions"] = Change(Conversions, previous.Conversions), ["sessions"] = Change(Sessions, previous.Sessions),
        ["newCustomers"] = Change(NewCustomers, previous.NewCustomers), ["roas"] = Change(Roas, previous.Roas), ["roi"] = Change(Roi, previous.Roi),
        ["cpa"] = Change(Cpa, previous.Cpa), ["cac"] = Change(Cac, previous.Cac), ["conversionRate"] = Change(ConversionRate, previous.ConversionRate),
    };

    private static decimal Money(decimal v) => decimal.Round(v, 2, MidpointRounding.AwayFromZero);
    private static decimal? Ratio(decimal a, decimal b) => b == 0 ? null : decimal.Round(a / b, 4, MidpointRounding.AwayFromZero);
    private static decimal? MoneyRatio(decimal a, decimal b) => b == 0 ? null : Money(a / b);
}
