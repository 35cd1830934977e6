namespace BrandHub.Modules.Delivery;

/// <summary>Builds history entries; every status change of a delivery gets one.</summary>
public static class DeliveryHistory
{
    public const int MaxDetail = 1000;

    public static DeliveryTransition Entry(Delivery d, string? from, string to, DateTimeOffset at, string? detail) =>
        Entry(d.TenantId, d.Id, from, to, at, detail);

    public static DeliveryTransition Entry(Guid tenantId, Guid deliveryId, string? from, string to, DateTimeOffset at, string? detail) => new()
    {
        TenantId = tenantId, DeliveryId = deliveryId, Id = Guid.CreateVersion7(), FromStatus = from, ToStatus = to,
        At = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()),
        Detail = detail is { Length: > MaxDetail } ? detail[..MaxDetail] : detail,
    };
}
