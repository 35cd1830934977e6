using BrandHub.Core.Audience;
using BrandHub.Data;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;

namespace BrandHub.Modules.Audience.Consents;

public static class ConsentEndpoints
{
    /// <param name="Source">Where the request came from (up to 100 characters); <c>api</c> when absent.</param>
    /// <param name="Proof">Evidence of the request, if any.</param>
    public sealed record GlobalUnsubscribeRequest(string? Source = null, ConsentProof? Proof = null);

    public static IEndpointRouteBuilder MapConsents(this IEndpointRouteBuilder app)
    {
        var consents = app.MapGroup("/api/v1/contacts/{id:guid}").WithTags("Consent");

        consents.MapGet("/consents", async (Guid id, BrandHubDb db, ConsentLedger ledger, CancellationToken ct) =>
            await ContactEndpoints.FindLiveAsync(db, id, ct) is { } c ? Results.Ok(await ledger.ViewAsync(c, ct)) : Problems.NotFound("Contact"))
            .RequireAuthorization(Scopes.Policy(Scopes.ContactsRead))
            .WithSummary("Consent per channel with its evidence, and the full history").Produces<ConsentLedger.ConsentsView>().ProducesProblem(404);

        consents.MapPut("/consents", async (Guid id, ConsentChange body, BrandHubDb db, ConsentLedger ledger, CancellationToken ct) =>
        {
            var contact = await ContactEndpoints.FindLiveAsync(db, id, ct, track: true);
            if (contact is null) return Problems.NotFound("Contact");
            var errors = ledger.Change(contact, body);
            if (errors.Count > 0) return Problems.Validation(errors);
            await db.SaveChangesAsync(ct);
            return Results.Ok(await ledger.ViewAsync(contact, ct));
        }).RequireAuthorization(Scopes.Policy(Scopes.ConsentsWrite))
          .WithSummary("Record a consent decision on one channel (opted_in needs a legal basis; on basis consent, proof)")
          .Produces<ConsentLedger.ConsentsView>().ProducesValidationProblem().ProducesProblem(404);

        consents.MapPost("/global-unsubscribe", async (Guid id, GlobalUnsubscribeRequest? body, BrandHubDb db, ConsentLedger ledger, CancellationToken ct) =>
        {
            var contact = await ContactEndpoints.FindLiveAsync(db, id, ct, track: true);
            if (contact is null) return Problems.NotFound("Contact");
            if (body?.Source is { Length: > 100 }) return Problems.Validation("source", "At most 100 characters.");
            ledger.SetGlobalUnsubscribe(contact, true, body?.Source ?? "api", body?.Proof);
            await db.SaveChangesAsync(ct);
            return Results.Ok(await ledger.ViewAsync(contact, ct));
        }).RequireAuthorization(Scopes.Policy(Scopes.ConsentsWrite)).WithSummary("Unsubscribe the contact from all marketing")
          .Produces<ConsentLedger.ConsentsView>().ProducesValidationProblem().ProducesProblem(404);

        consents.MapDelete("/global-unsubscribe", async (Guid id, BrandHubDb db, ConsentLedger ledger, CancellationToken ct) =>
        {
            var contact = await ContactEndpoints.FindLiveAsync(db, id, ct, track: true);
            if (contact is null) return Problems.NotFound("Contact");
            ledger.SetGlobalUnsubscribe(contact, false, "api", null);
            await db.SaveChangesAsync(ct);
            return Results.Ok(await ledger.ViewAsync(contact, ct));
        }).RequireAuthorization(Scopes.Policy(Scopes.ConsentsWrite)).WithSummary("Lift a global unsubscribe (per-channel consents apply again)")
          .Produces<ConsentLedger.ConsentsView>().ProducesProblem(404);

        return app;
    }
}
