using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Platform.Http;

/// <summary>
/// Turns what escapes an endpoint into problem details: unreadable or oversized bodies are the client's fault (400/413,
/// with the offending JSON path as the field), a query or route value that does not parse is a validation problem
/// keyed by the parameter, a unique-key race is a 409, anything else is a 500 without internals.
/// </summary>
public sealed partial class ErrorHandling(IProblemDetailsService problems, ILogger<ErrorHandling> log) : IExceptionHandler
{
    /// <summary>The title and type of <see cref="Problems.Validation(IEnumerable{Core.FieldError})"/>, so clients see one kind of validation problem.</summary>
    private const string ValidationTitle = "The request is not valid.";
    private const string ValidationType = "https://brandhub.dev/problems/validation";

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { StatusCode: 413 } => (413, "The request body is too large.", null),
            BadHttpRequestException bad when Find<JsonException>(bad) is { } json => (400, "The request body is not valid JSON for this endpoint.", FieldOf(json)),
            BadHttpRequestException { StatusCode: 400 } bad when ParameterOf(bad) is { } parameter => (400, ValidationTitle, parameter),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message, (Dictionary<string, string[]>?)null),
            JsonException json => (400, "The request body is not valid JSON for this endpoint.", FieldOf(json)),
            DbUpdateException db when IsUniqueViolation(db) => (409, "This conflicts with an existing record.", null),
            OperationCanceledException when ctx.RequestAborted.IsCancellationRequested => (499, "Client closed request.", null),
            _ => (500, "Something went wrong on our side.", null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", ctx.Request.Path);
        else log.LogInformation("Rejected request on {Path}: {Message}", ctx.Request.Path, exception.Message);

        ctx.Response.StatusCode = status;
        var details = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        if (title == ValidationTitle) details.Type = ValidationType;
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

    /// <summary>
    /// A query, route or header value that does not parse (<c>?page=abc</c>, <c>?from=yesterday</c>), or a required one
    /// that is missing, as a field error keyed by the parameter's name (a missing JSON body as <c>body</c>). Minimal APIs
    /// say which only in the message: <c>Failed to bind parameter "int? page" from "abc".</c>,
    /// <c>Required parameter "int page" was not provided from query string.</c>
    /// (BrandHub binds every parameter under its own name; none is renamed with <c>[FromQuery(Name = …)]</c>.)
    /// </summary>
    private static Dictionary<string, string[]>? ParameterOf(BadHttpRequestException bad)
    {
        if (BindFailure().Match(bad.Message) is { Success: true } failed)
            return new() { [failed.Groups["name"].Value] = [ExpectedValue(failed.Groups["type"].Value)] };
        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
            return missing.Groups["source"].Value == "body" ? MissingBody : new() { [missing.Groups["name"].Value] = ["This parameter is required."] };
        if (bad.Message.StartsWith("Implicit body inferred for parameter", StringComparison.Ordinal)) return MissingBody;
        return null;
    }

    private static Dictionary<string, string[]> MissingBody => new() { ["body"] = ["A JSON body is required."] };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*?)\s*(?<name>[^"\s]+)" from """, RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "[^"]*?\s*(?<name>[^"\s]+)" was not provided from (?<source>[^.]+)\.""", RegexOptions.CultureInvariant)]
    private static partial Regex MissingParameter();

    private static string ExpectedValue(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" or "short" or "byte" or "Int32" or "Int64" or "Nullable<int>" or "Nullable<long>" => "Must be a whole number.",
        "decimal" or "double" or "float" => "Must be a number.",
        "bool" or "Boolean" or "Nullable<bool>" => "Must be true or false.",
        "Guid" or "Nullable<Guid>" => "Must be a UUID.",
        "DateTimeOffset" or "DateTime" or "Nullable<DateTimeOffset>" => "Must be a date and time in ISO 8601, e.g. 2026-01-31T00:00:00Z.",
        "DateOnly" => "Must be a date in ISO 8601, e.g. 2026-01-31.",
        _ => "This value is not valid here.",
    };

    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException?.Message is { } m && (m.Contains("UNIQUE constraint failed", StringComparison.Ordinal) || m.Contains("23505", StringComparison.Ordinal)
                                                || m.Contains("duplicate key", StringComparison.Ordinal));
}
