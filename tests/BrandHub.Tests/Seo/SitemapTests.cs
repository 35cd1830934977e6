using System.Collections.Concurrent;
using System.Text.Json;
using System.Xml.Linq;
using BrandHub.Data;
using BrandHub.Modules.Seo.Catalogue;
using BrandHub.Modules.Seo.Sitemaps;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandHub.Tests.Seo;

/// <summary>An IndexNow endpoint on loopback: records each submission's JSON and answers 202, as api.indexnow.org does.</summary>
public sealed class IndexNowPeer : IAsyncDisposable
{
    private WebApplication app = null!;
    public string Url { get; private set; } = "";
    public ConcurrentQueue<JsonElement> Submissions { get; } = new();

    public static async Task<IndexNowPeer> StartAsync()
    {
        var peer = new IndexNowPeer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        peer.app = builder.Build();
        peer.app.MapPost("/indexnow", async (HttpRequest request) =>
        {
            if (request.ContentType?.StartsWith("application/json") != true) return Results.StatusCode(415);
            peer.Submissions.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.StatusCode(202);
        });
        await peer.app.StartAsync();
        peer.Url = peer.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/indexnow";
        return peer;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>A host whose sitemaps split at 3 URLs or 600 bytes, submitting to a local IndexNow peer.</summary>
public sealed class SitemapHost : BrandHubHost
{
    public IndexNowPeer IndexNow { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        IndexNow = await IndexNowPeer.StartAsync();
        Settings["BrandHub:Seo:SitemapMaxUrls"] = "3";
        Settings["BrandHub:Seo:SitemapMaxBytes"] = "600";
        Settings["BrandHub:Seo:IndexNowEndpoint"] = IndexNow.Url;
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await IndexNow.DisposeAsync();
    }
}

public sealed class SitemapTests(SitemapHost host) : IClassFixture<SitemapHost>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<JsonElement> RegenerateAsync(TenantSession tenant)
    {
        var before = (await (await tenant.Client.GetAsync("/api/v1/seo/sitemap/status")).JsonAsync()).GetProperty("lastRunAt").ToString();
        var started = await tenant.Client.PostAsync("/api/v1/seo/sitemap/regenerate", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return await Eventually.PollAsync(async () => await (await tenant.Client.GetAsync("/api/v1/seo/sitemap/status")).JsonAsync(),
            s => s.GetProperty("lastRunAt").ToString() != before && s.GetProperty("runningJobId").ValueKind == JsonValueKind.Null, "the sitemap regeneration");
    }

    private HttpClient Crawler()
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Host = "shop.sitemap.test";
        return client;
    }

    [Fact]
    public async Task Sitemaps_split_at_the_limits_rewrite_only_changed_files_and_tell_IndexNow_what_changed()
    {
        var tenant = await host.NewTenantAsync();
        var settings = await tenant.Client.PutJsonAsync("/api/v1/seo/sitemap/settings", new { siteHost = "Shop.Sitemap.Test", indexNow = true });
        settings.StatusCode.ShouldBe(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        var key = (await settings.JsonAsync()).GetProperty("indexNowKey").GetString()!;

        // Seven indexable pages, a long-URL one (too big to share a 600-byte file), a noindex one and one canonicalised elsewhere.
        var urls = Enumerable.Range(1, 7).Select(i => $"https://shop.sitemap.test/p/{i}").Append($"https://shop.sitemap.test/p/{new string('x', 300)}")
            .Append("https://shop.sitemap.test/p/hidden").Append("https://shop.sitemap.test/p/copy").ToList();
        (await tenant.Client.PutJsonAsync("/api/v1/seo/pages", new { pages = urls.Select(u => new { url = u }) })).EnsureSuccessStatusCode();
        var changedAt = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope)
        {
            foreach (var page in await db.Set<SeoPage>().ToListAsync())
            {
                (page.Status, page.Indexable, page.ContentChangedAt, page.Canonical) = (200, !page.Url.EndsWith("hidden"), changedAt, page.Url.EndsWith("copy") ? urls[0] : page.Url);
            }
            await db.SaveChangesAsync();
        }

        var status = await RegenerateAsync(tenant);
        status.GetProperty("urls").GetInt32().ShouldBe(8);
        var files = status.GetProperty("fileList").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("urls").GetInt32()).ShouldBe([3, 3, 1, 1]);
        files.ShouldAllBe(f => f.GetProperty("bytes").GetInt64() <= 600);
        status.GetProperty("submitted").GetInt32().ShouldBe(8);

        // What a crawler sees on the shop's host: the index, every file valid against the protocol, the robots.txt line, the key file.
        var crawler = Crawler();
        var index = XDocument.Parse(await crawler.GetStringAsync("/sitemap.xml"));
        index.Root!.Name.ShouldBe(Ns + "sitemapindex");
        var locs = index.Root.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        locs.ShouldBe(Enumerable.Range(1, 4).Select(n => $"https://shop.sitemap.test/sitemaps/{n}.xml.gz"));
        var listed = new List<string>();
        foreach (var loc in locs)
        {
            var gz = await crawler.GetByteArrayAsync(new Uri(loc).AbsolutePath);
            var urlset = XDocument.Parse(BrandHub.Core.Seo.SitemapXml.Gunzip(gz));
            urlset.Root!.Name.ShouldBe(Ns + "urlset");
            foreach (var url in urlset.Root.Elements(Ns + "url"))
            {
                url.Elements().Select(e => e.Name).ShouldBe([Ns + "loc", Ns + "lastmod"]);
                Uri.IsWellFormedUriString(url.Element(Ns + "loc")!.Value, UriKind.Absolute).ShouldBeTrue();
                url.Element(Ns + "lastmod")!.Value.ShouldBe("2026-11-01T08:00:00+00:00");
                listed.Add(url.Element(Ns + "loc")!.Value);
            }
        }
        listed.Order().ShouldBe(urls.Take(8).Order());
        (await crawler.GetStringAsync("/robots.txt")).ShouldContain("Sitemap: https://shop.sitemap.test/sitemap.xml");
        (await crawler.GetStringAsync($"/{key}.txt")).ShouldBe(key);
        (await crawler.GetAsync($"/{new string('0', 32)}.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.Anonymous().GetAsync("/sitemap.xml")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // BrandHub's own host has none
        (await host.Anonymous().GetStringAsync("/robots.txt")).ShouldContain("Disallow: /");

        var first = host.IndexNow.Submissions.ToList().Last();
        first.GetProperty("host").GetString().ShouldBe("shop.sitemap.test");
        first.GetProperty("key").GetString().ShouldBe(key);
        first.GetProperty("keyLocation").GetString().ShouldBe($"https://shop.sitemap.test/{key}.txt");
        first.GetProperty("urlList").EnumerateArray().Select(u => u.GetString()).Order().ShouldBe(urls.Take(8).Order());

        // One page's content changes: only its file is rewritten, only its URL goes to IndexNow.
        var updated = files.ToDictionary(f => f.GetProperty("file").GetInt32(), f => f.GetProperty("updatedAt").GetDateTimeOffset());
        var (scope2, db2) = host.Database(tenant.TenantId);
        using (scope2)
        {
            var page = await db2.Set<SeoPage>().SingleAsync(p => p.Url == urls[4]);
            page.ContentChangedAt = changedAt.AddDays(3);
            await db2.SaveChangesAsync();
        }
        var submissions = host.IndexNow.Submissions.Count;
        var again = await RegenerateAsync(tenant);
        again.GetProperty("rewritten").GetInt32().ShouldBe(1);
        again.GetProperty("submitted").GetInt32().ShouldBe(1);
        var now = again.GetProperty("fileList").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetInt32(), f => f.GetProperty("updatedAt").GetDateTimeOffset());
        now.Count(f => f.Value != updated[f.Key]).ShouldBe(1);
        host.IndexNow.Submissions.Count.ShouldBe(submissions + 1);
        host.IndexNow.Submissions.Last().GetProperty("urlList").EnumerateArray().Select(u => u.GetString()).ShouldBe([urls[4]]);
        again.GetProperty("indexNowLog")[0].GetProperty("status").GetInt32().ShouldBe(202);

        // Nothing changed: nothing rewritten, nothing submitted.
        var idle = await RegenerateAsync(tenant);
        (idle.GetProperty("rewritten").GetInt32(), idle.GetProperty("submitted").GetInt32()).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Settings_are_checked_and_a_host_belongs_to_one_tenant()
    {
        var tenant = await host.NewTenantAsync();
        (await (await tenant.Client.PutJsonAsync("/api/v1/seo/sitemap/settings", new { siteHost = "https://shop.test/path" })).ProblemErrorsAsync()).Keys.ShouldBe(["siteHost"]);
        (await (await tenant.Client.PutJsonAsync("/api/v1/seo/sitemap/settings", new { indexNow = true })).ProblemErrorsAsync()).Keys.ShouldBe(["siteHost"]);
        (await tenant.Client.PutJsonAsync("/api/v1/seo/sitemap/settings", new { siteHost = "mine.shop.test" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await host.NewTenantAsync();
        (await (await other.Client.PutJsonAsync("/api/v1/seo/sitemap/settings", new { siteHost = "mine.shop.test" })).ProblemErrorsAsync()).Keys.ShouldBe(["siteHost"]);
    }
}
