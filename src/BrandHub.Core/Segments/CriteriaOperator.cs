namespace BrandHub.Core.Segments;

/// <summary>Comparison in a field condition. Wire names are the camelCase of the member (<c>withinLastDays</c>, <c>isNotSet</c>).</summary>
public enum CriteriaOperator
{
    Eq, Neq, Contains, In, Gt, Gte, Lt, Lte, Between, Before, After, WithinLastDays, IsSet, IsNotSet,
}

/// <summary>How an event condition counts: at least <c>value</c> times, fewer than <c>value</c> times, or never.</summary>
public enum EventOperator
{
    CountGte, CountLt, None,
}

public static class CriteriaOperators
{
    private static readonly (CriteriaOperator Op, string Name)[] Names =
    [
        (CriteriaOperator.Eq, "eq"), (CriteriaOperator.Neq, "neq"), (CriteriaOperator.Contains, "contains"), (CriteriaOperator.In, "in"),
        (CriteriaOperator.Gt, "gt"), (CriteriaOperator.Gte, "gte"), (CriteriaOperator.Lt, "lt"), (CriteriaOperator.Lte, "lte"),
        (CriteriaOperator.Between, "between"), (CriteriaOperator.Before, "before"), (CriteriaOperator.After, "after"),
        (CriteriaOperator.WithinLastDays, "withinLastDays"), (CriteriaOperator.IsSet, "isSet"), (CriteriaOperator.IsNotSet, "isNotSet"),
    ];

    private static readonly (EventOperator Op, string Name)[] EventNames =
        [(EventOperator.CountGte, "countGte"), (EventOperator.CountLt, "countLt"), (EventOperator.None, "none")];

    public static IReadOnlyList<string> EventOperatorNames { get; } = EventNames.Select(e => e.Name).ToArray();

    public static string Format(CriteriaOperator op) => Names.First(n => n.Op == op).Name;

    public static bool TryParse(string? name, out CriteriaOperator op)
    {
        foreach (var (candidate, wire) in Names)
            if (wire == name) { op = candidate; return true; }
        op = default;
        return false;
    }

    public static bool TryParse(string? name, out EventOperator op)
    {
        foreach (var (candidate, wire) in EventNames)
            if (wire == name) { op = candidate; return true; }
        op = default;
        return false;
    }

    /// <summary>Operators that take no value.</summary>
    public static bool IsPresence(CriteriaOperator op) => op is CriteriaOperator.IsSet or CriteriaOperator.IsNotSet;
}
