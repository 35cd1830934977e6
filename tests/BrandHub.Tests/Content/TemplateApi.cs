using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Content;

/// <summary>Short calls to the templates API for tests.</summary>
public static class TemplateApi
{
    public const string Path = "/api/v1/content/templates";

    public static object OrderConfirmation(string name = "Order confirmation") => new
    {
        name,
        subject = "Order {{data.order.number}} confirmed",
        preheader = "Thanks, {{contact.firstName}}",
        html = "<h1>Hi {{contact.firstName}}</h1><p>Order <b>{{data.order.number}}</b> is confirmed.</p>" +
               "<table><tbody>{{#each data.items}}<tr><td>{{name}}</td><td>{{price}}</td></tr>{{/each}}</tbody></table>" +
               "<p><a href=\"https://shop.example/orders/{{data.order.number}}\">Track it</a> · <a href=\"{{links.unsubscribeUrl}}\">Unsubscribe</a></p>",
        variables = new object[]
        {
            new { name = "order.number", required = true, sample = "A-1001" },
            new { name = "items", required = false, sample = new object[] { new { name = "Shoe", price = 49.9 } } },
        },
    };

    public static async Task<JsonElement> CreateTemplateAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync(Path, body);
        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static int Version(this JsonElement template) => template.GetProperty("version").GetInt32();
}
