using BrandHub.Data;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Identity;
using BrandHub.Modules.Audience.Imports;
using BrandHub.Modules.Audience.Privacy;
using BrandHub.Modules.Audience.Suppressions;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Modules.Platform.Auth;
using BrandHub.Modules.Platform.Http;
using BrandHub.Modules.Platform.Jobs;

namespace BrandHub.Modules.Audience;

/// <summary>PRODUCT.md §1: contacts, identity, consent, suppression, GDPR and imports.</summary>
public static class AudienceModule
{
    public static IServiceCollection AddAudience(this IServiceCollection services)
    {
        services.AddScoped<ContactDirectory>();
        services.AddScoped<ContactTimeline>();
        services.AddScoped<IdentityResolver>();
        services.AddScoped<ContactMerger>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<ContactEraser>();
        services.AddScoped<Recipients.RecipientDirectory>();
        services.AddScoped<SuppressionList>();
        services.AddScoped<IJobHandler, ContactImportJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapAudience(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapContacts();
        contacts.MapGet("/{id:guid}/export", async (Guid id, HttpContext http, BrandHubDb db, CancellationToken ct) =>
        {
            if (await ContactEndpoints.FindLiveAsync(db, id, ct) is null) return Problems.NotFound("Contact");
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"contact-{id}.json\"";
            return Results.Json(await ContactExport.BuildAsync(db, id, ct));
        }).RequireAuthorization(Scopes.Policy(Scopes.ContactsRead)).WithSummary("Everything about the person, as JSON (GDPR access / portability)")
          .Produces<ContactExport.ContactExportDocument>().ProducesProblem(404);
        app.MapConsents();
        app.MapSuppressions();
        app.MapIdentity();
        app.MapImports();
        return app;
    }
}
