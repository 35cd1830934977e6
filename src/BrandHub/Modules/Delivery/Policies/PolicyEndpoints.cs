using BrandHub.Core;
using BrandHub.Core.Delivery;
using BrandHub.Data;
using BrandHub.Modules.Delivery.Messages;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Delivery.Policies;

public static class PolicyEndpoints
{
    /// <param name="FrequencyCap">Default cap on marketing messages per contact per channel; null for none.</param>
    /// <param name="QuietHours">Marketing held in each contact's local time, e.g. <c>{"start":"21:00","end":"08:00"}</c>; null for none.</param>
    public sealed record PolicySettings(FrequencyCapInput? FrequencyCap, QuietHoursInput? QuietHours);
    /// <param name="Start">HH:mm, inclusive.</param>
    /// <param name="End">HH:mm, exclusive; may be earlier than start (the window wraps past midnight).</param>
    public sealed record QuietHoursInput(string? Start, string? End);

    public static IEndpointRouteBuilder MapDeliveryPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliveries/policies").WithTags("Deliveries");

        group.MapGet("/", async (BrandHubDb db, CancellationToken ct) => Results.Ok(View(await db.Set<DeliveryPolicy>().AsNoTracking().FirstOrDefaultAsync(ct))))
            .RequireAuthorization(Scopes.Policy(Scopes.DeliveriesRead)).WithSummary("The tenant's default frequency cap and quiet hours").Produces<PolicySettings>();

        group.MapPut("/", async (PolicySettings body, BrandHubDb db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.FrequencyCap is { } f) errors.AddRange(Core.Delivery.FrequencyCap.Validate(f.MaxMessages, f.WindowHours, "frequencyCap"));
            TimeOnly start = default, end = default;
            if (body.QuietHours is { } q)
            {
                if (!QuietHours.TryParseTime(q.Start, out start)) errors.Add(new("quietHours.start", "A time as HH:mm, e.g. 21:00."));
                if (!QuietHours.TryParseTime(q.End, out end)) errors.Add(new("quietHours.end", "A time as HH:mm, e.g. 08:00."));
                else if (errors.Count == 0 && start == end) errors.Add(new("quietHours.end", "Must differ from start."));
            }
            if (errors.Count > 0) return Problems.Validation(errors);
            var row = await db.Set<DeliveryPolicy>().FirstOrDefaultAsync(ct);
            var before = View(row);
            if (row is null) db.Add(row = new DeliveryPolicy { TenantId = db.Scope.RequiredTenantId });
            row.FrequencyCapMax = body.FrequencyCap?.MaxMessages;
            row.FrequencyCapWindowMinutes = body.FrequencyCap is { WindowHours: { } h } ? (int)Math.Max(1, Math.Round(h * 60)) : null;
            row.QuietHoursStartMinute = body.QuietHours is null ? null : (int)start.ToTimeSpan().TotalMinutes;
            row.QuietHoursEndMinute = body.QuietHours is null ? null : (int)end.ToTimeSpan().TotalMinutes;
            row.UpdatedAt = clock.GetUtcNow();
            audit.Record("delivery_policy.changed", "delivery_policy", row.TenantId.ToString(), before, View(row));
            await db.SaveChangesAsync(ct);
            return Results.Ok(View(row));
        }).RequireAuthorization(Scopes.Policy(Scopes.DeliveriesManage)).WithSummary("Set the tenant's default frequency cap and quiet hours")
          .Produces<PolicySettings>().ProducesValidationProblem();
        return app;
    }

    private static PolicySettings View(DeliveryPolicy? p) => new(
        p is { FrequencyCapMax: { } max, FrequencyCapWindowMinutes: { } m } ? new FrequencyCapInput(max, m / 60.0) : null,
        p is { QuietHoursStartMinute: { } s, QuietHoursEndMinute: { } e } ? new QuietHoursInput(Time(s), Time(e)) : null);

    private static string Time(int minutes) => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
