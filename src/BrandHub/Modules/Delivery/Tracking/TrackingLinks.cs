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
    private readonly TokenKey key;
    private readonly TimeProvider clock;

    public TrackingLinks(SecretKeys secrets, IConfiguration config, TimeProvider? clock = null)
    {
        key = new TokenKey(secrets.Derive("links"));
        this.clock = clock ?? TimeProvider.System;
        BaseUrl = (config["BrandHub:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
    }

    public string BaseUrl { get; }

    public string Click(Guid tenantId, Guid deliveryId, string targetUrl) =>
        $"{BaseUrl}/t/c/{SignedToken.Create(key, ClickPurpose, $"{tenantId:N}|{deliveryId:N}|{targetUrl}")}";

    /// <summary>
    /// The open pixel's URL. It carries when it was issued (rendering happens as the message is sent), so an open
    /// seconds later can be told apart as a scanner's fetch (see <see cref="Core.Delivery.MachineOpens"/>).
    /// </summary>
    public string OpenPixel(Guid tenantId, Guid deliveryId) =>
        $"{BaseUrl}/t/o/{SignedToken.Create(key, OpenPurpose, $"{tenantId:N}|{deliveryId:N}|{clock.GetUtcNow().ToUnixTimeMilliseconds()}")}";

    /// <param name="deliveryId">The message the link came in, when there is one (recorded with the consent change).</param>
    public string Unsubscribe(Guid tenantId, Guid contactId, Guid? deliveryId, string channel) =>
        UnsubscribeUrl(UnsubscribeToken(tenantId, contactId, deliveryId, channel));

    /// <summary>The link for a token made by <see cref="UnsubscribeToken"/> (a message uses one token in its body and headers).</summary>
    public string UnsubscribeUrl(string token) => $"{BaseUrl}/u/{token}";

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

    public bool TryReadOpen(string token, out Guid tenantId, out Guid deliveryId) => TryReadOpen(token, out tenantId, out deliveryId, out _);

    /// <param name="issuedAt">When the pixel was issued; null for tokens issued before it was recorded.</param>
    public bool TryReadOpen(string token, out Guid tenantId, out Guid deliveryId, out DateTimeOffset? issuedAt)
    {
        tenantId = deliveryId = Guid.Empty;
        issuedAt = null;
        if (!SignedToken.TryRead(key, OpenPurpose, token, out var payload)) return false;
        var parts = payload.Split('|');
        if (parts.Length is not (2 or 3) || !Guid.TryParseExact(parts[0], "N", out tenantId) || !Guid.TryParseExact(parts[1], "N", out deliveryId)) return false;
        if (parts.Length == 3)
        {
            if (!long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
                || ms > 253_402_300_799_999) return false;
            issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        return true;
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
