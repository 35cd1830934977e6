using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Segments.Events;

/// <summary>A minimal ingest of what contacts did, so event criteria work before tracking exists.</summary>
public static class ContactEventEndpoints
{
    public static IEndpointRouteBuilder MapContactEvents(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/v1/contacts").WithTags("Contacts");
        var write = Scopes.Policy(Scopes.ContactsWrite);

        contacts.MapPost("/{id:guid}/events", async (Guid id, ContactEventInput body, ContactEventIngest ingest, CancellationToken ct) =>
        {
            var (events, errors) = await ingest.IngestAsync([("", body with { ContactId = id, Email = null })], ct);
            if (errors.Count > 0)
                return errors.Any(e => e.Field == "contactId") ? Problems.NotFound("Contact") : Problems.Validation(errors);
            return Results.Created($"/api/v1/contacts/{id}/events/{events[0].Id}", ContactEventIngest.View(events[0]));
        }).RequireAuthorization(write)
          .WithSummary("Record something the contact did (name, occurredAt, properties, revenue, currency); purchase events count as orders and revenue in the contact's metrics")
          .Produces<ContactEventView>(201).ProducesValidationProblem().ProducesProblem(404);

        contacts.MapPost("/events", async (ContactEventBatch body, ContactEventIngest ingest, CancellationToken ct) =>
        {
            if (body.Events is not { Count: > 0 and <= ContactEventIngest.MaxBatch })
                return Problems.Validation("events", $"Between 1 and {ContactEventIngest.MaxBatch} events.");
            var (events, errors) = await ingest.IngestAsync(body.Events.Select((e, i) => ($"events[{i}].", e)).ToList(), ct);
            return errors.Count > 0 ? Problems.Validation(errors) : Results.Ok(new ContactEventBatchResult(events.Count));
        }).RequireAuthorization(write)
          .WithSummary("Record up to 1000 events at once, each naming its contact by contactId or email; all or nothing (errors keyed events[i].field)")
          .Produces<ContactEventBatchResult>().ProducesValidationProblem();
        return app;
    }
}
