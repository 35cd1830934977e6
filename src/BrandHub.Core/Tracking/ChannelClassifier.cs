namespace BrandHub.Core.Tracking;

/// <summary>
/// Classifies how a visit arrived into one channel. The rules, first match wins:
/// <list type="number">
/// <item>a BrandHub tracked-link click: the channel of the message (email, sms, whatsapp, push);</item>
/// <item>an ad click id: <c>gclid</c>/<c>msclkid</c> → paid search, <c>ttclid</c> → paid social; <c>fbclid</c> counts as
/// paid social only with a paid medium (Facebook adds it to organic shares too);</item>
/// <item><c>utm_medium</c> by the tenant's medium list; a generic paid medium (cpc, ppc, paid) is paid social when the
/// source is a social network, display when it is neither search nor social, else paid search;</item>
/// <item><c>utm_source</c> alone: a search engine → organic search, a social network → organic social; any other tagged
/// source → referral;</item>
/// <item>the referrer's host: search engine → organic search, social network → organic social, webmail → email, the
/// site's own host → direct (the visit going on), anything else → referral;</item>
/// <item>nothing: direct.</item>
/// </list>
/// Matching is case-insensitive and ignores "www.".
/// </summary>
public static class ChannelClassifier
{
    public static string Classify(TouchSource touch, ChannelRules? rules = null)
    {
        rules ??= ChannelRules.Default;
        if (Clean(touch.MessageChannel) is { } message && TouchChannels.All.Contains(message)) return message;

        var medium = Clean(touch.UtmMedium);
        var source = Clean(touch.UtmSource);
        var mediumChannel = medium is not null && rules.Mediums.TryGetValue(medium, out var m) ? m : null;

        if (Present(touch.Gclid) || Present(touch.Msclkid)) return TouchChannels.PaidSearch;
        if (Present(touch.Ttclid)) return TouchChannels.PaidSocial;
        if (Present(touch.Fbclid) && mediumChannel is "paid" or TouchChannels.PaidSocial or TouchChannels.PaidSearch) return TouchChannels.PaidSocial;

        if (mediumChannel == "paid")
            return source is not null && rules.IsSocial(source) ? TouchChannels.PaidSocial
                : source is not null && !rules.IsSearch(source) ? TouchChannels.Display
                : TouchChannels.PaidSearch;
        if (mediumChannel is not null)
            return mediumChannel == TouchChannels.Direct && source is not null ? FromSource(source, rules) : mediumChannel;
        if (source is not null) return FromSource(source, rules);
        if (Present(touch.Fbclid)) return TouchChannels.OrganicSocial;

        if (Host(touch.Referrer) is { } host)
        {
            if (touch.SiteHosts?.Any(h => Host("https://" + h) == host) == true) return TouchChannels.Direct;
            if (ChannelRules.Matches(host, rules.Webmail)) return TouchChannels.Email;
            if (ChannelRules.Matches(host, rules.SearchEngines)) return TouchChannels.OrganicSearch;
            if (ChannelRules.Matches(host, rules.SocialNetworks)) return TouchChannels.OrganicSocial;
            return TouchChannels.Referral;
        }
        return TouchChannels.Direct;
    }

    private static string FromSource(string source, ChannelRules rules) =>
        rules.IsSearch(source) ? TouchChannels.OrganicSearch : rules.IsSocial(source) ? TouchChannels.OrganicSocial : TouchChannels.Referral;

    /// <summary>A URL's host as the rules compare it: lower case, without "www."; null for none or an unparsable one.</summary>
    public static string? Host(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return null;
        var host = uri.Host.ToLowerInvariant().TrimEnd('.');
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static bool Present(string? value) => !string.IsNullOrWhiteSpace(value);
}
