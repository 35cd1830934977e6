namespace BrandHub.Core.Scheduling;

/// <summary>The shape of one cron field: its name in error messages, value range and optional names.</summary>
/// <param name="Name">Name used in error messages, e.g. "day-of-week".</param>
/// <param name="Min">Smallest allowed number.</param>
/// <param name="Max">Largest allowed number.</param>
/// <param name="Names">Three-letter names (JAN…, SUN…), or null when the field takes numbers only.</param>
/// <param name="NameBase">Value of the first name (JAN = 1, SUN = 0).</param>
internal sealed record CronFieldKind(string Name, int Min, int Max, string[]? Names, int NameBase);
