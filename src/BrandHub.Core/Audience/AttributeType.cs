namespace BrandHub.Core.Audience;

/// <summary>
/// Declared type of a tenant-defined contact attribute. Wire names: <c>string</c>, <c>number</c>,
/// <c>bool</c>, <c>date</c>.
/// </summary>
public enum AttributeType
{
    /// <summary>Free text, at most 1000 characters.</summary>
    String,

    /// <summary>Decimal number (invariant culture, '.' as decimal separator).</summary>
    Number,

    /// <summary>Yes/no flag.</summary>
    Bool,

    /// <summary>Calendar date without time, stored as "yyyy-MM-dd".</summary>
    Date,
}
