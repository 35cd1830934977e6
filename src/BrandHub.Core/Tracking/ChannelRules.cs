namespace BrandHub.Core.Tracking;

/// <summary>
/// The lists the classifier matches against: mediums by channel (lower-case, exact), and the hosts of search engines,
/// social networks and webmail (a host matches itself and its subdomains; an entry ending in '.' matches any top-level
/// domain, so "google." is google.com, google.ro and www.google.de). Tenants may replace any list; these are the defaults.
/// </summary>
public sealed record ChannelRules(
    IReadOnlyDictionary<string, string> Mediums,
    IReadOnlyList<string> SearchEngines,
    IReadOnlyList<string> SocialNetworks,
    IReadOnlyList<string> Webmail)
{
    public static readonly ChannelRules Default = new(
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cpc"] = "paid", ["ppc"] = "paid", ["paid"] = "paid", ["paidsearch"] = TouchChannels.PaidSearch, ["paid_search"] = TouchChannels.PaidSearch,
            ["paid-search"] = TouchChannels.PaidSearch, ["sem"] = TouchChannels.PaidSearch,
            ["paidsocial"] = TouchChannels.PaidSocial, ["paid_social"] = TouchChannels.PaidSocial, ["paid-social"] = TouchChannels.PaidSocial, ["social-paid"] = TouchChannels.PaidSocial,
            ["display"] = TouchChannels.Display, ["banner"] = TouchChannels.Display, ["cpm"] = TouchChannels.Display, ["programmatic"] = TouchChannels.Display,
            ["affiliate"] = TouchChannels.Affiliate, ["affiliates"] = TouchChannels.Affiliate, ["partner"] = TouchChannels.Affiliate,
            ["organic"] = TouchChannels.OrganicSearch, ["seo"] = TouchChannels.OrganicSearch,
            ["social"] = TouchChannels.OrganicSocial, ["social-network"] = TouchChannels.OrganicSocial, ["social-media"] = TouchChannels.OrganicSocial, ["sm"] = TouchChannels.OrganicSocial,
            ["email"] = TouchChannels.Email, ["e-mail"] = TouchChannels.Email, ["e_mail"] = TouchChannels.Email, ["newsletter"] = TouchChannels.Email,
            ["sms"] = TouchChannels.Sms, ["text"] = TouchChannels.Sms,
            ["whatsapp"] = TouchChannels.WhatsApp,
            ["push"] = TouchChannels.Push, ["web-push"] = TouchChannels.Push, ["in-app"] = TouchChannels.Push,
            ["referral"] = TouchChannels.Referral,
            ["(none)"] = TouchChannels.Direct, ["none"] = TouchChannels.Direct,
        },
        ["google.", "bing.com", "duckduckgo.com", "search.yahoo.com", "yahoo.com", "yandex.", "baidu.com", "ecosia.org", "search.brave.com", "qwant.com", "startpage.com"],
        ["facebook.com", "fb.com", "m.facebook.com", "l.facebook.com", "instagram.com", "l.instagram.com", "t.co", "twitter.com", "x.com",
            "linkedin.com", "lnkd.in", "tiktok.com", "pinterest.", "reddit.com", "youtube.com", "youtu.be", "threads.net", "snapchat.com", "vk.com"],
        ["mail.google.com", "outlook.live.com", "outlook.office.com", "mail.yahoo.com", "mail.proton.me", "webmail."]);

    /// <summary>The source names (utm_source) that mean a search engine or a social network, for paid and untyped traffic.</summary>
    public bool IsSearch(string name) => Matches(name, SearchEngines) || name is "google" or "bing" or "yahoo" or "yandex" or "baidu" or "duckduckgo" or "ecosia";

    public bool IsSocial(string name) => Matches(name, SocialNetworks) || name is "facebook" or "fb" or "instagram" or "ig" or "twitter" or "x" or "linkedin"
        or "tiktok" or "pinterest" or "reddit" or "youtube" or "snapchat" or "meta" or "threads";

    /// <summary>True when <paramref name="host"/> is one of <paramref name="patterns"/> or a subdomain of one.</summary>
    public static bool Matches(string host, IReadOnlyList<string> patterns)
    {
        foreach (var p in patterns)
        {
            if (p.EndsWith('.'))
            {
                // "google." : google.<tld> or google.co.<tld>, at the start or after a dot.
                var at = host.StartsWith(p, StringComparison.Ordinal) ? 0 : host.IndexOf("." + p, StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;
                if (at >= 0 && !host[(at + p.Length)..].Contains("..") && host.Length > at + p.Length) return true;
            }
            else if (host == p || host.EndsWith("." + p, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
