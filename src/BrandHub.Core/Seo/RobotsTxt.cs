namespace BrandHub.Core.Seo;

/// <summary>A line of robots.txt a crawler cannot use as written.</summary>
public sealed record RobotsProblem(int Line, string Text, string Reason);

/// <summary>
/// robots.txt as RFC 9309 reads it: groups of User-agent lines with their Allow/Disallow rules; a crawler obeys the
/// groups naming its product token (case-insensitive), else the <c>*</c> groups; the longest matching rule wins, Allow
/// on a tie; <c>*</c> matches any run of characters and a final <c>$</c> the end of the path; /robots.txt itself is always
/// allowed. Lines it cannot use are kept as <see cref="Problems"/> (the <c>robots-txt-invalid</c> rule reports them).
/// </summary>
public sealed class RobotsTxt
{
    private sealed record Rule(bool Allow, string Pattern);
    private sealed class Group { public List<string> Agents { get; } = []; public List<Rule> Rules { get; } = []; public decimal? CrawlDelay { get; set; } }

    private static readonly HashSet<string> KnownFields = new(StringComparer.OrdinalIgnoreCase)
        { "user-agent", "allow", "disallow", "sitemap", "crawl-delay", "host", "clean-param", "request-rate", "visit-time" };

    private readonly List<Group> groups = [];
    public List<RobotsProblem> Problems { get; } = [];
    public List<string> Sitemaps { get; } = [];

    /// <summary>No robots.txt (404): everything is allowed.</summary>
    public static readonly RobotsTxt AllowAll = new();

    /// <summary>Why robots.txt could not be read, when it could not (a 5xx, a timeout): the whole site counts as disallowed (RFC 9309 §2.3.1.4).</summary>
    public string? UnavailableReason { get; private set; }

    /// <summary>A robots.txt that answered 5xx or could not be fetched: a crawler must assume everything is disallowed until it can read it.</summary>
    public static RobotsTxt Unavailable(string reason)
    {
        var robots = Parse("User-agent: *\nDisallow: /\n");
        robots.UnavailableReason = reason;
        return robots;
    }



    /// <summary>The RFC caps what a crawler must read at 500 KiB; what comes after is ignored.</summary>
    public const int MaxBytes = 500 * 1024;

    public static RobotsTxt Parse(string text)
    {
        var robots = new RobotsTxt();
        Group? current = null;
        var lastWasAgent = false;
        var lines = (text.Length > MaxBytes ? text[..MaxBytes] : text).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var raw = lines[n].TrimEnd('\r');
            var line = (raw.IndexOf('#') is var hash and >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0) { robots.Problems.Add(new(n + 1, raw, "Not a `field: value` line.")); continue; }
            var field = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (!KnownFields.Contains(field)) { robots.Problems.Add(new(n + 1, raw, $"Unknown field '{field}': crawlers ignore the line.")); lastWasAgent = false; continue; }
            switch (field.ToLowerInvariant())
            {
                case "user-agent":
                    if (!lastWasAgent || current is null) robots.groups.Add(current = new Group());
                    if (value.Length == 0) robots.Problems.Add(new(n + 1, raw, "User-agent names no crawler."));
                    else current.Agents.Add(value);
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow":
                    if (current is null) robots.Problems.Add(new(n + 1, raw, "A rule before any User-agent line: no crawler obeys it."));
                    else if (value.Length > 0 && value[0] is not ('/' or '*')) robots.Problems.Add(new(n + 1, raw, "A path must start with / or *."));
                    else if (value.Length > 0) current.Rules.Add(new Rule(field.Equals("allow", StringComparison.OrdinalIgnoreCase), value));
                    break;
                case "sitemap":
                    if (Uri.TryCreate(value, UriKind.Absolute, out var sitemap) && sitemap.Scheme is "http" or "https") robots.Sitemaps.Add(value);
                    else robots.Problems.Add(new(n + 1, raw, "A sitemap must be an absolute http(s) URL."));
                    break;
                case "crawl-delay":
                    if (current is not null && decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var delay) && delay >= 0)
                        current.CrawlDelay = delay;
                    else robots.Problems.Add(new(n + 1, raw, "Crawl-delay takes a number of seconds, inside a group."));
                    break;
            }
            lastWasAgent = false;
        }
        return robots;
    }

    /// <summary>Whether <paramref name="userAgent"/> (its product token, e.g. <c>BrandHubBot</c>) may fetch the path (with its query), and the rule that decided.</summary>
    public (bool Allowed, string? Rule) Check(string userAgent, string pathAndQuery)
    {
        if (pathAndQuery.Length == 0) pathAndQuery = "/";
        if (pathAndQuery.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase)) return (true, null);
        Rule? best = null;
        foreach (var rule in RulesFor(userAgent))
            if (Matches(rule.Pattern, pathAndQuery) && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow)))
                best = rule;
        return best is null ? (true, null) : (best.Allow, $"{(best.Allow ? "Allow" : "Disallow")}: {best.Pattern}");
    }

    /// <summary>The Crawl-delay of the crawler's groups, if they set one.</summary>
    public decimal? CrawlDelay(string userAgent) => GroupsFor(userAgent).Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);

    private IEnumerable<Rule> RulesFor(string userAgent) => GroupsFor(userAgent).SelectMany(g => g.Rules);

    private List<Group> GroupsFor(string userAgent)
    {
        var token = ProductToken(userAgent);
        var named = groups.Where(g => g.Agents.Any(a => a.Equals(token, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Count > 0 ? named : groups.Where(g => g.Agents.Contains("*")).ToList();
    }

    /// <summary>"BrandHubBot/1.0 (+https://…)" → "BrandHubBot".</summary>
    public static string ProductToken(string userAgent)
    {
        var end = userAgent.IndexOfAny(['/', ' ', ';', '(']);
        return (end < 0 ? userAgent : userAgent[..end]).Trim();
    }

    /// <summary>Matches from the start of the path: <c>*</c> any run of characters, a final <c>$</c> the end.</summary>
    public static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        int p = 0, s = 0, star = -1, resume = 0;
        while (s < path.Length)
        {
            if (p < pattern.Length && pattern[p] == '*') { star = p++; resume = s; }
            else if (p < pattern.Length && pattern[p] == path[s]) { p++; s++; }
            else if (p == pattern.Length && !anchored) return true; // the pattern is a prefix of the path
            else if (star >= 0) { p = star + 1; s = ++resume; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
