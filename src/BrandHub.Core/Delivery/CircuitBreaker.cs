namespace BrandHub.Core.Delivery;

public enum CircuitState
{
    /// <summary>Sending normally.</summary>
    Closed,

    /// <summary>The provider is failing: nothing is sent until <see cref="CircuitBreaker.RetryAt"/>.</summary>
    Open,

    /// <summary>The pause is over: one trial send decides whether to close again or reopen.</summary>
    HalfOpen,
}

/// <summary>
/// Stops hammering a failing provider: after <see cref="FailureThreshold"/> failures in a row the circuit opens and sends
/// are deferred for <see cref="OpenFor"/>; then one trial is let through (half-open) — success closes the circuit, failure
/// opens it again. Only provider-wide failures count (connection refused, 4xx greetings, timeouts, HTTP 5xx/429), never
/// one recipient's rejection. Thread-safe; the clock is injected.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private int failures;
    private bool trialInFlight;
    private DateTimeOffset openedAt;

    public CircuitBreaker(int failureThreshold, TimeSpan openFor, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(openFor, TimeSpan.Zero);
        FailureThreshold = failureThreshold;
        OpenFor = openFor;
        this.clock = clock;
    }

    public int FailureThreshold { get; }

    public TimeSpan OpenFor { get; }

    /// <summary>The state now (an open circuit whose pause is over reads as half-open).</summary>
    public CircuitState State
    {
        get
        {
            lock (gate)
            {
                return Current();
            }
        }
    }

    /// <summary>When an open circuit lets the next trial through.</summary>
    public DateTimeOffset RetryAt
    {
        get
        {
            lock (gate)
            {
                return openedAt + OpenFor;
            }
        }
    }

    /// <summary>
    /// Whether a send may go now. In half-open state only the first caller gets true (the trial) until it reports back.
    /// </summary>
    public bool TryAcquire()
    {
        lock (gate)
        {
            switch (Current())
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !trialInFlight:
                    trialInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Gives back an acquired send that was not made after all (no verdict on the provider).</summary>
    public void Release()
    {
        lock (gate)
        {
            trialInFlight = false;
        }
    }

    public void RecordSuccess()
    {
        lock (gate)
        {
            failures = 0;
            trialInFlight = false;
        }
    }

    public void RecordFailure()
    {
        lock (gate)
        {
            var wasTrial = trialInFlight;
            trialInFlight = false;
            failures++;
            if (wasTrial || failures >= FailureThreshold)
            {
                openedAt = clock.GetUtcNow();
                failures = Math.Max(failures, FailureThreshold); // stays open until a success
            }
        }
    }

    private CircuitState Current() =>
        failures < FailureThreshold ? CircuitState.Closed
        : clock.GetUtcNow() < openedAt + OpenFor ? CircuitState.Open
        : CircuitState.HalfOpen;
}
