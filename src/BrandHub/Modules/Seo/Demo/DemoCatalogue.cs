using System.Text;
using System.Text.Json;
using BrandHub.Core.Seo;
using BrandHub.Data;
using BrandHub.Modules.Seo.Audits;
using Microsoft.EntityFrameworkCore;

namespace BrandHub.Modules.Seo.Demo;

/// <summary>
/// The demo shop's SEO catalogue, so the SEO pages tell a story on first run: 36 product pages and 4 articles as the
/// shop served them (kept as if crawled: status, headers, HTML) with the faults real catalogues have — missing or
/// duplicated descriptions, short titles, images without alt, generic links, a thin article, a discontinued product
/// answering 404 and still linked — audited with the default rules, the site-wide ones included.
/// </summary>
public static class DemoCatalogue
{
    public const string Host = "shop.demo.brandhub.test";
    private static readonly string[] Products = ["Ghete de iarnă", "Bocanci de munte", "Pantofi sport", "Sandale din piele", "Cizme de ploaie", "Espadrile"];
    private static readonly string[] Colours = ["negru", "maro", "bleumarin", "gri", "bej", "roșu"];

    public static async Task SeedAsync(IServiceProvider services, Guid tenantId, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BrandHubDb>();
        db.Scope.Enter(tenantId);
        var auditor = scope.ServiceProvider.GetRequiredService<SeoAuditor>();
        var settings = await auditor.SettingsAsync(ct);
        var headers = new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=utf-8" };
        var random = new Random(12);

        var i = 0;
        foreach (var product in Products)
            foreach (var colour in Colours)
            {
                var n = i++;
                var url = $"https://{Host}/p/{MetadataGenerator.Slug($"{product} {colour}")}";
                var status = n == 7 ? 404 : 200; // discontinued, still linked from its neighbour
                var html = status == 404 ? "<html><body><h1>Pagina nu există</h1></body></html>" : ProductPage(url, product, colour, n);
                var (row, _) = auditor.RecordCrawled(new FetchedPage(url, status, headers, html, random.Next(80, 400), []), null, null, PageKinds.Product, settings);
                (row.Name, row.Brand, row.Category, row.Price, row.Currency, row.Availability, row.ExternalId) =
                    ($"{product} {colour}", "Nordic", $"Încălțăminte > {product}", 149 + 20 * (n % 10), "RON", n % 9 == 0 ? "out_of_stock" : "in_stock", $"DEMO-{n:000}");
                row.ImagesJson = JsonSerializer.Serialize(new[] { new { url = $"https://{Host}/img/{n}.jpg", alt = (string?)null } }, SeoAuditor.Json);
                row.AttributesJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["culoare"] = colour, ["material"] = n % 2 == 0 ? "piele" : "textil" }, SeoAuditor.Json);
            }
        string[] articles = ["Cum alegi ghetele de iarnă", "Ghid de mărimi", "Îngrijirea încălțămintei din piele", "Noutăți de sezon"];
        foreach (var (title, n) in articles.Select((t, k) => (t, k)))
        {
            var url = $"https://{Host}/blog/{MetadataGenerator.Slug(title)}";
            auditor.RecordCrawled(new FetchedPage(url, 200, headers, Article(url, title, words: n == 3 ? 60 : 420), random.Next(80, 300), []), null, null, PageKinds.Content, settings);
        }
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<SiteWideAudit>().RunAsync(ct);
    }

    private static string ProductPage(string url, string product, string colour, int n)
    {
        var title = n % 5 == 1 ? product : $"{product} {colour} din piele naturală | Demo Shop"; // every fifth too short
        var description = n % 4 == 2 ? "" : n % 6 == 3 ? "Încălțăminte de calitate la prețuri bune." // a shared, too short description
            : $"{product} {colour} Nordic, lucrate din piele naturală, cu talpă antiderapantă. Livrare în 24 de ore, retur gratuit în 30 de zile. Cod DEMO-{n:000}.";
        var sb = new StringBuilder($"""
            <!doctype html><html lang="ro"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>{(description.Length == 0 ? "" : $"<meta name=\"description\" content=\"{description}\">")}
            {(n % 7 == 4 ? "" : $"<link rel=\"canonical\" href=\"{url}\">")}
            <script type="application/ld+json">{"{"}"@type":"Product","name":"{product} {colour}","offers":{"{"}"@type":"Offer","price":"{149 + 20 * (n % 10)}.00"{(n % 8 == 5 ? "" : ",\"priceCurrency\":\"RON\"")}{"}"}{"}"}</script>
            </head><body><header><nav><a href="/">Acasă</a> <a href="/c/ghete">Ghete</a> <a href="/blog/ghid-marimi">Ghid de mărimi</a></nav></header>
            <main><h1>{product} {colour}</h1>
            """);
        sb.Append(n % 3 == 0 ? $"<img src=\"/img/{n}.jpg\">" : $"<img src=\"/img/{n}.jpg\" alt=\"{product} {colour}, vedere din lateral\">");
        sb.Append("<p>Lucrate manual din piele naturală, cu căptușeală caldă și talpă din cauciuc care ține bine pe zăpadă.</p>");
        if (n == 6) sb.Append($"<a href=\"/p/{MetadataGenerator.Slug($"{Products[1]} {Colours[1]}")}\">Modelul anterior</a>");
        if (n % 10 == 2) sb.Append("<a href=\"/blog/ghid-marimi\">aici</a>");
        sb.Append("</main><footer><a href=\"/contact\">Contact</a></footer></body></html>");
        return sb.ToString();
    }

    private static string Article(string url, string title, int words)
    {
        var body = string.Join(' ', Enumerable.Repeat("Încălțămintea bună ține piciorul cald și uscat, iar o mărime potrivită face diferența între un drum plăcut și unul obositor.", words / 20));
        return $"""
            <!doctype html><html lang="ro"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} – sfaturi de la Demo Shop pentru sezonul rece</title>
            <meta name="description" content="{title}: ce să urmărești la materiale, talpă și mărime ca să alegi încălțămintea potrivită pentru iarnă, cu exemple din colecția Demo Shop.">
            <link rel="canonical" href="{url}"></head><body><main><article><h1>{title}</h1><p>{body}</p></article></main></body></html>
            """;
    }
}
