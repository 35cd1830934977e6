namespace BrandHub.Core.Scheduling;

/// <summary>
/// Delay before retrying a failed delivery or job: exponential backoff with "full jitter", which spreads
/// retries from many failed sends over time instead of hammering a recovering provider in waves.
/// </summary>
public static class RetryBackoff
{
    /// <summary>
    /// <c>delay = jitter01 × min(maxDelay, baseDelay × 2^(attempt−1))</c>, but never below <c>baseDelay / 2</c>
    /// so that a lucky jitter does not retry immediately.
    /// </summary>
    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="baseDelay">Delay scale of the first retry; must not be negative.</param>
    /// <param name="maxDelay">Cap on the exponential growth; must be at least <paramref name="baseDelay"/>.</param>
    /// <param name="jitter01">Random number in [0, 1), supplied by the caller so tests are deterministic.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the ranges above.</exception>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter01)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        if (double.IsNaN(jitter01) || jitter01 < 0 || jitter01 >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter01), jitter01, "Jitter must be in [0, 1).");
        }

        var cap = Ceiling(attempt, baseDelay, maxDelay);
        var jittered = TimeSpan.FromTicks((long)(cap.Ticks * jitter01));
        var floor = TimeSpan.FromTicks(baseDelay.Ticks / 2);
        return jittered < floor ? floor : jittered;
    }

    /// <summary>The upper bound of <see cref="Delay"/> for an attempt: <c>min(maxDelay, baseDelay × 2^(attempt−1))</c>.</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var doublings = attempt - 1;

        // Shift only while it cannot overflow; past that the cap has long been reached.
        if (doublings >= 62 || baseDelay.Ticks > (maxDelay.Ticks >> doublings))
        {
            return maxDelay;
        }

        return TimeSpan.FromTicks(baseDelay.Ticks << doublings);
    }
}
