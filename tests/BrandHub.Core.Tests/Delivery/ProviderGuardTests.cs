using BrandHub.Core.Delivery;

namespace BrandHub.Core.Tests.Delivery;

public class TokenBucketTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void A_full_bucket_allows_a_burst_then_refills_at_the_rate()
    {
        var clock = new Clock();
        var bucket = new TokenBucket(ratePerSecond: 10, capacity: 5, clock);
        Enumerable.Range(0, 5).All(_ => bucket.TryTake()).ShouldBeTrue();
        bucket.TryTake().ShouldBeFalse();
        clock.Now += TimeSpan.FromMilliseconds(100);
        bucket.TryTake().ShouldBeTrue();
        bucket.TryTake().ShouldBeFalse();
        clock.Now += TimeSpan.FromHours(1);
        bucket.Available.ShouldBe(5); // never more than the capacity
    }

    [Fact]
    public void Reserving_more_than_is_there_says_how_long_to_wait_and_the_next_caller_pays_the_debt()
    {
        var clock = new Clock();
        var bucket = new TokenBucket(100, 100, clock);
        bucket.Reserve(100).ShouldBe(TimeSpan.Zero);
        bucket.Reserve(50).ShouldBe(TimeSpan.FromSeconds(0.5));
        bucket.Reserve(50).ShouldBe(TimeSpan.FromSeconds(1));
        clock.Now += TimeSpan.FromSeconds(1);
        bucket.Reserve(1).TotalSeconds.ShouldBe(0.01, 1e-9);
    }

    [Fact]
    public void A_reservation_that_would_wait_too_long_takes_nothing()
    {
        var clock = new Clock();
        var bucket = new TokenBucket(10, 10, clock);
        bucket.TryReserve(30, TimeSpan.FromSeconds(1), out var wait).ShouldBeFalse();
        wait.ShouldBe(TimeSpan.FromSeconds(2));
        bucket.Available.ShouldBe(10);
        bucket.TryReserve(15, TimeSpan.FromSeconds(1), out wait).ShouldBeTrue();
        wait.ShouldBe(TimeSpan.FromSeconds(0.5));
        bucket.Available.ShouldBe(-5);
    }

    [Fact]
    public void Over_any_long_run_the_rate_is_kept()
    {
        // Property: whatever the request sizes, tokens handed out by time T never exceed capacity + rate × T.
        var clock = new Clock();
        var bucket = new TokenBucket(50, 20, clock);
        var random = new Random(3);
        double granted = 0, elapsed = 0;
        for (var i = 0; i < 5000; i++)
        {
            var step = random.NextDouble() * 0.05;
            clock.Now += TimeSpan.FromSeconds(step);
            elapsed += step;
            var n = random.Next(1, 8);
            if (bucket.TryTake(n)) granted += n;
            granted.ShouldBeLessThanOrEqualTo(20 + (50 * elapsed) + 1e-6);
        }

        granted.ShouldBeGreaterThan(50 * elapsed * 0.9);
    }

    [Fact]
    public void A_clock_that_steps_back_adds_no_tokens()
    {
        var clock = new Clock();
        var bucket = new TokenBucket(10, 1, clock);
        bucket.TryTake().ShouldBeTrue();
        clock.Now -= TimeSpan.FromMinutes(5);
        bucket.TryTake().ShouldBeFalse();
    }
}

public class CircuitBreakerTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Opens_after_the_threshold_of_failures_in_a_row_and_lets_one_trial_through_after_the_pause()
    {
        var clock = new Clock();
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(30), clock);
        breaker.RecordFailure();
        breaker.RecordFailure();
        breaker.RecordSuccess(); // a success in between resets the run
        breaker.RecordFailure();
        breaker.RecordFailure();
        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.RecordFailure();
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.TryAcquire().ShouldBeFalse();
        breaker.RetryAt.ShouldBe(clock.Now.AddSeconds(30));

        clock.Now += TimeSpan.FromSeconds(30);
        breaker.State.ShouldBe(CircuitState.HalfOpen);
        breaker.TryAcquire().ShouldBeTrue();   // the trial
        breaker.TryAcquire().ShouldBeFalse();  // everyone else waits for it
        breaker.RecordSuccess();
        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.TryAcquire().ShouldBeTrue();
    }

    [Fact]
    public void A_trial_given_back_unused_lets_the_next_caller_try()
    {
        var clock = new Clock();
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), clock);
        breaker.RecordFailure();
        clock.Now += TimeSpan.FromSeconds(10);
        breaker.TryAcquire().ShouldBeTrue();
        breaker.Release();
        breaker.State.ShouldBe(CircuitState.HalfOpen);
        breaker.TryAcquire().ShouldBeTrue();
    }

    [Fact]
    public void A_failed_trial_opens_the_circuit_for_another_pause()
    {
        var clock = new Clock();
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), clock);
        breaker.RecordFailure();
        clock.Now += TimeSpan.FromSeconds(10);
        breaker.TryAcquire().ShouldBeTrue();
        breaker.RecordFailure();
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.RetryAt.ShouldBe(clock.Now.AddSeconds(10));
        clock.Now += TimeSpan.FromSeconds(9);
        breaker.TryAcquire().ShouldBeFalse();
    }
}
