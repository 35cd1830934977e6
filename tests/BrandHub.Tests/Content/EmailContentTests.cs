using System.Text.Json.Nodes;
using BrandHub.Modules.Content;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Content;

/// <summary>The seam the delivery engine uses: a stored version or inline content, validated at queue time, rendered per recipient.</summary>
public sealed class EmailContentTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private async Task<EmailContentResult> PrepareAsync(Guid tenantId, EmailContentSource source)
    {
        using var scope = host.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<BrandHubDb>().Scope.Enter(tenantId);
        return await scope.ServiceProvider.GetRequiredService<IEmailContent>().PrepareAsync(source, CancellationToken.None);
    }

    private static JsonObject Model(JsonObject data) => new()
    {
        ["contact"] = new JsonObject { ["firstName"] = "Ana" }, ["data"] = data,
        ["links"] = new JsonObject { ["unsubscribeUrl"] = "https://bh.example/u/1" }, ["tenant"] = new JsonObject { ["name"] = "Shop" },
    };

    [Fact]
    public async Task A_queued_message_renders_the_version_it_was_prepared_with_even_after_an_edit()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        var v1 = await PrepareAsync(tenant.TenantId, new EmailContentSource(id));
        await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "Changed", html = "<p>v2</p>", version = 1 });

        v1.IsValid.ShouldBeTrue();
        v1.Email!.TemplateVersion.ShouldBe(1);
        var again = await PrepareAsync(tenant.TenantId, new EmailContentSource(id, 1));
        var email = again.Email!.Render(Model(new JsonObject { ["order"] = new JsonObject { ["number"] = "A-9" } }), u => "https://t.example/c?u=" + Uri.EscapeDataString(u), "https://t.example/o.gif");
        email.Subject.ShouldBe("Order A-9 confirmed");
        email.Html.ShouldContain("href=\"https://t.example/c?u=https%3A%2F%2Fshop.example%2Forders%2FA-9\"");
        email.Html.ShouldContain("href=\"https://bh.example/u/1\"");
        email.Html.ShouldContain("<img src=\"https://t.example/o.gif\"");
        (await PrepareAsync(tenant.TenantId, new EmailContentSource(id))).Email!.TemplateVersion.ShouldBe(2);
    }

    [Fact]
    public async Task Missing_required_data_is_an_error_at_queue_time()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        var prepared = (await PrepareAsync(tenant.TenantId, new EmailContentSource(id))).Email!;

        prepared.Validate(new JsonObject()).Keys.ShouldBe(["data.order.number"]);
        prepared.Validate(new JsonObject { ["order"] = new JsonObject { ["number"] = "A-1" } }).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_archived_foreign_and_missing_versions_are_field_errors()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();

        (await PrepareAsync(tenant.TenantId, new EmailContentSource(Guid.NewGuid()))).Errors.Keys.ShouldBe(["templateId"]);
        (await PrepareAsync(other.TenantId, new EmailContentSource(id))).Errors.Keys.ShouldBe(["templateId"]);
        (await PrepareAsync(tenant.TenantId, new EmailContentSource(id, 5))).Errors.Keys.ShouldBe(["templateVersion"]);
        await tenant.Client.PostAsync($"{TemplateApi.Path}/{id}/archive", null);
        (await PrepareAsync(tenant.TenantId, new EmailContentSource(id))).Errors["templateId"][0].ShouldContain("archived");
    }

    [Fact]
    public async Task Inline_content_is_sanitised_and_strict_about_built_in_variables()
    {
        var tenant = await host.NewTenantAsync();
        var ok = await PrepareAsync(tenant.TenantId, new EmailContentSource(null, Subject: "Invoice {{data.invoice}}", Html: "<p>Due {{data.due}}</p><script>x()</script>"));
        ok.IsValid.ShouldBeTrue();
        var email = ok.Email!.Render(Model(new JsonObject { ["invoice"] = "F-1", ["due"] = "today" }));
        (email.Subject, email.Text).ShouldBe(("Invoice F-1", "Due today"));
        email.Html.ShouldNotContain("script");

        (await PrepareAsync(tenant.TenantId, new EmailContentSource(null, Subject: "Hi", Html: " "))).Errors.Keys.ShouldBe(["content.html"]);
        var bad = await PrepareAsync(tenant.TenantId, new EmailContentSource(null, Subject: "Hi {{contact.frstName}}", Html: "<p>{{#if data.x}}</p>"));
        bad.Errors.Keys.OrderBy(k => k).ShouldBe(["content.html", "content.subject"]);
    }
}
