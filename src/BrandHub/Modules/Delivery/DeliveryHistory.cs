namespace BrandHub.Modules.Delivery;

/// <summary>Builds history entries; every status change of a delivery gets one.</summary>
public static class DeliveryHistory
{
    public const int MaxDetail = 1000;

    public static DeliveryTransition Entry(Delivery d, string? from, string to, DateTimeOffset at, string? detail) =>
        Entry(d.TenantId, d.Id, from, to, at, detail);

    public static DeliveryTransition Entry(Guid tenantId, Guid deliveryId, string? from, string to, DateTimeOffset at, string? detail) => new()
    {
        TenantId = tenantId, DeliveryId = deliveryId, Id = Core.Identifiers.RowIds.NewVersion7(at), FromStatus = from, ToStatus = to,
        At = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()),
        Detail = detail is { Length: > MaxDetail } ? detail[..MaxDetail] : detail,
    };

    /// <summary>
    /// A delivery's history in the order it happened. Entries written by different nodes within one millisecond tie on
    /// their time, so ties are put in the order that chains: each entry starts from the status the previous one reached.
    /// </summary>
    public static IReadOnlyList<DeliveryTransition> InOrder(IEnumerable<DeliveryTransition> entries)
    {
        var ordered = new List<DeliveryTransition>();
        string? reached = null;
        foreach (var tie in entries.OrderBy(t => t.At).ThenBy(t => t.Id).GroupBy(t => t.At))
        {
            var pending = tie.ToList();
            while (pending.Count > 0)
            {
                var next = pending.FirstOrDefault(t => t.FromStatus == reached) ?? pending[0];
                pending.Remove(next);
                ordered.Add(next);
                reached = next.ToStatus;
            }
        }
        return ordered;
    }
}
