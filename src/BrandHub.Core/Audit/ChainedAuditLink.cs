namespace BrandHub.Core.Audit;

/// <summary>An audit link as stored: its content, the hash of the link before it, and its own hash.</summary>
/// <param name="Link">The hashed content.</param>
/// <param name="PreviousHash">Hash of the previous link, or <see cref="AuditChain.GenesisHash"/> for sequence 1.</param>
/// <param name="Hash"><see cref="AuditChain.ComputeHash"/> of <paramref name="PreviousHash"/> and <paramref name="Link"/>.</param>
public sealed record ChainedAuditLink(AuditLink Link, string PreviousHash, string Hash);
