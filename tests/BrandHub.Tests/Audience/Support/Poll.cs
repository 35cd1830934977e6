namespace BrandHub.Tests.Audience.Support;

/// <summary>Waits for an eventual state without asserting how long it took (a generous timeout only guards against hangs).</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        T last;
        while (true)
        {
            last = await read();
            if (done(last)) return last;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
