namespace BrandHub.Core.Delivery;

/// <summary>At most <paramref name="MaxMessages"/> marketing messages per contact per channel in any rolling <paramref name="Window"/>.</summary>
public sealed record FrequencyCap(int MaxMessages, TimeSpan Window)
{
    /// <summary>Largest accepted window: a year. Longer windows would make the count query scan a contact's whole history.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>Field errors for a cap read from input (<paramref name="prefix"/> names the field, e.g. <c>frequencyCap</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(int? maxMessages, double? windowHours, string prefix)
    {
        var errors = new List<FieldError>();
        if (maxMessages is null or < 1 or > 10_000)
        {
            errors.Add(new($"{prefix}.maxMessages", "A whole number from 1 to 10000."));
        }

        if (windowHours is null || double.IsNaN(windowHours.Value) || windowHours <= 0 || windowHours > MaxWindow.TotalHours)
        {
            errors.Add(new($"{prefix}.windowHours", $"A number of hours above 0 and at most {MaxWindow.TotalHours}."));
        }

        return errors;
    }
}
