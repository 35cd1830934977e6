namespace BrandHub.Core.Seo;

public static class PageKinds
{
    public const string Product = "product", Category = "category", Content = "content";
    public static readonly IReadOnlyList<string> All = [Product, Category, Content];
}

/// <summary>
/// A page as it was served: its final URL, status, headers (names case-insensitive; repeated ones joined with ", ") and
/// HTML, the redirects that led to it, and what robots.txt says about it — everything the page rules read.
/// </summary>
public sealed record PageSnapshot(string Url, int Status, IReadOnlyDictionary<string, string> Headers, string Html, string Kind = PageKinds.Product)
{
    /// <summary>The URLs redirected from, first to last, before <see cref="Url"/>.</summary>
    public IReadOnlyList<string> RedirectChain { get; init; } = [];

    /// <summary>The site's robots.txt, when it was read (null: not checked).</summary>
    public RobotsTxt? Robots { get; init; }

    /// <summary>The crawler's user agent robots.txt is read for.</summary>
    public string UserAgent { get; init; } = "BrandHubBot";
}

/// <summary>What a page says about itself, kept for the site-wide rules (duplicates, broken links) and the catalogue.</summary>
public sealed record PageFacts(string? Title, string? Description, IReadOnlyList<string> Canonicals, string? Language, IReadOnlyList<string> InternalLinks,
    int Words, bool Indexable);

/// <summary>A page's audit: its score, what was found, and the facts read from it.</summary>
public sealed record PageAuditResult(int Score, IReadOnlyList<SeoFinding> Findings, PageFacts Facts);
