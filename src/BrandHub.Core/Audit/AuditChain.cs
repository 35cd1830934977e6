using System.Globalization;

namespace BrandHub.Core.Audit;

/// <summary>
/// Tamper-evident audit trail: every link's hash covers the previous link's hash, so altering, removing or
/// reordering any stored entry breaks every hash after it.
/// </summary>
/// <remarks>
/// <para>Exact encoding (operators verify exports offline, so this must not change without a version bump):</para>
/// <para>Every hash is the lowercase hexadecimal SHA-256 of a sequence of string fields, each written as a
/// 4-byte big-endian signed length followed by the field's UTF-8 bytes (a null field is length -1 with no
/// bytes).</para>
/// <para><see cref="PayloadDigest"/> hashes the fields: <c>"brandhub.audit.payload.v1"</c>, beforeJson, afterJson.</para>
/// <para><see cref="ComputeHash"/> hashes the fields, in this order: <c>"brandhub.audit.link.v1"</c>,
/// previousHash, Sequence as invariant decimal digits (e.g. <c>"42"</c>), TenantId in lowercase "D" format
/// (<c>"0f8fad5b-d9cb-469f-a165-70867728950e"</c>), OccurredAt converted to UTC in round-trip "o" format
/// (<c>"2025-03-30T01:00:00.0000000Z"</c>, i.e. <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, 100 ns precision),
/// Actor, Action, EntityType, EntityId, PayloadDigest.</para>
/// <para>Because OccurredAt is hashed to the tick, the stored timestamp must round-trip exactly: truncate it
/// to the database's precision (microseconds for PostgreSQL) before computing the hash.</para>
/// <para>A chain verifies from sequence 1 onwards; truncating the newest links cannot be detected from the
/// links alone, so the host should also keep the latest hash somewhere independent.</para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first link in every chain.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string PayloadDomain = "brandhub.audit.payload.v1";
    private const string LinkDomain = "brandhub.audit.link.v1";

    /// <summary>
    /// Digest of an entry's personal payload; see the class remarks for the encoding. Null and empty
    /// JSON are distinct, as are a value moved from "before" to "after".
    /// </summary>
    public static string PayloadDigest(string? beforeJson, string? afterJson) =>
        CanonicalEncoding.Sha256Hex(PayloadDomain, beforeJson, afterJson);

    /// <summary>Hash of a link given the hash of the link before it; see the class remarks for the encoding.</summary>
    public static string ComputeHash(string previousHash, AuditLink link)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(link);
        return CanonicalEncoding.Sha256Hex(
            LinkDomain,
            previousHash,
            link.Sequence.ToString(CultureInfo.InvariantCulture),
            link.TenantId.ToString("D"),
            link.OccurredAt.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
            link.Actor,
            link.Action,
            link.EntityType,
            link.EntityId,
            link.PayloadDigest);
    }

    /// <summary>Chains a new link after the given previous hash (use <see cref="GenesisHash"/> for sequence 1).</summary>
    public static ChainedAuditLink Seal(string previousHash, AuditLink link) =>
        new(link, previousHash, ComputeHash(previousHash, link));

    /// <summary>
    /// Verifies a whole chain, which must start at sequence 1. Checks, link by link: sequence continuity
    /// (1, 2, 3… without gaps or repeats), one tenant throughout, that the previous hash equals the hash of
    /// the link before (or the genesis hash), and that the stored hash recomputes. Stops at the first
    /// problem and reports its sequence: for a gap or reordering that is the sequence that was expected
    /// next, otherwise the sequence of the offending link.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<ChainedAuditLink> linksInSequenceOrder)
    {
        ArgumentNullException.ThrowIfNull(linksInSequenceOrder);
        var expectedSequence = 1L;
        var previousHash = GenesisHash;
        Guid? tenant = null;

        foreach (var stored in linksInSequenceOrder)
        {
            var problem = Inspect(stored, expectedSequence, previousHash, tenant);
            if (problem is not null)
            {
                return new AuditVerification(false, expectedSequence - 1, expectedSequence, problem);
            }

            tenant = stored.Link.TenantId;
            previousHash = stored.Hash;
            expectedSequence++;
        }

        return new AuditVerification(true, expectedSequence - 1, null, null);
    }

    private static string? Inspect(ChainedAuditLink? stored, long expectedSequence, string previousHash, Guid? tenant)
    {
        if (stored?.Link is null)
        {
            return $"Link for sequence {expectedSequence} is missing its content.";
        }

        var link = stored.Link;
        if (link.Sequence != expectedSequence)
        {
            return link.Sequence > expectedSequence
                ? $"Sequence gap: expected {expectedSequence} but found {link.Sequence}."
                : $"Sequence out of order: expected {expectedSequence} but found {link.Sequence}.";
        }

        if (tenant is { } owner && link.TenantId != owner)
        {
            return $"Sequence {expectedSequence} belongs to tenant {link.TenantId}, not {owner}.";
        }

        if (!string.Equals(stored.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return expectedSequence == 1
                ? "Sequence 1 does not start from the genesis hash."
                : $"Previous hash of sequence {expectedSequence} does not match the hash of sequence {expectedSequence - 1}.";
        }

        return string.Equals(stored.Hash, ComputeHash(stored.PreviousHash, link), StringComparison.Ordinal)
            ? null
            : $"Hash of sequence {expectedSequence} does not match its content: the link was altered.";
    }
}
