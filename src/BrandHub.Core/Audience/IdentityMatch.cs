namespace BrandHub.Core.Audience;

/// <summary>How likely two profiles describe the same person, and why.</summary>
/// <param name="Score">Confidence from 0 to 1; compare with <see cref="IdentityMatcher.ReviewThreshold"/>.</param>
/// <param name="Reasons">Per-field findings shown to the reviewer, e.g. "name 0.97 (first/last swapped)".</param>
public sealed record IdentityMatch(double Score, IReadOnlyList<string> Reasons);
