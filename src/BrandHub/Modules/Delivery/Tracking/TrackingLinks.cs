using BrandHub.Core.Delivery;
using BrandHub.Modules.Platform.Secrets;

namespace BrandHub.Modules.Delivery.Tracking;

/// <summary>
/// The signed public links BrandHub puts in messages: click redirects (<c>/t/c/{token}</c>), the open pixel
/// (<c>/t/o/{token}</c>) and the unsubscribe / preference-centre link (<c>/u/{token}</c>: GET shows the preference
/// centre, POST is the RFC 8058 one-click unsubscribe). Tokens are HMAC-signed with a key derived from the platform
/// secret, so they cannot be forged, and a click token carries its target, so the redirect never goes anywhere the
/// message did not link to. Base URL: <c>BrandHub:PublicBaseUrl</c> (what recipients' browsers can reach).
/// </summary>
public sealed class TrackingLinks
{
    private const string ClickPurpose = "click", OpenPurpose = "open", UnsubscribePurpose = "unsubscribe";
    private readonly byte[] key;

    public TrackingLinks(SecretKeys secrets, IConfiguration config)
    {
        key = secrets.Derive("links");
        BaseUrl = (config["BrandHub:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string Click(Guid tenantId, Guid deliveryId, string targetUrl) =>
        $"{BaseUrl}/t/c/{SignedToken.Create(key, ClickPurpose, $"{tenantId:N}|{deliveryId:N}|{targetUrl}")}";

    public string OpenPixel(Guid tenantId, Guid deliveryId) =>
        $"{BaseUrl}/t/o/{SignedToken.Create(key, OpenPurpose, $"{tenantId:N}|{deliveryId:N}")}";

    /// <param name="deliveryId">The message the link came in, when there is one (recorded with the consent change).</param>
    public string Unsubscribe(Guid tenantId, Guid contactId, Guid? deliveryId, string channel) =>
        $"{BaseUrl}/u/{UnsubscribeToken(tenantId, contactId, deliveryId, channel)}";

    public string UnsubscribeToken(Guid tenantId, Guid contactId, Guid? deliveryId, string channel) =>
        SignedToken.Create(key, UnsubscribePurpose, $"{tenantId:N}|{contactId:N}|{deliveryId?.ToString("N")}|{channel}");

    public bool TryReadClick(string token, out Guid tenantId, out Guid deliveryId, out string targetUrl)
    {
        tenantId = deliveryId = Guid.Empty;
        targetUrl = "";
        if (!SignedToken.TryRead(key, ClickPurpose, token, out var payload)) return false;
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out tenantId) || !Guid.TryParseExact(parts[1], "N", out deliveryId)) return false;
        targetUrl = parts[2];
        return Uri.TryCreate(targetUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    public bool TryReadOpen(string token, out Guid tenantId, out Guid deliveryId)
    {
        tenantId = deliveryId = Guid.Empty;
        if (!SignedToken.TryRead(key, OpenPurpose, token, out var payload)) return false;
        var parts = payload.Split('|');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out tenantId) && Guid.TryParseExact(parts[1], "N", out deliveryId);
    }

    public bool TryReadUnsubscribe(string token, out Guid tenantId, out Guid contactId, out Guid? deliveryId, out string channel)
    {
        tenantId = contactId = Guid.Empty;
        deliveryId = null;
        channel = "";
        if (!SignedToken.TryRead(key, UnsubscribePurpose, token, out var payload)) return false;
        var parts = payload.Split('|');
        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out tenantId) || !Guid.TryParseExact(parts[1], "N", out contactId)) return false;
        if (parts[2].Length > 0)
        {
            if (!Guid.TryParseExact(parts[2], "N", out var d)) return false;
            deliveryId = d;
        }
        channel = parts[3];
        return channel.Length > 0;
    }
}
