namespace BrandHub.Core.Audience;

/// <summary>
/// A requested consent change exactly as received (strings, not enums) so that
/// <see cref="ConsentPolicy.Validate"/> can report unknown values per field instead of failing to bind.
/// </summary>
/// <param name="Channel">Channel wire name, e.g. <c>email</c>.</param>
/// <param name="Status">Status wire name, e.g. <c>opted_in</c>.</param>
/// <param name="Source">Where the change came from (signup form, import, call centre…), max 100 characters.</param>
/// <param name="LegalBasis">Legal basis wire name, e.g. <c>consent</c>.</param>
/// <param name="Proof">Evidence of consent.</param>
public sealed record ConsentChange(string? Channel, string? Status, string? Source = null, string? LegalBasis = null, ConsentProof? Proof = null);
