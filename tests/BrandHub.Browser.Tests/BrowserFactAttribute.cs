namespace BrandHub.Browser.Tests;

/// <summary>
/// A browser test: runs in headless Debian Chromium. Skipped on a developer machine without Chromium; in CI
/// (<c>CI=true</c>) a missing browser is a failure, not a skip.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("BRANDHUB_CHROMIUM") ?? "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"Chromium not found at {ChromiumPath} (apt-get install chromium).";
    }
}
