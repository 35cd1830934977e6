namespace BrandHub.Modules.Audience;

public static class AudienceClock
{
    /// <summary>
    /// Now, in whole milliseconds: the precision both databases store exactly (SQLite keeps Unix milliseconds), so what a
    /// response reports (createdAt, updatedAt, consent times) is what a later read returns.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
