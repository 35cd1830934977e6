namespace BrandHub.Core.Tracking;

/// <summary>The marketing channels a visit or touch is classified into.</summary>
public static class TouchChannels
{
    public const string PaidSearch = "paid_search", PaidSocial = "paid_social", Display = "display", Affiliate = "affiliate",
        OrganicSearch = "organic_search", OrganicSocial = "organic_social", Email = "email", Sms = "sms", WhatsApp = "whatsapp",
        Push = "push", Referral = "referral", Direct = "direct";

    public static readonly IReadOnlyList<string> All =
        [PaidSearch, PaidSocial, Display, Affiliate, OrganicSearch, OrganicSocial, Email, Sms, WhatsApp, Push, Referral, Direct];
}

/// <summary>What is known about how a visit arrived.</summary>
/// <param name="MessageChannel">The channel of the BrandHub delivery whose tracked link was clicked, when the visit carries one.</param>
/// <param name="Referrer">The referring URL (document.referrer or the Referer header).</param>
/// <param name="SiteHosts">The tenant's own hosts: a referral from one of them is the same visit going on, i.e. direct.</param>
public sealed record TouchSource(
    string? UtmSource = null, string? UtmMedium = null, string? Referrer = null,
    string? Gclid = null, string? Msclkid = null, string? Fbclid = null, string? Ttclid = null, string? MessageChannel = null,
    IReadOnlyCollection<string>? SiteHosts = null);
