namespace BrandHub.Modules.Seo;

/// <summary><c>BrandHub:Seo</c> settings.</summary>
public sealed class SeoOptions
{
    /// <summary>The crawler's name in requests and the product token robots.txt groups are matched against.</summary>
    public string UserAgent { get; set; } = "BrandHubBot/1.0 (+https://brandhub.dev/bot)";
    public double FetchTimeoutSeconds { get; set; } = 15;
    /// <summary>Larger pages are cut here: the rules read the head and the start of the body.</summary>
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 10;
    /// <summary>
    /// Whether audits may fetch loopback, private and link-local addresses. Off by default: an audit by URL must not let
    /// a user make the server reach its own network (SSRF). Turn on for an intranet shop or tests.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>Pages a bulk audit fetches at once.</summary>
    public int BulkParallelism { get; set; } = 8;
    /// <summary>URLs per sitemap file (the protocol's limit is 50,000).</summary>
    public int SitemapMaxUrls { get; set; } = Core.Seo.SitemapXml.MaxUrls;
    /// <summary>Uncompressed bytes per sitemap file (the protocol's limit is 50 MB).</summary>
    public long SitemapMaxBytes { get; set; } = Core.Seo.SitemapXml.MaxBytes;
    /// <summary>Where changed URLs are submitted (any IndexNow engine shares them with the others).</summary>
    public string IndexNowEndpoint { get; set; } = "https://api.indexnow.org/indexnow";
}
