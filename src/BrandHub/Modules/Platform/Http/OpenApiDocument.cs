using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BrandHub.Modules.Platform.Http;

/// <summary>The OpenAPI document's title and the two ways to authenticate (bearer token, API key).</summary>
public sealed class OpenApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument doc, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        doc.Info = new OpenApiInfo
        {
            Title = "BrandHub API", Version = "v1",
            Description = "Plan, execute and measure marketing across every channel. Errors are RFC 9457 problem details; " +
                          "lists take page and pageSize and return items, page, pageSize and total.",
        };
        doc.Servers?.Clear(); // same origin as the document: no host-specific URL in the committed copy
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "A token from POST /api/v1/auth/token (or from the configured OIDC issuer).",
        };
        doc.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
            Description = "A tenant API key (bh_…), created in Settings → API keys.",
        };
        doc.Security ??= [];
        doc.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] });
        doc.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", doc)] = [] });
        return Task.CompletedTask;
    }
}
