using System.Xml;
using System.Xml.Linq;
using BrandHub.Core.Seo;

namespace BrandHub.Core.Tests.Seo;

public sealed class SitemapXmlTests
{
    private static readonly XNamespace Ns = SitemapXml.Namespace;

    [Fact]
    public void A_urlset_follows_the_protocol_and_escapes_locations()
    {
        var at = new DateTimeOffset(2026, 11, 30, 12, 15, 7, TimeSpan.FromHours(2));
        var xml = SitemapXml.Urlset([new("https://shop.test/p/a?x=1&y='2'", at), new("https://shop.test/p/<b>", null)]);
        var doc = XDocument.Parse(xml);
        doc.Declaration!.Encoding.ShouldBe("UTF-8");
        doc.Root!.Name.ShouldBe(Ns + "urlset");
        var urls = doc.Root.Elements(Ns + "url").ToList();
        urls.Select(u => u.Element(Ns + "loc")!.Value).ShouldBe(["https://shop.test/p/a?x=1&y='2'", "https://shop.test/p/<b>"]);
        urls[0].Element(Ns + "lastmod")!.Value.ShouldBe("2026-11-30T10:15:07+00:00");
        urls[1].Element(Ns + "lastmod").ShouldBeNull();
        xml.ShouldContain("&amp;");
        // Every child is one the schema allows, in its order.
        urls.ShouldAllBe(u => u.Elements().Select(e => e.Name.LocalName).SequenceEqual(new[] { "loc", "lastmod" }.Take(u.Elements().Count())));
        SitemapXml.FrameBytes.ShouldBeGreaterThan(0);
        (SitemapXml.FrameBytes + urls.Count * 0 + SitemapXml.EntryBytes(new("https://shop.test/p/a?x=1&y='2'", at)) + SitemapXml.EntryBytes(new("https://shop.test/p/<b>", null)))
            .ShouldBe(System.Text.Encoding.UTF8.GetByteCount(xml));
    }

    [Fact]
    public void An_index_names_its_files_and_gzip_round_trips()
    {
        var index = XDocument.Parse(SitemapXml.Index([new("https://shop.test/sitemaps/1.xml.gz", DateTimeOffset.UnixEpoch)]));
        index.Root!.Name.ShouldBe(Ns + "sitemapindex");
        index.Root.Element(Ns + "sitemap")!.Element(Ns + "loc")!.Value.ShouldBe("https://shop.test/sitemaps/1.xml.gz");
        var xml = SitemapXml.Urlset([new("https://shop.test/", null)]);
        SitemapXml.Gunzip(SitemapXml.Gzip(xml)).ShouldBe(xml);
    }
}
