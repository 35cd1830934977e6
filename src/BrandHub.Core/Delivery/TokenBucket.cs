namespace BrandHub.Core.Delivery;

/// <summary>
/// A provider's rate limit: <see cref="RatePerSecond"/> tokens a second, up to <see cref="Capacity"/> saved for a burst.
/// <see cref="Reserve"/> may go into debt, so a batch larger than the burst waits for its share instead of never fitting;
/// the next caller then waits for the debt to be paid. Thread-safe; the clock is injected so tests control time.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private double tokens;
    private long lastTicks;

    /// <param name="ratePerSecond">Refill rate; must be above zero.</param>
    /// <param name="capacity">Largest burst; at least 1.</param>
    public TokenBucket(double ratePerSecond, double capacity, TimeProvider clock)
    {
        if (double.IsNaN(ratePerSecond) || ratePerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be above zero.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.clock = clock;
        RatePerSecond = ratePerSecond;
        Capacity = capacity;
        tokens = capacity;
        lastTicks = clock.GetUtcNow().UtcTicks;
    }

    public double RatePerSecond { get; }

    public double Capacity { get; }

    /// <summary>Takes <paramref name="count"/> tokens if they are there now; otherwise takes nothing.</summary>
    public bool TryTake(int count = 1)
    {
        lock (gate)
        {
            Refill();
            if (tokens < count)
            {
                return false;
            }

            tokens -= count;
            return true;
        }
    }

    /// <summary>Takes <paramref name="count"/> tokens now, into debt if need be; returns how long to wait before using them.</summary>
    public TimeSpan Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            Refill();
            tokens -= count;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / RatePerSecond);
        }
    }

    /// <summary>
    /// Like <see cref="Reserve"/>, but only when the wait would be at most <paramref name="maxWait"/>; otherwise takes
    /// nothing (the caller defers the work rather than hold a lease while it waits).
    /// </summary>
    public bool TryReserve(int count, TimeSpan maxWait, out TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            Refill();
            var after = tokens - count;
            wait = after >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-after / RatePerSecond);
            if (wait > maxWait)
            {
                return false;
            }

            tokens = after;
            return true;
        }
    }

    /// <summary>Tokens available now (negative while in debt).</summary>
    public double Available
    {
        get
        {
            lock (gate)
            {
                Refill();
                return tokens;
            }
        }
    }

    private void Refill()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (now <= lastTicks)
        {
            return; // a clock that stands still (or steps back) adds nothing
        }

        tokens = Math.Min(Capacity, tokens + (RatePerSecond * (now - lastTicks) / TimeSpan.TicksPerSecond));
        lastTicks = now;
    }
}
