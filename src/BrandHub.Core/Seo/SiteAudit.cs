namespace BrandHub.Core.Seo;

/// <summary>One page of the catalogue as the site-wide rules see it: its URL, the status it last answered and what it said about itself.</summary>
public sealed record SitePage(string Url, int Status, PageFacts Facts);

/// <summary>
/// The site-wide rules over a catalogue: <c>duplicate-title</c> and <c>duplicate-description</c> (the same text,
/// ignoring case and spacing, on other live pages) and <c>broken-link</c> (an internal link to a page of the catalogue
/// that answered 4xx/5xx). Findings are per page URL, to add to each page's own.
/// </summary>
public static class SiteAudit
{
    public static Dictionary<string, List<SeoFinding>> Audit(IReadOnlyList<SitePage> pages, SeoAuditSettings? settings = null)
    {
        settings ??= SeoAuditSettings.Default;
        var findings = pages.ToDictionary(p => p.Url, _ => new List<SeoFinding>(), StringComparer.Ordinal);
        var live = pages.Where(p => p.Status < 400).ToList();

        void Duplicates(string rule, Func<PageFacts, string?> text, string what)
        {
            if (!settings.Enabled(rule)) return;
            foreach (var group in live.Where(p => !string.IsNullOrWhiteSpace(text(p.Facts))).GroupBy(p => Key(text(p.Facts)!)).Where(g => g.Count() > 1))
                foreach (var page in group)
                {
                    var others = group.Where(o => o.Url != page.Url).Select(o => o.Url).ToList();
                    findings[page.Url].Add(new SeoFinding(rule, settings.Severity(rule),
                        $"{others.Count} other page{(others.Count == 1 ? " has" : "s have")} the same {what}.",
                        string.Join(" | ", others.Take(5)) + (others.Count > 5 ? $" (+{others.Count - 5})" : ""), SeoRules.ById[rule].Fix));
                }
        }
        Duplicates(SeoRules.DuplicateTitle, f => f.Title, "title");
        Duplicates(SeoRules.DuplicateDescription, f => f.Description, "meta description");

        if (settings.Enabled(SeoRules.BrokenLink))
        {
            var status = pages.GroupBy(p => Normalize(p.Url)).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
            foreach (var page in live)
                foreach (var link in page.Facts.InternalLinks)
                    if (status.TryGetValue(Normalize(link), out var code) && code >= 400)
                        findings[page.Url].Add(new SeoFinding(SeoRules.BrokenLink, settings.Severity(SeoRules.BrokenLink), $"A link leads to a page that answers {code}.", link,
                            SeoRules.ById[SeoRules.BrokenLink].Fix));
        }
        return findings;
    }

    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The same page however it is written: no fragment, no trailing slash difference, scheme and host in lower case.</summary>
    public static string Normalize(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Authority.ToLowerInvariant()}{(u.AbsolutePath.Length > 1 ? u.AbsolutePath.TrimEnd('/') : "/")}{u.Query}" : url;
}
