namespace BrandHub.Core.Seo;

public static class SeoSeverities
{
    public const string Critical = "critical", High = "high", Low = "low";
    public static readonly IReadOnlyList<string> All = [Critical, High, Low];

    /// <summary>What a failing rule takes off the 100 points unless the tenant gives it another weight.</summary>
    public static int DefaultWeight(string severity) => severity switch { Critical => 30, High => 10, _ => 3 };
}

/// <summary>One audit rule: a stable id (findings keep it across versions), its default severity and thresholds, and how to fix what it finds.</summary>
public sealed record SeoRule(string Id, string Severity, string Description, string Fix, IReadOnlyDictionary<string, decimal> Thresholds, bool SiteWide = false);

/// <summary>The rule catalogue. The ids are part of the API: never rename one.</summary>
public static class SeoRules
{
    public const string HttpStatus = "http-status", Noindex = "noindex", RobotsTxtBlocked = "robots-txt-blocked", RobotsTxtInvalid = "robots-txt-invalid",
        TitleMissing = "title-missing", TitleLength = "title-length", MetaDescriptionMissing = "meta-description-missing",
        MetaDescriptionLength = "meta-description-length", H1Missing = "h1-missing", H1Multiple = "h1-multiple", CanonicalMissing = "canonical-missing",
        CanonicalInvalid = "canonical-invalid", CanonicalConflict = "canonical-conflict", HreflangInvalid = "hreflang-invalid",
        ImageAltMissing = "image-alt-missing", LinkTextGeneric = "link-text-generic", AnchorNotCrawlable = "anchor-not-crawlable",
        SlugInvalid = "slug-invalid", StructuredDataInvalid = "structured-data-invalid", DuplicateTitle = "duplicate-title",
        DuplicateDescription = "duplicate-description", ThinContent = "thin-content", BrokenLink = "broken-link", RedirectChain = "redirect-chain",
        MixedContent = "mixed-content", MissingLang = "missing-lang", MissingViewport = "missing-viewport";

