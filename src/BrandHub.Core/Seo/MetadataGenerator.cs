using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandHub.Core.Seo;

/// <summary>What the shop knows about a product (or category, or content page) — the generator's only input.</summary>
public sealed record ProductData(string Url, string? Name, string? Brand = null, string? Category = null, decimal? Price = null, string? Currency = null,
    string? Availability = null, IReadOnlyList<(string Url, string? Alt)>? Images = null, IReadOnlyDictionary<string, string>? Attributes = null,
    string? ExternalId = null, string? SiteName = null);

/// <summary>The metadata of a page: what goes in its head (and its images' alt texts).</summary>
public sealed record PageMetadata(string Title, string Description, string Slug, string Canonical, string Robots, IReadOnlyDictionary<string, string> OpenGraph,
    IReadOnlyList<ImageAlt> AltTexts, string JsonLd);

public sealed record ImageAlt(string Url, string Alt);

/// <summary>
/// Proposes metadata from product data alone, deterministically (the same data gives the same proposal) and within the
/// audit's rules: a title of 50–60 characters (name, brand, the defining attributes, the category, the shop), a
/// description of 140–160 (what it is, its price and stock, then the shop's promises until it fills the range), a
/// lower-case ASCII slug without stop words, alt texts for images that lack one, and Product/Offer/BreadcrumbList JSON-LD.
/// </summary>
public static class MetadataGenerator
{
    public const int TitleMin = 50, TitleMax = 60, DescriptionMin = 140, DescriptionMax = 160, SlugMax = 75;

    private static readonly string[] TitleFillers = ["Buy online", "Free delivery", "Best price", "Order today", "In stock"];
    private static readonly string[] DescriptionFillers =
        ["Order online with fast delivery.", "Easy returns within 30 days.", "Secure payment by card or on delivery.", "See sizes, details and reviews.",
         "Original products, full warranty.", "Questions? Our team is here to help.",
         // Short ones close the last gap: whatever is left under 140, one of these fits under 160.
         "Great value.", "Top quality.", "Order now.", "Shop now."];

    public static PageMetadata Generate(ProductData p)
    {
        var name = Clean(p.Name) ?? Clean(SlugWords(p.Url)) ?? "Product";
        var brand = Clean(p.Brand);
        var leaf = Clean(p.Category?.Split('>', '/', '|').Select(s => s.Trim()).LastOrDefault(s => s.Length > 0));
        var attributes = (p.Attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => Clean(a.Value)).Where(v => v is { Length: > 0 and <= 30 }).Select(v => v!).ToList();
        var named = brand is not null && !name.Contains(brand, StringComparison.OrdinalIgnoreCase) ? $"{name} {brand}" : name;

        var title = Fit(named, [.. attributes.Select(Capitalize), .. leaf is null ? Array.Empty<string>() : [leaf], .. Clean(p.SiteName) is { } site ? [site] : Array.Empty<string>(), .. TitleFillers],
            TitleMin, TitleMax, " – ", " | ");
        var description = Describe(name, brand, leaf, attributes, p);
        var slug = Slug(p.Name is null ? SlugWords(p.Url) ?? "product" : $"{name}{(brand is null || name.Contains(brand, StringComparison.OrdinalIgnoreCase) ? "" : " " + brand)}");
        var images = p.Images ?? [];
        var alts = images.Select((image, i) => new ImageAlt(image.Url, Clean(image.Alt) ?? $"{named}{(attributes.Count > 0 ? ", " + string.Join(", ", attributes.Take(2)) : "")}{(i > 0 ? $" – view {i + 1}" : "")}"))
            .ToList();
        var og = new Dictionary<string, string> { ["og:type"] = "product", ["og:title"] = title, ["og:description"] = description, ["og:url"] = p.Url };
        if (images.Count > 0) og["og:image"] = images[0].Url;
        if (p.Price is { } price && p.Currency is { } currency)
        {
            og["product:price:amount"] = price.ToString("0.00", CultureInfo.InvariantCulture);
            og["product:price:currency"] = currency.ToUpperInvariant();
        }
        return new PageMetadata(title, description, slug, p.Url, "index, follow", og, alts, JsonLd(p, name, brand, images));
    }

    /// <summary>The base, then the extras in order while they fit under max; a base over max is cut at a word.</summary>
    private static string Fit(string text, IEnumerable<string> extras, int min, int max, string firstSeparator, string separator)
    {
        if (text.Length > max) return CutAtWord(text, max);
        var first = true;
        foreach (var extra in extras)
        {
            if (text.Length >= min) break;
            var next = text + (first ? firstSeparator : separator) + extra;
            if (next.Length <= max) { text = next; first = false; }
        }
        return text;
    }

