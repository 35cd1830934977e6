using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Http;

/// <summary>
/// Turns what escapes an endpoint into problem details: unreadable or oversized bodies are the client's fault (400/413,
/// with the offending JSON path as the field), a unique-key race is a 409, anything else is a 500 without internals.
/// </summary>
public sealed class ErrorHandling(IProblemDetailsService problems, ILogger<ErrorHandling> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "The request body is too large.", null),
            BadHttpRequestException bad when Find<JsonException>(bad) is { } json => (400, "The request body is not valid JSON for this endpoint.", FieldOf(json)),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, (Dictionary<string, string[]>?)null),
            JsonException json => (400, "The request body is not valid JSON for this endpoint.", FieldOf(json)),
            DbUpdateException db when IsUniqueViolation(db) => (409, "This conflicts with an existing record.", null),
            OperationCanceledException when ctx.RequestAborted.IsCancellationRequested => (499, "Client closed request.", null),
            _ => (500, "Something went wrong on our side.", null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", ctx.Request.Path);
        else log.LogInformation("Rejected request on {Path}: {Message}", ctx.Request.Path, exception.Message);

        ctx.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (errors is not null) details.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = details, Exception = exception });
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException) if (x is T t) return t;
        return null;
    }

    private static Dictionary<string, string[]> FieldOf(JsonException json)
    {
        // "$.consents.email" -> "consents.email"; "$" -> "body"
        var path = json.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "body";
        var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "This value has the wrong type." : "The JSON is malformed here.";
        return new() { [path.Length == 0 ? "body" : path] = [message] };
    }

    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message is { } m && (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || m.Contains("23505", StringComparison.Ordinal)
                                                || m.Contains("duplicate key", StringComparison.Ordinal));
}
