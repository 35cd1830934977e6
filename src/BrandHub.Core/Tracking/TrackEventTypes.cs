namespace BrandHub.Core.Tracking;

/// <summary>The event types <c>/api/v1/track</c> knows, and which of them are conversions.</summary>
public static class TrackEventTypes
{
    public const string PageView = "page_view", ViewContent = "view_content", AddToCart = "add_to_cart", BeginCheckout = "begin_checkout",
        Purchase = "purchase", Lead = "lead", Signup = "signup", Identify = "identify", Custom = "custom";

    public static readonly IReadOnlyList<string> All = [PageView, ViewContent, AddToCart, BeginCheckout, Purchase, Lead, Signup, Identify, Custom];

    /// <summary>What counts as a conversion unless the tenant configures otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultConversions = [Purchase, Lead, Signup];

    /// <summary>The ad click ids a visit may carry, as the URL parameters name them, and BrandHub's own (<c>bh</c>).</summary>
    public static readonly IReadOnlyList<string> ClickKinds = ["gclid", "fbclid", "ttclid", "msclkid", "bh"];

    /// <summary>The URL parameter BrandHub's tracked links add to the landing page: the delivery that was clicked.</summary>
    public const string BrandHubClickParameter = "bh_cid";
}
