namespace BrandHub.Core.Audience;

/// <summary>
/// Where a contact stands on one consent channel. Wire names: <c>unknown</c>, <c>opted_in</c>, <c>opted_out</c>.
/// </summary>
public enum ConsentStatus
{
    /// <summary>Never asked, or no record: treated as "no" for marketing.</summary>
    Unknown,

    /// <summary>The contact agreed (or another legal basis applies).</summary>
    OptedIn,

    /// <summary>The contact refused or withdrew.</summary>
    OptedOut,
}
