using BrandHub.Modules.Content.Templates;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Content;

/// <summary>The demo tenant's starter templates pass the same checks as any saved template and render with their samples.</summary>
public sealed class StarterTemplateTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task The_starter_templates_are_saved_valid_and_preview_with_their_sample_data()
    {
        var tenant = await host.NewTenantAsync();
        await StarterTemplates.SeedAsync(host.App.Services, tenant.TenantId, default);

        var list = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?sort=name");
        list.GetProperty("items").EnumerateArray().Select(t => t.Str("name")).ShouldBe(["Order confirmation", "Weekly offer", "Welcome"]);
        foreach (var template in list.GetProperty("items").EnumerateArray())
        {
            var preview = await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{template.Id()}/preview", new { });
            preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
            var rendered = await preview.JsonAsync();
            rendered.Str("subject")!.ShouldNotContain("{{");
            rendered.Str("html")!.ShouldNotContain("{{");
        }
        var order = list.GetProperty("items").EnumerateArray().Single(t => t.Str("name") == "Order confirmation");
        var orderPreview = await (await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{order.Id()}/preview", new { })).JsonAsync();
        orderPreview.Str("subject").ShouldBe("Order RO-1001 confirmed");
        orderPreview.Str("html")!.ShouldContain("Running shoes");
    }
}
