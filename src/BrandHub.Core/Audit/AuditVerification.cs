namespace BrandHub.Core.Audit;

/// <summary>Result of <see cref="AuditChain.Verify"/>.</summary>
/// <param name="Valid">Whether every link checked out.</param>
/// <param name="Checked">How many links verified intact (all of them when valid; those before the break otherwise).</param>
/// <param name="FirstBrokenSequence">The first sequence number that can no longer be trusted, or null when valid.</param>
/// <param name="Reason">Why that sequence is broken, or null when valid.</param>
public sealed record AuditVerification(bool Valid, long Checked, long? FirstBrokenSequence, string? Reason);
