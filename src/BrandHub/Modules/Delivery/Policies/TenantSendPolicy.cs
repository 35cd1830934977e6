using BrandHub.Core.Delivery;

namespace BrandHub.Modules.Delivery.Policies;

/// <summary>A tenant's defaults as the policy check needs them: its frequency cap, quiet hours and time zone.</summary>
public sealed record TenantSendPolicy(FrequencyCap? Cap, QuietHours? Quiet, TimeZoneInfo Zone)
{
    public static TenantSendPolicy From(DeliveryPolicy? row, string? tenantZone) => new(
        row is { FrequencyCapMax: { } max, FrequencyCapWindowMinutes: { } minutes } ? new FrequencyCap(max, TimeSpan.FromMinutes(minutes)) : null,
        row is { QuietHoursStartMinute: { } start, QuietHoursEndMinute: { } end } && start != end
            ? new QuietHours(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end))) : null,
        ZoneOrUtc(tenantZone));

    /// <summary>An IANA zone, or UTC for a missing or unknown one (a contact's zone is free text from imports).</summary>
    public static TimeZoneInfo ZoneOrUtc(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
