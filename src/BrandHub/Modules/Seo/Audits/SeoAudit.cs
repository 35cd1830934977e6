using BrandHub.Data;

namespace BrandHub.Modules.Seo.Audits;

/// <summary>One audit run: of a catalogue page, or of any URL (fetched) or content (as if served so).</summary>
public sealed class SeoAudit : ITenantOwned
{
    public const string FromUrl = "url", FromContent = "content", FromPage = "page", FromBulk = "bulk", FromCrawl = "crawl";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid? PageId { get; set; }
    public string Url { get; set; } = "";
    public string Source { get; set; } = FromUrl;
    /// <summary>The HTTP status the page answered.</summary>
    public int Status { get; set; }
    public int Score { get; set; }
    public string FindingsJson { get; set; } = "[]";
    /// <summary><c>,title-missing,h1-missing,</c>: the distinct rule ids, for filtering with LIKE.</summary>
    public string RuleIds { get; set; } = ",";
    /// <summary><c>,high,low,</c>.</summary>
    public string Severities { get; set; } = ",";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A tenant's audit rules: per rule id, enabled, severity, thresholds and weight (<see cref="Core.Seo.SeoAuditSettings"/>).</summary>
public sealed class SeoSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string RulesJson { get; set; } = "{}";
    /// <summary>The shop's host ("shop.example"): /sitemap.xml, /robots.txt and the IndexNow key file are served for it.</summary>
    public string? SiteHost { get; set; }
    public string? IndexNowKey { get; set; }
    public bool IndexNowEnabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
