using BrandHub.Core.Scheduling;

namespace BrandHub.Core.Tests.Scheduling;

public class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 0.0, 1.0)]      // floor: never below base/2
    [InlineData(1, 0.25, 1.0)]     // 0.25 × 2 s = 0.5 s → raised to the 1 s floor
    [InlineData(1, 0.75, 1.5)]
    [InlineData(2, 0.5, 2.0)]      // cap 4 s
    [InlineData(3, 0.5, 4.0)]      // cap 8 s
    [InlineData(4, 0.999, 15.984)] // cap 16 s
    [InlineData(8, 0.5, 128.0)]    // cap 256 s
    [InlineData(9, 0.5, 150.0)]    // 512 s capped at 300 s
    [InlineData(30, 0.9, 270.0)]
    [InlineData(1000, 0.5, 150.0)] // no overflow for absurd attempt numbers
    [InlineData(int.MaxValue, 0.1, 30.0)]
    public void Delay_grows_exponentially_with_full_jitter(int attempt, double jitter, double expectedSeconds)
    {
        RetryBackoff.Delay(attempt, Base, Max, jitter).TotalSeconds.ShouldBe(expectedSeconds, 0.001);
    }

    [Fact]
    public void The_ceiling_doubles_until_the_cap_and_then_stays()
    {
        var previous = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 100; attempt++)
        {
            var ceiling = RetryBackoff.Ceiling(attempt, Base, Max);
            ceiling.ShouldBeGreaterThanOrEqualTo(previous);
            ceiling.ShouldBeLessThanOrEqualTo(Max);
            if (attempt <= 8)
            {
                ceiling.ShouldBe(Base * Math.Pow(2, attempt - 1));
            }
            else
            {
                ceiling.ShouldBe(Max);
            }

            previous = ceiling;
        }
    }

    [Fact]
    public void Delays_stay_within_bounds_for_random_inputs()
    {
        // Property: base/2 ≤ delay ≤ min(max, base·2^(attempt−1)) and delay is monotone in the jitter.
        var random = new Random(2);
        for (var i = 0; i < 5000; i++)
        {
            var baseDelay = TimeSpan.FromMilliseconds(random.Next(1, 10_000));
            var maxDelay = baseDelay + TimeSpan.FromMilliseconds(random.Next(0, 3_600_000));
            var attempt = random.Next(1, 80);
            var jitter = random.NextDouble();

            var delay = RetryBackoff.Delay(attempt, baseDelay, maxDelay, jitter);
            var ceiling = RetryBackoff.Ceiling(attempt, baseDelay, maxDelay);

            delay.ShouldBeGreaterThanOrEqualTo(baseDelay / 2);
            delay.ShouldBeLessThanOrEqualTo(ceiling);
            ceiling.ShouldBeLessThanOrEqualTo(maxDelay);

            var moreJitter = Math.Min(jitter + random.NextDouble() * (1 - jitter), Math.BitDecrement(1.0));
            RetryBackoff.Delay(attempt, baseDelay, maxDelay, moreJitter).ShouldBeGreaterThanOrEqualTo(delay);
        }
    }

    [Fact]
    public void With_the_same_jitter_later_attempts_never_wait_less()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var jitter = random.NextDouble();
            var previous = TimeSpan.Zero;
            for (var attempt = 1; attempt <= 40; attempt++)
            {
                var delay = RetryBackoff.Delay(attempt, Base, Max, jitter);
                delay.ShouldBeGreaterThanOrEqualTo(previous);
                previous = delay;
            }
        }
    }

    [Fact]
    public void Zero_base_delay_is_allowed_and_yields_zero()
    {
        RetryBackoff.Delay(5, TimeSpan.Zero, TimeSpan.Zero, 0.5).ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(0, 2, 300, 0.5)]
    [InlineData(-1, 2, 300, 0.5)]
    [InlineData(1, -1, 300, 0.5)]
    [InlineData(1, 10, 5, 0.5)]
    [InlineData(1, 2, 300, 1.0)]
    [InlineData(1, 2, 300, -0.1)]
    [InlineData(1, 2, 300, double.NaN)]
    public void Nonsensical_arguments_are_refused(int attempt, int baseSeconds, int maxSeconds, double jitter)
    {
        Should.Throw<ArgumentOutOfRangeException>(
            () => RetryBackoff.Delay(attempt, TimeSpan.FromSeconds(baseSeconds), TimeSpan.FromSeconds(maxSeconds), jitter));
    }
}
