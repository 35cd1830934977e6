using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using BrandHub.Core.Seo;
using BrandHub.Modules.Seo;
using BrandHub.Modules.Seo.Audits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrandHub.Bench;

/// <summary>
/// Pages audited per second: a shop on loopback serves N realistic product pages (~28 KB: head with metadata and JSON-LD,
/// navigation, gallery, description, specs, reviews, related products, footer); the crawler's fetcher gets each page and
/// the audit parses it and runs every page rule, 8 pages at a time. Baseline in the same run: fetch and parse only.
/// </summary>
public static class SeoAuditBenchmark
{
    public static async Task<string> RunAsync(int pages, int parallel)
    {
        var html = Enumerable.Range(0, 50).Select(Page).ToArray(); // 50 distinct bodies, served under N URLs
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var shop = builder.Build();
        shop.MapGet("/p/{n:int}", (int n) => Results.Content(html[n % html.Length].Replace("{N}", n.ToString()), "text/html; charset=utf-8"));
        await shop.StartAsync();
        var baseUrl = shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var fetcher = new PageFetcher(new SeoOptions { AllowPrivateAddresses = true });
        var parser = new HtmlParser();
        var bytes = Encoding.UTF8.GetByteCount(html[0]);

        async Task<(double PagesPerSecond, double Seconds, int Findings)> Measure(Func<FetchedPage, int> work)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (n, ct) => work(await fetcher.FetchAsync($"{baseUrl}/p/{n}", ct))); // warm-up
            var findings = 0;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, pages), new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (n, ct) => Interlocked.Add(ref findings, work(await fetcher.FetchAsync($"{baseUrl}/p/{n}", ct))));
            return (pages / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, findings);
        }

        int Parse(FetchedPage page) { using var _ = parser.ParseDocument(page.Html); return 0; }
        int Audit(FetchedPage page) => PageAudit.Audit(new PageSnapshot(page.Url, page.Status, page.Headers, page.Html) { RedirectChain = page.Redirects }).Findings.Count;
        await Measure(Audit); // warms the audit path as the baseline's warm-up warms fetch and parse
        var baseline = await Measure(Parse);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var audit = await Measure(Audit);
        var auditCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / pages;
        var single = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++) PageAudit.Audit(new PageSnapshot($"{baseUrl}/p/{i}", 200, new Dictionary<string, string>(), html[i % html.Length]));
        var perPageMs = single.Elapsed.TotalMilliseconds / 500;

        return JsonSerializer.Serialize(new
        {
            scenario = "seo-audit", pages, parallel, pageKb = bytes / 1024,
            pagesPerSecond = Math.Round(audit.PagesPerSecond), seconds = Math.Round(audit.Seconds, 2), findings = audit.Findings,
            baselinePagesPerSecond = Math.Round(baseline.PagesPerSecond), auditVsBaseline = Math.Round(audit.PagesPerSecond / baseline.PagesPerSecond, 2),
            processCpuMsPerPage = Math.Round(auditCpu, 2), auditOnlyMsPerPage = Math.Round(perPageMs, 2),
            peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            baseline = "fetch + parse only (AngleSharp), same pages, same parallelism", machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            date = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        });
    }

    /// <summary>A product page as shops render them, with a few common faults so the rules have something to find.</summary>
    private static string Page(int variant)
    {
        var sb = new StringBuilder();
        sb.Append($"""
            <!doctype html><html lang="ro"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Ghete de iarnă model {variant} – piele naturală | Demo Shop</title>
            <meta name="description" content="Ghete de iarnă din piele naturală, model {variant}, cu talpă antiderapantă și căptușeală din lână. Livrare în 24 de ore și retur gratuit în 30 de zile.">
            <link rel="canonical" href="https://shop.demo.test/p/{'{'}N{'}'}"><link rel="alternate" hreflang="ro" href="https://shop.demo.test/p/{'{'}N{'}'}"><link rel="alternate" hreflang="x-default" href="https://shop.demo.test/p/{'{'}N{'}'}">
            <link rel="stylesheet" href="/css/site.css"><script src="/js/site.js" defer></script>
            <meta property="og:type" content="product"><meta property="og:title" content="Ghete de iarnă model {variant}"><meta property="og:image" content="https://cdn.demo.test/{variant}.jpg">
            <script type="application/ld+json">{"{"}"@context":"https://schema.org","@type":"Product","name":"Ghete de iarnă model {variant}","brand":{"{"}"@type":"Brand","name":"Nordic"{"}"},"offers":{"{"}"@type":"Offer","price":"{349 + variant}.00","priceCurrency":"RON","availability":"https://schema.org/InStock"{"}"},"aggregateRating":{"{"}"@type":"AggregateRating","ratingValue":4.{variant % 10},"reviewCount":{10 + variant}{"}"}{"}"}</script>
            </head><body><header><nav>
            """);
        foreach (var c in new[] { "Femei", "Bărbați", "Copii", "Ghete", "Sandale", "Pantofi sport", "Accesorii", "Reduceri", "Noutăți", "Branduri" })
            sb.Append($"<a href=\"/c/{MetadataGenerator.Slug(c)}\">{c}</a> ");
        sb.Append($"</nav></header><main><nav aria-label=\"breadcrumb\"><a href=\"/\">Acasă</a> › <a href=\"/c/ghete\">Ghete</a></nav><h1>Ghete de iarnă model {variant}</h1><div class=\"gallery\">");
        for (var i = 0; i < 8; i++) sb.Append(i == 7 && variant % 3 == 0 ? $"<img src=\"/img/{variant}-{i}.jpg\">" : $"<img src=\"/img/{variant}-{i}.jpg\" alt=\"Ghete model {variant}, vedere {i + 1}\" loading=\"lazy\">");
        sb.Append("</div><section class=\"description\">");
        for (var i = 0; i < 30; i++)
            sb.Append("<p>Ghetele sunt lucrate manual din piele naturală întoarsă, tratată împotriva apei și a sării de pe drumuri. Talpa din cauciuc vulcanizat are un profil adânc care ține bine pe zăpadă și gheață, iar căptușeala din lână merinos păstrează piciorul cald și uscat toată ziua. </p>");
        sb.Append("</section><table class=\"specs\">");
        for (var i = 0; i < 15; i++) sb.Append($"<tr><th>Caracteristica {i}</th><td>Valoarea {i} a modelului</td></tr>");
        sb.Append("</table><section class=\"reviews\">");
        for (var i = 0; i < 30; i++) sb.Append($"<article><h3>Recenzie {i}</h3><p>Foarte mulțumit de ghete, sunt calde și comode. Mărimea corespunde.</p><a href=\"/p/{variant}/recenzii/{i}\">Citește recenzia întreagă</a></article>");
        sb.Append("</section><section class=\"related\"><h2>Produse similare</h2>");
        for (var i = 0; i < 12; i++) sb.Append($"<a href=\"/p/{(variant + i) % 50}\"><img src=\"/img/{i}.jpg\" alt=\"Ghete model {i}\"><span>Ghete model {i}</span></a>");
        if (variant % 5 == 0) sb.Append("<a href=\"/p/1\">mai mult</a><a href=\"javascript:void(0)\">Adaugă în coș</a>");
        sb.Append("</section></main><footer>");
        for (var i = 0; i < 20; i++) sb.Append($"<a href=\"/info/{i}\">Informații {i}</a> ");
        // Shops inline their state and analytics: a script the parser must read past.
        sb.Append("</footer><script>window.__STATE__=").Append(JsonSerializer.Serialize(Enumerable.Range(0, 150).Select(i => new { id = i, name = $"Produs {i}", price = 100 + i, tags = new[] { "iarna", "piele" } })))
          .Append(";</script></body></html>");
        return sb.ToString();
    }
}
