namespace BrandHub.Core.Audience;

/// <summary>
/// The facts about one country's telephone numbering that matter for E.164 normalisation.
/// </summary>
/// <param name="Country">ISO-3166 alpha-2 code.</param>
/// <param name="CallingCode">ITU country calling code, digits only.</param>
/// <param name="TrunkPrefixes">Prefixes dialled only inside the country (usually "0"); dropped in E.164.</param>
/// <param name="MinLength">Shortest national significant number (digits after the calling code).</param>
/// <param name="MaxLength">Longest national significant number.</param>
/// <param name="KeepsLeadingZero">
/// True for Italy, whose fixed-line numbers keep their leading 0 after +39: there it is part of the
/// number, not a trunk prefix.
/// </param>
/// <param name="IsNanp">
/// North American Numbering Plan: area code and exchange code both start with 2-9, which catches most
/// transposed or truncated US/CA numbers that the length check alone would let through.
/// </param>
internal sealed record NumberingPlan(
    string Country,
    string CallingCode,
    string[] TrunkPrefixes,
    int MinLength,
    int MaxLength,
    bool KeepsLeadingZero = false,
    bool IsNanp = false)
{
    /// <summary>Whether a national significant number has a plausible length for this country.</summary>
    public bool HasValidLength(string nationalNumber) =>
        nationalNumber.Length >= MinLength && nationalNumber.Length <= MaxLength;

    /// <summary>Human-readable length range for error messages ("9" or "8 to 10").</summary>
    public string LengthRange => MinLength == MaxLength ? $"{MinLength}" : $"{MinLength} to {MaxLength}";
}