    private static string Describe(string name, string? brand, string? leaf, List<string> attributes, ProductData p)
    {
        var sb = new StringBuilder(name);
        if (brand is not null && !name.Contains(brand, StringComparison.OrdinalIgnoreCase)) sb.Append(" by ").Append(brand);
        if (attributes.Count > 0) sb.Append(", ").Append(string.Join(", ", attributes.Take(3).Select(a => a.ToLowerInvariant())));
        sb.Append('.');
        if (p.Price is { } price && p.Currency is { } currency)
        {
            sb.Append(' ').Append(leaf is null ? "Now" : $"{leaf} at").Append(' ').Append(price.ToString("0.00", CultureInfo.InvariantCulture)).Append(' ').Append(currency.ToUpperInvariant());
            sb.Append(p.Availability switch { "in_stock" => ", in stock.", "preorder" => ", available to pre-order.", "out_of_stock" => ", back soon.", _ => "." });
        }
        var text = sb.ToString();
        if (text.Length > DescriptionMax) return CutAtWord(text, DescriptionMax - 1).TrimEnd(',', '.', ' ') + "…";
        foreach (var filler in DescriptionFillers)
        {
            if (text.Length >= DescriptionMin) break;
            if (text.Length + 1 + filler.Length <= DescriptionMax && !text.Contains(filler, StringComparison.Ordinal)) text += " " + filler;
        }
        return text;
    }

    private static string JsonLd(ProductData p, string name, string? brand, IReadOnlyList<(string Url, string? Alt)> images)
    {
        var product = new JsonObject { ["@type"] = "Product", ["name"] = name, ["url"] = p.Url };
        if (brand is not null) product["brand"] = new JsonObject { ["@type"] = "Brand", ["name"] = brand };
        if (images.Count > 0) product["image"] = new JsonArray(images.Select(i => (JsonNode)JsonValue.Create(i.Url)!).ToArray());
        if (Clean(p.ExternalId) is { } sku) product["sku"] = sku;
        if (Clean(p.Category) is { } category) product["category"] = category;
        if (p.Price is { } price && p.Currency is { } currency)
            product["offers"] = new JsonObject
            {
                ["@type"] = "Offer", ["price"] = price.ToString("0.00", CultureInfo.InvariantCulture), ["priceCurrency"] = currency.ToUpperInvariant(), ["url"] = p.Url,
                ["availability"] = "https://schema.org/" + (p.Availability switch { "out_of_stock" => "OutOfStock", "preorder" => "PreOrder", "backorder" => "BackOrder", "discontinued" => "Discontinued", _ => "InStock" }),
            };
        var crumbs = new JsonArray();
        var position = 1;
        foreach (var level in (p.Category ?? "").Split('>', '/', '|').Select(s => s.Trim()).Where(s => s.Length > 0))
            crumbs.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position++, ["name"] = level });
        crumbs.Add(new JsonObject { ["@type"] = "ListItem", ["position"] = position, ["name"] = name, ["item"] = p.Url });
        var graph = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new JsonArray(product, new JsonObject { ["@type"] = "BreadcrumbList", ["itemListElement"] = crumbs }),
        };
        return graph.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Lower-case ASCII words joined by hyphens: diacritics dropped (ș → s), stop words left out, at most 75 characters.</summary>
    public static string Slug(string text)
    {
        var ascii = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c switch { 'ß' => 's', 'ø' or 'Ø' => 'o', 'đ' or 'Đ' => 'd', 'ł' or 'Ł' => 'l', _ => c });
            ascii.Append(lower is >= 'a' and <= 'z' or >= '0' and <= '9' ? lower : ' ');
        }
        var words = ascii.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SeoWords.IsStopWord(w)).ToList();
        var slug = "";
        foreach (var word in words)
        {
            var next = slug.Length == 0 ? word : slug + "-" + word;
            if (next.Length > SlugMax) break;
            slug = next;
        }
        return slug.Length > 0 ? slug : "page";
    }

    private static string? SlugWords(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.AbsolutePath.TrimEnd('/').Split('/')[^1] is { Length: > 0 } last
            ? Capitalize(Uri.UnescapeDataString(last).Replace('-', ' ').Replace('_', ' ')) : null;

    private static string CutAtWord(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text[..max];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', '-', '–', '|', ' ');
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
