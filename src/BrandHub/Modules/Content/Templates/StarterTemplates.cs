using System.Text.Json.Nodes;
using BrandHub.Core;
using BrandHub.Data;
using BrandHub.Modules.Platform.Tenancy;

namespace BrandHub.Modules.Content.Templates;

/// <summary>
/// Three email templates the demo tenant starts with, so a newcomer can send before writing one: a transactional order
/// confirmation (with a list of items), a welcome email and a newsletter with an offer. They go through the same checks
/// as any saved template (strict variables, sanitiser) and are audited as created by <c>system:demo</c>.
/// </summary>
public static class StarterTemplates
{
    public static async Task SeedAsync(IServiceProvider services, Guid tenantId, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        scope.ServiceProvider.GetRequiredService<Actor>().Set("system:demo");
        var library = scope.ServiceProvider.GetRequiredService<TemplateLibrary>();
        foreach (var body in All)
        {
            var errors = new List<FieldError>();
            var draft = TemplateDraft.Read(body, requireName: true, errors)
                        ?? throw new InvalidOperationException($"Starter template '{body.Name}' is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
            await library.CreateAsync(body, draft, ct);
        }
    }

    public static IReadOnlyList<TemplateRequest> All =>
    [
        new("Order confirmation", "Order {{data.order.number}} confirmed", """
            <h1>Thank you, {{default contact.firstName "there"}}!</h1>
            <p>Your order <strong>{{data.order.number}}</strong> is confirmed and will ship within two working days.</p>
            <table role="presentation" width="100%">
              <tbody>{{#each data.order.items}}<tr><td>{{name}}</td><td align="right">{{quantity}} × {{price}}</td></tr>{{/each}}</tbody>
            </table>
            <p>Total: <strong>{{data.order.total}}</strong></p>
            <p><a href="https://shop.example.com/account/orders">Track your order</a></p>
            """,
            Description: "Transactional: sent by the ERP when an order is placed.", Preheader: "Order {{data.order.number}} — thank you",
            Variables:
            [
                new("order.number", true, JsonValue.Create("RO-1001")),
                new("order.total", true, JsonValue.Create("249.90 RON")),
                new("order.items", false, new JsonArray(new JsonObject { ["name"] = "Running shoes", ["quantity"] = 1, ["price"] = "249.90 RON" })),
            ]),
        new("Welcome", "Welcome to {{tenant.name}}, {{default contact.firstName \"friend\"}}", """
            <h1>Welcome, {{default contact.firstName "friend"}}!</h1>
            <p>Thanks for joining {{tenant.name}}. Here is what to expect: one newsletter a week, early access to sales and
            offers picked for you.</p>
            <p><a href="https://shop.example.com/new">See what's new</a></p>
            <p style="font-size:12px;color:#666">Not for you? <a href="{{links.unsubscribeUrl}}">Unsubscribe</a>.</p>
            """,
            Description: "Marketing: the first email after sign-up.", Preheader: "Good to have you with us"),
        new("Weekly offer", "{{default contact.firstName \"Hi\"}}, {{data.discount}} off this week", """
            <h1>This week: {{data.discount}} off</h1>
            <p>Use code <strong>{{data.offerCode}}</strong> at checkout until Sunday{{#if contact.city}} — also in our {{contact.city}} store{{/if}}.</p>
            <p><a href="https://shop.example.com/offers">Shop the offers</a></p>
            <p style="font-size:12px;color:#666"><a href="{{links.preferencesUrl}}">Email preferences</a> ·
              <a href="{{links.unsubscribeUrl}}">Unsubscribe</a></p>
            """,
            Description: "Marketing: the weekly newsletter with a discount code.", Preheader: "Code {{data.offerCode}} inside",
            Variables: [new("discount", true, JsonValue.Create("20%")), new("offerCode", true, JsonValue.Create("WEEK48"))]),
    ];
}
