using System.Text.Json;
using System.Text.Json.Serialization;
using BrandHub.Data;
using Microsoft.AspNetCore.Http.Json;

namespace BrandHub.Modules.Platform.Http;

public static class HttpConventions
{
    /// <summary>Default JSON body limit; endpoints taking uploads raise their own.</summary>
    public const long MaxJsonBody = 1 * 1024 * 1024;

    public static IServiceCollection AddBrandHubHttp(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            if (c.HttpContext.Items["CorrelationId"] is string id) c.ProblemDetails.Extensions["correlationId"] = id;
        });
        services.AddExceptionHandler<ErrorHandling>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
            // A number is a JSON number: "12" for an int is a 400 with a field error, and the OpenAPI document types
            // integers as "integer" (the web defaults read numbers from strings and publish ["integer","string"]).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k =>
        {
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024; // uploads; JSON endpoints are held to MaxJsonBody below
            k.AddServerHeader = false;
        });
        return services;
    }

    /// <summary>Correlation id, log scope with tenant, security headers, and the JSON body limit.</summary>
    public static IApplicationBuilder UseBrandHubRequestContext(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var correlationId = ctx.Request.Headers["X-Correlation-Id"].FirstOrDefault() is { Length: > 0 and <= 100 } given ? given : ctx.TraceIdentifier;
        ctx.Items["CorrelationId"] = correlationId;
        var headers = ctx.Response.Headers;
        headers["X-Correlation-Id"] = correlationId;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (!ctx.Request.Path.StartsWithSegments("/api-docs"))
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

        if (ctx.Request.HasJsonContentType() && ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxJsonBody;

        var log = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BrandHub.Request");
        using (log.BeginScope(new Dictionary<string, object?> { ["CorrelationId"] = correlationId }))
            await next();
    });

    /// <summary>Adds the tenant to the log scope once the caller is known.</summary>
    public static IApplicationBuilder UseTenantLogScope(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var tenant = ctx.RequestServices.GetRequiredService<TenantScope>().TenantId;
        if (tenant is null) { await next(); return; }
        var log = ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BrandHub.Request");
        using (log.BeginScope(new Dictionary<string, object?> { ["TenantId"] = tenant }))
            await next();
    });
}
