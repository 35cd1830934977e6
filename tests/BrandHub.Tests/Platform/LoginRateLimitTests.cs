namespace BrandHub.Tests.Platform;

/// <summary>A host that allows only a few sign-in attempts per client per minute.</summary>
public sealed class StrictLoginHost : BrandHubHost
{
    public const int AttemptsPerMinute = 3;

    public StrictLoginHost() => Settings["BrandHub:Auth:LoginAttemptsPerMinute"] = AttemptsPerMinute.ToString();
}

/// <summary>Password guessing is slowed down: past the limit, sign-in answers 429 with a problem and Retry-After.</summary>
public sealed class LoginRateLimitTests(StrictLoginHost host) : IClassFixture<StrictLoginHost>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_are_refused_with_a_429_problem()
    {
        using var anon = host.Anonymous();
        HttpResponseMessage? limited = null;
        var refusedBeforeLimit = 0;
        // The window is a minute; a window boundary during the loop only delays the 429, it cannot prevent it.
        for (var i = 0; i < 10 * StrictLoginHost.AttemptsPerMinute && limited is null; i++)
        {
            var response = await anon.PostJsonAsync("/api/v1/auth/token", new { email = "guess@tenant.test", password = $"guess number {i}" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                refusedBeforeLimit++;
            }
        }

        limited.ShouldNotBeNull("the login limiter never answered 429");
        refusedBeforeLimit.ShouldBeGreaterThanOrEqualTo(StrictLoginHost.AttemptsPerMinute);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await limited.JsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        limited.Headers.RetryAfter.ShouldNotBeNull();

        // Only sign-in is limited: the rest of the API still answers.
        (await anon.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anon.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
