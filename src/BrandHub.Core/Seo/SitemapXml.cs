using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace BrandHub.Core.Seo;

/// <summary>One URL of a sitemap: where, and when its content last changed.</summary>
public sealed record SitemapEntry(string Loc, DateTimeOffset? LastModified);

/// <summary>
/// Sitemaps as the sitemaps.org protocol writes them: a <c>urlset</c> of at most 50,000 URLs and 50 MB (uncompressed)
/// per file, a <c>sitemapindex</c> naming the files, UTF-8, entity-escaped locations, W3C datetimes, gzip.
/// </summary>
public static class SitemapXml
{
    public const int MaxUrls = 50_000;
    public const long MaxBytes = 50L * 1024 * 1024;
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private const string UrlsetOpen = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"{Namespace}\">\n", UrlsetClose = "</urlset>\n";

    /// <summary>The bytes one entry takes in a urlset: what a writer adds to keep a file under its byte limit.</summary>
    public static int EntryBytes(SitemapEntry entry) => Encoding.UTF8.GetByteCount(Entry(entry));

    /// <summary>The bytes of a urlset's opening and closing.</summary>
    public static int FrameBytes => Encoding.UTF8.GetByteCount(UrlsetOpen) + Encoding.UTF8.GetByteCount(UrlsetClose);

    public static string Urlset(IEnumerable<SitemapEntry> entries)
    {
        var sb = new StringBuilder(UrlsetOpen);
        foreach (var e in entries) sb.Append(Entry(e));
        return sb.Append(UrlsetClose).ToString();
    }

    public static string Index(IEnumerable<SitemapEntry> sitemaps)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"{Namespace}\">\n");
        foreach (var s in sitemaps)
        {
            sb.Append("  <sitemap><loc>").Append(SecurityElement.Escape(s.Loc)).Append("</loc>");
            if (s.LastModified is { } at) sb.Append("<lastmod>").Append(W3c(at)).Append("</lastmod>");
            sb.Append("</sitemap>\n");
        }
        return sb.Append("</sitemapindex>\n").ToString();
    }

    public static byte[] Gzip(string xml)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(xml));
        return output.ToArray();
    }

    public static string Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Entry(SitemapEntry e) =>
        $"  <url><loc>{SecurityElement.Escape(e.Loc)}</loc>{(e.LastModified is { } at ? $"<lastmod>{W3c(at)}</lastmod>" : "")}</url>\n";

    /// <summary>W3C datetime in UTC, to the second: 2026-11-30T10:15:00+00:00.</summary>
    public static string W3c(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}
