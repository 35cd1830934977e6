using System.Text.RegularExpressions;

namespace BrandHub.Core.Seo;

/// <summary>One link of an HTTP <c>Link</c> header (RFC 8288): its target and parameters (rel, hreflang…), names lower-cased.</summary>
public sealed record HeaderLink(string Target, IReadOnlyDictionary<string, string> Parameters)
{
    public IEnumerable<string> Rels => Parameters.TryGetValue("rel", out var rel) ? rel.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
    public bool HasRel(string rel) => Rels.Any(r => r.Equals(rel, StringComparison.OrdinalIgnoreCase));
}

public static partial class LinkHeader
{
    /// <summary>Every link of a header value, several separated by commas: <c>&lt;https://a/&gt;; rel="canonical", &lt;https://a/de&gt;; rel=alternate; hreflang=de</c>.</summary>
    public static List<HeaderLink> Parse(string? value)
    {
        var links = new List<HeaderLink>();
        if (string.IsNullOrWhiteSpace(value)) return links;
        foreach (Match m in LinkPattern().Matches(value))
        {
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match p in ParameterPattern().Matches(m.Groups["params"].Value))
                parameters.TryAdd(p.Groups["name"].Value.ToLowerInvariant(), p.Groups["quoted"].Success ? p.Groups["quoted"].Value : p.Groups["token"].Value);
            links.Add(new HeaderLink(m.Groups["target"].Value.Trim(), parameters));
        }
        return links;
    }

    [GeneratedRegex("""<(?<target>[^>]*)>(?<params>(?:\s*;\s*[^;,"=]+(?:=(?:"[^"]*"|[^;,]*))?)*)""")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""\s*;\s*(?<name>[^=;,\s]+)\s*(?:=\s*(?:"(?<quoted>[^"]*)"|(?<token>[^;,\s]*)))?""")]
    private static partial Regex ParameterPattern();
}

/// <summary>hreflang values: a language (ISO 639, 2–3 letters), an optional script (4 letters) and region (2 letters or 3 digits), or x-default.</summary>
public static partial class Hreflang
{
    public static bool IsValid(string? value) =>
        value is not null && (value.Equals("x-default", StringComparison.OrdinalIgnoreCase) || TagPattern().IsMatch(value));

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?$")]
    private static partial Regex TagPattern();
}
