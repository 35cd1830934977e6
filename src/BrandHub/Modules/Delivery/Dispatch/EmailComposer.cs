using System.Text.Json.Nodes;
using BrandHub.Core.Delivery;
using BrandHub.Core.Tracking;
using BrandHub.Modules.Audience.Recipients;
using BrandHub.Modules.Channels.Email;
using BrandHub.Modules.Content;
using BrandHub.Modules.Delivery.Tracking;

namespace BrandHub.Modules.Delivery.Dispatch;

/// <summary>
/// Renders a delivery for its recipient: the model the template sees (<c>contact</c>, <c>data</c>, <c>links</c>),
/// tracked links and the open pixel for marketing mail, and the RFC 8058 one-click unsubscribe headers that every
/// marketing email carries (mailbox providers require them for bulk senders).
/// </summary>
public sealed class EmailComposer(TrackingLinks links, DeliveryOptions options)
{
    /// <param name="utmRules">The tenant's UTM naming rules: the tags added to links follow them.</param>
    public OutgoingEmail Compose(Delivery d, Recipient? r, PreparedEmail template, EmailSender sender, string tenantName, UtmRules utmRules)
    {
        var marketing = d.Category == MessageCategories.Marketing;
        var unsubscribeToken = r is null ? null : links.UnsubscribeToken(d.TenantId, r.ContactId, d.Id, d.Channel);
        var unsubscribeUrl = unsubscribeToken is null ? null : links.UnsubscribeUrl(unsubscribeToken);
        var model = new JsonObject
        {
            ["contact"] = r is null ? new JsonObject { ["email"] = d.Address } : new JsonObject
            {
                ["id"] = r.ContactId.ToString(), ["email"] = d.Address, ["firstName"] = r.FirstName, ["lastName"] = r.LastName,
                ["phone"] = r.Phone, ["city"] = r.City, ["country"] = r.Country, ["company"] = r.Company,
                ["language"] = r.Locale, ["timezone"] = r.Timezone,
                ["attributes"] = r.AttributesJson is "{}" or "" ? new JsonObject() : JsonNode.Parse(r.AttributesJson) as JsonObject ?? new JsonObject(),
            },
            ["data"] = JsonNode.Parse(d.DataJson) as JsonObject ?? new JsonObject(),
            ["links"] = new JsonObject { ["unsubscribeUrl"] = unsubscribeUrl, ["preferencesUrl"] = unsubscribeUrl },
            ["tenant"] = new JsonObject { ["name"] = tenantName },
        };
        // The template's name is the campaign tag (a campaign's content is a template named after it).
        var utm = UtmLinks.Slugs(new UtmParameters(options.UtmSource, "email", template.TemplateName), utmRules);
        var rendered = marketing
            ? template.Render(model, url => links.Click(d.TenantId, d.Id, UtmLinks.TagAsIs(url, utm)), links.OpenPixel(d.TenantId, d.Id))
            : template.Render(model);

        var headers = new List<KeyValuePair<string, string>>();
        if (marketing && r is not null)
        {
            var mailbox = options.UnsubscribeMailbox is { Length: > 0 } m ? m : sender.ReplyTo ?? sender.FromEmail;
            headers.Add(new("List-Unsubscribe", $"<mailto:{mailbox}?subject=unsubscribe%20{unsubscribeToken}>, <{unsubscribeUrl}>"));
            headers.Add(new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        }
        var name = r is null ? null : $"{r.FirstName} {r.LastName}".Trim();
        return new OutgoingEmail(d.Id, d.Address, string.IsNullOrEmpty(name) ? null : name, rendered.Subject, rendered.Html, rendered.Text, headers);
    }
}
