using BrandHub.Core;

namespace BrandHub.Modules.Platform.Http;

/// <summary>RFC 9457 problem responses in BrandHub's shapes.</summary>
public static class Problems
{
    public static IResult Validation(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
            title: "The request is not valid.", type: "https://brandhub.dev/problems/validation");

    public static IResult Validation(string field, string message) => Validation([new FieldError(field, message)]);

    public static IResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} not found.", statusCode: StatusCodes.Status404NotFound, type: "https://brandhub.dev/problems/not-found");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict.", detail: detail, statusCode: StatusCodes.Status409Conflict, type: "https://brandhub.dev/problems/conflict");
}
