using BrandHub.Data;

namespace BrandHub.Modules.Seo.Sitemaps;

/// <summary>One sitemap file as published: its URLs gzipped, and the hash of its XML (equal hash, no rewrite).</summary>
public sealed class SeoSitemapFile : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int File { get; set; }
    public int Urls { get; set; }
    public long Bytes { get; set; }
    public string Hash { get; set; } = "";
    public DateTimeOffset? LastModified { get; set; }
    public byte[] Gz { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One regeneration: when, how many URLs and files, how many files it rewrote, how long, how many URLs it told IndexNow about.</summary>
public sealed class SeoSitemapRun : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Urls { get; set; }
    public int Files { get; set; }
    public int Rewritten { get; set; }
    public int DurationMs { get; set; }
    public int Submitted { get; set; }
    public string? Error { get; set; }
}

/// <summary>One IndexNow request (up to 10,000 URLs) and what the endpoint answered.</summary>
public sealed class SeoIndexNowSubmission : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset At { get; set; }
    public int Urls { get; set; }
    public int? Status { get; set; }
    public string? Response { get; set; }
}
