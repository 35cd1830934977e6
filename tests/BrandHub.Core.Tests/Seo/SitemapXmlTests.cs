using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
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

    /// <summary>
    /// The protocol's rules as a schema, written here from the sitemaps.org specification: a urlset of 1–50,000 url
    /// elements, each a loc (an absolute URI of 12–2,048 characters) with an optional lastmod (a W3C date or a date-time
    /// with its zone), changefreq and priority; an index of sitemap elements, each a loc and an optional lastmod.
    /// </summary>
    private const string ProtocolSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
                   xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
          <xs:simpleType name="Location"><xs:restriction base="xs:anyURI"><xs:minLength value="12"/><xs:maxLength value="2048"/></xs:restriction></xs:simpleType>
          <xs:simpleType name="W3cDateTime"><xs:union>
            <xs:simpleType><xs:restriction base="xs:date"/></xs:simpleType>
            <xs:simpleType><xs:restriction base="xs:dateTime"><xs:pattern value="\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+\-]\d\d:\d\d)"/></xs:restriction></xs:simpleType>
          </xs:union></xs:simpleType>
          <xs:element name="urlset"><xs:complexType><xs:sequence>
            <xs:element name="url" minOccurs="1" maxOccurs="50000"><xs:complexType><xs:sequence>
              <xs:element name="loc" type="Location"/>
              <xs:element name="lastmod" type="W3cDateTime" minOccurs="0"/>
              <xs:element name="changefreq" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
                <xs:enumeration value="always"/><xs:enumeration value="hourly"/><xs:enumeration value="daily"/><xs:enumeration value="weekly"/>
                <xs:enumeration value="monthly"/><xs:enumeration value="yearly"/><xs:enumeration value="never"/></xs:restriction></xs:simpleType></xs:element>
              <xs:element name="priority" minOccurs="0"><xs:simpleType><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/><xs:maxInclusive value="1"/></xs:restriction></xs:simpleType></xs:element>
            </xs:sequence></xs:complexType></xs:element>
          </xs:sequence></xs:complexType></xs:element>
          <xs:element name="sitemapindex"><xs:complexType><xs:sequence>
            <xs:element name="sitemap" minOccurs="1" maxOccurs="50000"><xs:complexType><xs:sequence>
              <xs:element name="loc" type="Location"/>
              <xs:element name="lastmod" type="W3cDateTime" minOccurs="0"/>
            </xs:sequence></xs:complexType></xs:element>
          </xs:sequence></xs:complexType></xs:element>
        </xs:schema>
        """;

    private static List<string> SchemaErrors(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(XmlSchema.Read(new StringReader(ProtocolSchema), null)!);
        var errors = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }

    [Fact]
    public void What_the_writer_produces_is_valid_against_the_protocols_schema()
    {
        var random = new Random(3);
        var entries = Enumerable.Range(0, 500).Select(i => new SitemapEntry($"https://shop.test/p/{i}?a=1&b=<{i}>&c='x'&d=\"y\"",
            random.Next(3) == 0 ? null : DateTimeOffset.UnixEpoch.AddSeconds(random.NextInt64(0, 2_000_000_000)).ToOffset(TimeSpan.FromHours(random.Next(-11, 13))))).ToList();
        SchemaErrors(SitemapXml.Urlset(entries)).ShouldBeEmpty();
        SchemaErrors(SitemapXml.Index(entries.Take(20).Select(e => e with { Loc = e.Loc + ".xml.gz" }))).ShouldBeEmpty();
        // The schema does catch what the protocol forbids: a relative location and a lastmod without its zone.
        SchemaErrors("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/p/1</loc><lastmod>2026-11-30T10:00:00</lastmod></url></urlset>").Count.ShouldBe(2);
    }
}
