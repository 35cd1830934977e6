using BrandHub.Core.Identifiers;

namespace BrandHub.Core.Tests.Identifiers;

public class RowIdsTests
{
    [Fact]
    public void Ids_are_version_7_with_the_rfc_variant_and_carry_their_millisecond()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_123_456);
        for (var i = 0; i < 1000; i++)
        {
            var id = RowIds.NewVersion7(at);
            id.Version.ShouldBe(7);
            (id.Variant & 0xC).ShouldBe(0x8);
            var bytes = id.ToByteArray(bigEndian: true);
            var ms = 0L;
            for (var b = 0; b < 6; b++) ms = (ms << 8) | bytes[b];
            ms.ShouldBe(at.ToUnixTimeMilliseconds());
        }
    }

    [Fact]
    public void Ids_sort_by_time_and_do_not_repeat()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
        var ids = Enumerable.Range(0, 50_000).Select(i => RowIds.NewVersion7(start.AddMilliseconds(i / 10))).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        // Across milliseconds the order is the time order (within one millisecond it is random, as RFC 9562 allows).
        for (var i = 10; i < ids.Count; i += 10)
            ids[i - 1].CompareTo(ids[i]).ShouldBeLessThan(0, "Guid ordering follows the leading time bytes");
    }
}
