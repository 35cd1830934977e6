using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Tracking;
using BrandHub.Data;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>The tracked events as stored — what a site sends, and how each visit was classified — newest first, for checking a tracking setup.</summary>
public static class TrackEventEndpoints
{
    public sealed record TrackEventView(Guid Id, string EventId, string Type, string Name, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt,
        string? AnonymousId, Guid? ContactId, string? Url, string? Referrer, string Channel, string Source,
        string? UtmSource, string? UtmMedium, string? UtmCampaign, string? UtmTerm, string? UtmContent, string? ClickKind, string? ClickId, Guid? DeliveryId,
        decimal? Revenue, string? Currency, string? OrderId, JsonElement Properties);

    public static IEndpointRouteBuilder MapTrackEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tracking/events", async (string? type, string? channel, string? anonymousId, Guid? contactId, string? orderId,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, BrandHubDb db, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var paging = PageRequest.From(page, pageSize, errors);
            if (type is not null && !TrackEventTypes.All.Contains(type)) errors.Add(new("type", $"One of {string.Join(", ", TrackEventTypes.All)}."));
            if (channel is not null && !TouchChannels.All.Contains(channel)) errors.Add(new("channel", $"One of {string.Join(", ", TouchChannels.All)}."));
            if (from > to) errors.Add(new("to", "The end comes after the start."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var query = db.Set<TrackEvent>().AsNoTracking();
            if (type is not null) query = query.Where(e => e.Type == type);
            if (channel is not null) query = query.Where(e => e.Channel == channel);
            if (anonymousId is not null) query = query.Where(e => e.AnonymousId == anonymousId);
            if (contactId is not null) query = query.Where(e => e.ContactId == contactId);
            if (orderId is not null) query = query.Where(e => e.OrderId == orderId);
            if (from is not null) query = query.Where(e => e.OccurredAt >= from);
            if (to is not null) query = query.Where(e => e.OccurredAt < to);
            var total = await query.CountAsync(ct);
            var rows = await query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
            return Results.Ok(new Page<TrackEventView>(rows.Select(View).ToList(), paging.Page, paging.PageSize, total));
        }).RequireAuthorization(Scopes.Policy(Scopes.AnalyticsRead)).WithTags("Tracking")
          .WithSummary("Tracked events, newest first; filter by type, channel, anonymousId, contactId, orderId and time [from, to)")
          .Produces<Page<TrackEventView>>().ProducesValidationProblem();
        return app;
    }

    private static TrackEventView View(TrackEvent e) => new(e.Id, e.EventId, e.Type, e.Name, e.OccurredAt, e.ReceivedAt, e.AnonymousId, e.ContactId,
        e.Url, e.Referrer, e.Channel, e.Source, e.UtmSource, e.UtmMedium, e.UtmCampaign, e.UtmTerm, e.UtmContent, e.ClickKind, e.ClickId, e.DeliveryId,
        e.Revenue, e.Currency, e.OrderId, JsonDocument.Parse(e.PropertiesJson).RootElement.Clone());
}
