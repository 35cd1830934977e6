namespace BrandHub.Core.Delivery;

/// <summary>
/// Tells a person opening an email from a machine fetching its images. Open rates are only worth reading if
/// prefetchers and scanners are left out, so an open is not recorded when:
/// <list type="number">
/// <item>the request has no User-Agent (every mail client and browser sends one);</item>
/// <item>the User-Agent is exactly <c>Mozilla/5.0</c>, what Apple Mail Privacy Protection's proxies send when they
/// fetch every image of every message on delivery, whether or not it is ever read;</item>
/// <item>the User-Agent names a crawler, a link/preview bot, an HTTP library or a mail security scanner
/// (<see cref="MachineAgentMarkers"/>: Googlebot, bingbot, Barracuda, Mimecast, Proofpoint, curl, python-requests…);</item>
/// <item>the pixel is fetched within <see cref="TooSoonAfterSending"/> of being issued for sending: no person opens a
/// message that fast, but a gateway scanning it on arrival does.</item>
/// </list>
/// Mailbox-provider image proxies that fetch only when the person opens the message (Gmail's GoogleImageProxy, Yahoo)
/// count as opens. Clicks are filtered by rule 3 only: a person clicking is always a browser with a User-Agent.
/// </summary>
public static class MachineOpens
{
    public static readonly TimeSpan TooSoonAfterSending = TimeSpan.FromSeconds(2);

    public static readonly IReadOnlyList<string> MachineAgentMarkers =
    [
        "bot", "crawler", "spider", "slurp", "facebookexternalhit", "headlesschrome", "phantomjs",
        "curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "java/", "okhttp", "libwww", "httpclient", "axios/", "node-fetch",
        "barracuda", "mimecast", "proofpoint", "symantec", "messagelabs", "zscaler", "fortiguard", "trendmicro", "sophos",
        "forcepoint", "ironport", "microsoft office existence discovery", "safelinks", "scanner",
    ];

    /// <summary>True when an open should not be counted (see the rules above).</summary>
    public static bool IsMachineOpen(string? userAgent, DateTimeOffset? issuedAt, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(userAgent)
        || userAgent.Trim() == "Mozilla/5.0"
        || IsMachineAgent(userAgent)
        || issuedAt is { } sent && now - sent < TooSoonAfterSending;

    /// <summary>True for User-Agents of crawlers, bots, HTTP libraries and mail security scanners.</summary>
    public static bool IsMachineAgent(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent)) return false;
        // Gmail's image proxy carries "GoogleImageProxy": it fetches when the person opens the message, so it counts.
        if (userAgent.Contains("GoogleImageProxy", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var marker in MachineAgentMarkers)
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
