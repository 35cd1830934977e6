using BrandHub.Core;

namespace BrandHub.Modules.Platform.Http;

/// <summary>One page of a list, with the total so clients can show "1–25 of 4,210".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>Serialised as <c>page</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("page")] public int PageNumber { get; init; } = PageNumber;
}

/// <summary>Page query parameters shared by every list: <c>page</c> (1-based) and <c>pageSize</c> (1–200, default 25).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;
    public int Skip => (Page - 1) * PageSize;

    public static PageRequest From(int? page, int? pageSize, ICollection<FieldError> errors)
    {
        var p = page ?? 1;
        var s = pageSize ?? 25;
        if (p < 1) errors.Add(new FieldError("page", "Page starts at 1."));
        if (s < 1 || s > MaxPageSize) errors.Add(new FieldError("pageSize", $"Page size must be between 1 and {MaxPageSize}."));
        return new PageRequest(Math.Max(p, 1), Math.Clamp(s, 1, MaxPageSize));
    }
}
