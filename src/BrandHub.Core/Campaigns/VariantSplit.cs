using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BrandHub.Core.Campaigns;

/// <summary>
/// A/B assignment: each contact lands in one variant (or the holdout) by a hash of the step and the contact, so the
/// same contact always gets the same variant — across re-launches, crashes and nodes — and the shares follow the
/// weights. The bucket is persisted on the delivery, which is what winner selection will need later.
/// </summary>
public sealed class VariantSplit
{
    /// <summary>Buckets per split: weights resolve to 1/10,000ths (0.01 %).</summary>
    public const int Buckets = 10_000;

    private readonly (Guid Variant, int UpTo)[] ranges;
    private readonly int holdoutUpTo;

    /// <param name="variants">Variant ids with positive weights (any scale; they are normalised).</param>
    /// <param name="holdoutPercent">0–50: that share receives nothing and is measured as the control group.</param>
    public VariantSplit(IReadOnlyList<(Guid Variant, int Weight)> variants, decimal holdoutPercent = 0)
    {
        if (variants.Count == 0) throw new ArgumentException("A split needs at least one variant.", nameof(variants));
        if (variants.Any(v => v.Weight <= 0)) throw new ArgumentException("Weights must be positive.", nameof(variants));
        if (holdoutPercent is < 0 or > 50) throw new ArgumentOutOfRangeException(nameof(holdoutPercent), "The holdout is 0–50 %.");
        holdoutUpTo = (int)Math.Round(holdoutPercent * Buckets / 100m, MidpointRounding.AwayFromZero);
        var total = variants.Sum(v => (long)v.Weight);
        var span = Buckets - holdoutUpTo;
        ranges = new (Guid, int)[variants.Count];
        long cumulative = 0;
        for (var i = 0; i < variants.Count; i++)
        {
            cumulative += variants[i].Weight;
            ranges[i] = (variants[i].Variant, holdoutUpTo + (int)(cumulative * span / total));
        }
    }

    /// <summary>The variant for a contact, or null for the holdout.</summary>
    public Guid? Assign(Guid stepId, Guid contactId)
    {
        var bucket = Bucket(stepId, contactId);
        if (bucket < holdoutUpTo) return null;
        foreach (var (variant, upTo) in ranges)
            if (bucket < upTo) return variant;
        return ranges[^1].Variant;
    }

    /// <summary>0–9,999, uniform: the first 8 bytes of SHA-256(step ‖ contact) modulo the bucket count.</summary>
    public static int Bucket(Guid stepId, Guid contactId)
    {
        Span<byte> input = stackalloc byte[32];
        stepId.TryWriteBytes(input[..16]);
        contactId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }
}
