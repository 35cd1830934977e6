using BrandHub.Core;

namespace BrandHub.Modules.Analytics.Reports;

/// <summary>
/// The [from, to) a report covers — the last 30 days when not given — and the period just before it of the same
/// length, which every change is measured against.
/// </summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30), MaxLength = TimeSpan.FromDays(366);

    public ReportPeriod Previous => new(From - (To - From), From);

    public static ReportPeriod Read(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, List<FieldError> errors)
    {
        var end = (to ?? now).ToUniversalTime();
        var start = (from ?? end - DefaultLength).ToUniversalTime();
        if (start >= end) errors.Add(new("from", "The period starts before it ends."));
        else if (end - start > MaxLength) errors.Add(new("from", $"At most {MaxLength.Days} days at a time."));
        return new ReportPeriod(start, end);
    }
}