    private static Dictionary<string, decimal> T(params (string Key, decimal Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    public static readonly IReadOnlyList<SeoRule> All =
    [
        new(HttpStatus, SeoSeverities.Critical, "The page answers with a 4xx or 5xx status.", "Serve the page with 200, or redirect (301) its URL to the page that replaced it.", T()),
        new(Noindex, SeoSeverities.Critical, "A robots meta tag or X-Robots-Tag header (for every crawler or a named one) says noindex or none.",
            "Remove noindex/none from the robots meta tag and the X-Robots-Tag header if the page should be found.", T()),
        new(RobotsTxtBlocked, SeoSeverities.Critical, "robots.txt disallows the page for the crawler.", "Change the Disallow rule in robots.txt that matches the page.", T()),
        new(RobotsTxtInvalid, SeoSeverities.Low, "robots.txt has lines crawlers cannot read.", "Use `field: value` lines: User-agent first, then Allow/Disallow paths starting with / or *.", T()),
        new(TitleMissing, SeoSeverities.High, "The page has no <title> in its <head>.", "Add a descriptive <title> of 50–60 characters.", T()),
        new(TitleLength, SeoSeverities.Low, "The title is shorter or longer than search results show well.", "Write a title of 50–60 characters, the most important words first.",
            T(("min", 50), ("max", 60))),
        new(MetaDescriptionMissing, SeoSeverities.High, "The page has no meta description.", "Add <meta name=\"description\" content=\"…\"> of 140–160 characters.", T()),
        new(MetaDescriptionLength, SeoSeverities.Low, "The meta description is shorter or longer than search results show well.",
            "Write a meta description of 140–160 characters that says why to click.", T(("min", 140), ("max", 160))),
        new(H1Missing, SeoSeverities.High, "The page has no <h1>.", "Give the page one <h1> naming what it is about.", T()),
        new(H1Multiple, SeoSeverities.Low, "The page has more than one <h1>.", "Keep one <h1>; make the others <h2>.", T()),
        new(CanonicalMissing, SeoSeverities.Low, "The page names no canonical URL.", "Add <link rel=\"canonical\" href=\"https://…\"> with the page's preferred absolute URL.", T()),
        new(CanonicalInvalid, SeoSeverities.High, "A canonical URL is relative or cannot be parsed.", "Use an absolute https:// URL in the canonical.", T()),
        new(CanonicalConflict, SeoSeverities.High, "The <head> and the Link header name different canonical URLs.", "Name one canonical URL, the same in the HTML and the Link header.", T()),
        new(HreflangInvalid, SeoSeverities.High, "An hreflang alternate has a bad language code or a non-absolute URL.",
            "Use ISO 639-1 language codes with an optional ISO 3166-1 region (en, en-GB, ro-RO) or x-default, and absolute URLs.", T()),
        new(ImageAltMissing, SeoSeverities.Low, "An image has no alt attribute.", "Describe each image in its alt attribute (alt=\"\" for purely decorative ones).", T()),
        new(LinkTextGeneric, SeoSeverities.Low, "A link says only \"click here\", \"read more\" or the like.", "Make the link text say where it leads (\"Winter boots size guide\").", T()),
        new(AnchorNotCrawlable, SeoSeverities.High, "A link crawlers cannot follow: a javascript: or empty href, or no href with a click handler.",
            "Give every link a real URL in href; keep scripts as progressive enhancement.", T()),
        new(SlugInvalid, SeoSeverities.Low, "The URL path has upper case, spaces, underscores, non-ASCII characters, stop-word noise or is too long.",
            "Use short lower-case ASCII words joined by hyphens (/winter-boots-men).", T(("maxLength", 75), ("maxStopWords", 2))),
        new(StructuredDataInvalid, SeoSeverities.High, "JSON-LD that does not parse, a Product without name or offers/review/aggregateRating, or an Offer without price or priceCurrency.",
            "Fix the JSON-LD: valid JSON; Product with name and offers; Offer with price and priceCurrency.", T()),
        new(DuplicateTitle, SeoSeverities.High, "Other pages of the site have the same title.", "Give every page its own title.", T(), SiteWide: true),
        new(DuplicateDescription, SeoSeverities.Low, "Other pages of the site have the same meta description.", "Give every page its own meta description.", T(), SiteWide: true),
        new(ThinContent, SeoSeverities.Low, "A content page has little main text.", "Write at least 200 words of useful main content, or merge the page into a fuller one.",
            T(("minWords", 200))),
        new(BrokenLink, SeoSeverities.High, "An internal link leads to a 4xx or 5xx page.", "Point the link at a live page, or redirect the dead URL.", T(), SiteWide: true),
        new(RedirectChain, SeoSeverities.Low, "The page is reached through a chain of redirects.", "Link to the final URL and make every redirect a single hop.", T(("maxHops", 1))),
        new(MixedContent, SeoSeverities.High, "An https page loads resources over http.", "Load every image, script, style and frame over https.", T()),
        new(MissingLang, SeoSeverities.Low, "The <html> element has no lang attribute.", "Add lang to <html> (<html lang=\"ro\">).", T()),
        new(MissingViewport, SeoSeverities.Low, "The page has no viewport meta tag.", "Add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">.", T()),
    ];

    public static readonly IReadOnlyDictionary<string, SeoRule> ById = All.ToDictionary(r => r.Id);
}

/// <summary>A tenant's change to one rule; null keeps the default.</summary>
public sealed record SeoRuleOverride(bool? Enabled = null, string? Severity = null, IReadOnlyDictionary<string, decimal>? Thresholds = null, int? Weight = null);

/// <summary>The rules as one tenant runs them: the catalogue with its overrides applied.</summary>
public sealed class SeoAuditSettings
{
    public static readonly SeoAuditSettings Default = new(new Dictionary<string, SeoRuleOverride>());

    private readonly IReadOnlyDictionary<string, SeoRuleOverride> overrides;

    public SeoAuditSettings(IReadOnlyDictionary<string, SeoRuleOverride> overrides) => this.overrides = overrides;

    public IReadOnlyDictionary<string, SeoRuleOverride> Overrides => overrides;

    public bool Enabled(string rule) => overrides.GetValueOrDefault(rule)?.Enabled ?? true;
    public string Severity(string rule) => overrides.GetValueOrDefault(rule)?.Severity ?? SeoRules.ById[rule].Severity;
    public int Weight(string rule) => overrides.GetValueOrDefault(rule)?.Weight ?? SeoSeverities.DefaultWeight(Severity(rule));

    public decimal Threshold(string rule, string key) =>
        overrides.GetValueOrDefault(rule)?.Thresholds?.GetValueOrDefault(key) is { } custom ? custom : SeoRules.ById[rule].Thresholds[key];

    /// <summary>Every problem with a set of overrides, keyed <c>rules.{id}.{field}</c>.</summary>
    public static List<FieldError> Check(IReadOnlyDictionary<string, SeoRuleOverride> overrides)
    {
        var errors = new List<FieldError>();
        foreach (var (id, o) in overrides)
        {
            if (!SeoRules.ById.TryGetValue(id, out var rule)) { errors.Add(new($"rules.{id}", "No such rule.")); continue; }
            if (o.Severity is { } s && !SeoSeverities.All.Contains(s)) errors.Add(new($"rules.{id}.severity", $"One of {string.Join(", ", SeoSeverities.All)}."));
            if (o.Weight is < 0 or > 100) errors.Add(new($"rules.{id}.weight", "From 0 to 100 points."));
            foreach (var (key, value) in o.Thresholds ?? new Dictionary<string, decimal>())
            {
                if (!rule.Thresholds.ContainsKey(key))
                    errors.Add(new($"rules.{id}.thresholds.{key}", rule.Thresholds.Count == 0 ? "This rule has no thresholds." : $"One of {string.Join(", ", rule.Thresholds.Keys)}."));
                else if (value < 0 || value > 100_000) errors.Add(new($"rules.{id}.thresholds.{key}", "From 0 to 100,000."));
            }
            var merged = rule.Thresholds.ToDictionary(t => t.Key, t => o.Thresholds?.GetValueOrDefault(t.Key) is { } v ? v : t.Value);
            if (merged.TryGetValue("min", out var min) && merged.TryGetValue("max", out var max) && min > max)
                errors.Add(new($"rules.{id}.thresholds.min", "The minimum is at most the maximum."));
        }
        return errors;
    }
}

/// <summary>What an audit found: the rule, how serious, what is wrong, the offending element or value, and how to fix it.</summary>
public sealed record SeoFinding(string RuleId, string Severity, string Message, string? Element, string Fix);

/// <summary>
/// The page's score: 100 minus the weight of every rule that failed, each rule counted once however many elements fail
/// it (a page with 40 images without alt is one problem to fix, not forty), never below 0. Weights by severity unless
/// the tenant set one: critical 30, high 10, low 3.
/// </summary>
public static class SeoScore
{
    public static int Of(IEnumerable<SeoFinding> findings, SeoAuditSettings settings) =>
        Math.Max(0, 100 - findings.Select(f => f.RuleId).Distinct().Sum(settings.Weight));
}
