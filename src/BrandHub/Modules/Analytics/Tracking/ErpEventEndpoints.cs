using System.Text.Json;
using BrandHub.Core;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Analytics.Tracking;

/// <summary>
/// Business events from the ERP. <c>sales.order.created</c> becomes a <c>purchase</c> conversion with the order's
/// revenue, stored once per event id (the ERP's, else the order id), so a re-sent webhook counts once.
/// </summary>
public static class ErpEventEndpoints
{
    public const string OrderCreated = "sales.order.created";
    public static readonly IReadOnlyList<string> Supported = [OrderCreated];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ErpCustomer(Guid? ContactId, string? Email, string? ExternalId, string? ExternalSource);
    public sealed record ErpOrder(string? OrderId, decimal? Total, string? Currency, ErpCustomer? Customer, string? AnonymousId, JsonElement? Items);
    /// <param name="Id">The ERP's id for the event: the same id again is stored once.</param>
    public sealed record ErpEvent(string? Id, string? Type, DateTimeOffset? OccurredAt, ErpOrder? Data);

    public static IEndpointRouteBuilder MapErpEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", async (ErpEvent body, TrackIngest ingest, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            if (body.Type is not { } type || !Supported.Contains(type)) errors.Add(new("type", $"One of {string.Join(", ", Supported)}."));
            var order = body.Data;
            if (order is null) errors.Add(new("data", "The order: orderId, total, currency and customer."));
            else if (string.IsNullOrWhiteSpace(order.OrderId)) errors.Add(new("data.orderId", "The order's id."));
            if (errors.Count > 0) return Problems.Validation(errors);

            var purchase = JsonSerializer.SerializeToElement(new
            {
                eventId = string.IsNullOrWhiteSpace(body.Id) ? $"{OrderCreated}:{order!.OrderId!.Trim()}" : body.Id.Trim(),
                type = TrackEventTypes.Purchase, timestamp = body.OccurredAt, anonymousId = order!.AnonymousId,
                contactId = order.Customer?.ContactId, email = order.Customer?.Email, externalId = order.Customer?.ExternalId,
                externalSource = order.Customer?.ExternalSource, revenue = order.Total, currency = order.Currency, orderId = order.OrderId,
                properties = new { source = "erp", erpEvent = OrderCreated, items = order.Items },
            }, Json);
            var result = await ingest.IngestAsync([purchase], null, [], ct);
            var outcome = result.Events[0];
            if (outcome.Status == "rejected")
                return Problems.Validation(outcome.Errors!.SelectMany(f => f.Value.Select(m => new FieldError(ErpField(f.Key), m))));
            return Results.Ok(outcome);
        }).RequireAuthorization(Scopes.Policy(Scopes.EventsTrack)).WithTags("Tracking")
          .WithSummary("An ERP business event; sales.order.created becomes a purchase conversion (revenue = total), once per event id")
          .Produces<TrackEventResult>().ProducesValidationProblem();
        return app;
    }

    /// <summary>Errors in the ERP's own field names.</summary>
    private static string ErpField(string trackField) => trackField switch
    {
        "revenue" => "data.total", "currency" => "data.currency", "orderId" => "data.orderId", "timestamp" => "occurredAt", "eventId" => "id",
        "contactId" => "data.customer.contactId", "email" => "data.customer.email", "externalId" => "data.customer.externalId",
        "externalSource" => "data.customer.externalSource", "anonymousId" => "data.customer", _ => "data." + trackField,
    };
}
