using System.Text.Json;
using BrandHub.Modules.Content.Templates;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Content;

/// <summary>Email templates over HTTP: versions, strict variables, sanitising on save, previews, isolation and roles.</summary>
public sealed class TemplateTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task A_created_template_is_version_1_and_can_be_read_back_with_its_generated_text()
    {
        var tenant = await host.NewTenantAsync();
        var created = await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation());

        created.Version().ShouldBe(1);
        created.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        var read = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{created.Id()}");
        read.Str("name").ShouldBe("Order confirmation");
        read.Str("subject").ShouldBe("Order {{data.order.number}} confirmed");
        read.GetProperty("text").ValueKind.ShouldBe(JsonValueKind.Null);
        read.Str("generatedText")!.ShouldContain("Hi {{contact.firstName}}");
        read.Str("generatedText")!.ShouldContain("Track it (https://shop.example/orders/{{data.order.number}})");
        read.GetProperty("variables").EnumerateArray().Select(v => v.Str("name")).ShouldBe(["order.number", "items"]);
        read.Str("createdBy")!.ShouldStartWith("user:");
    }

    [Fact]
    public async Task Every_save_is_a_new_version_and_old_versions_stay_as_they_were()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();

        var update = await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "Your order {{data.order.number}}", html = "<p>v2</p>",
            version = 1, variables = new[] { new { name = "order.number", required = true } } });
        var updated = await update.JsonAsync();
        update.StatusCode.ShouldBe(HttpStatusCode.OK, updated.ToString());
        updated.Version().ShouldBe(2);
        updated.Str("name").ShouldBe("Order confirmation");

        var versions = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{id}/versions");
        versions.Items().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([2, 1]);
        var first = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{id}/versions/1");
        first.Str("subject").ShouldBe("Order {{data.order.number}} confirmed");
        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{id}/versions/2")).Str("html").ShouldBe("<p>v2</p>");
    }

    [Fact]
    public async Task Saving_over_a_stale_version_is_a_409_and_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        (await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "A", html = "<p>a</p>", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "B", html = "<p>b</p>", version = 1 });

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var current = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{id}");
        (current.Str("subject"), current.Version()).ShouldBe(("A", 2));
    }

    [Fact]
    public async Task An_unknown_variable_is_refused_on_save_naming_the_variable_and_where_it_is()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostJsonAsync(TemplateApi.Path, new
        {
            name = "Typo", subject = "Hi {{contact.frstName}}", html = "<p>\n{{data.ordr}}</p>", variables = new[] { new { name = "order" } },
        });

        var errors = await response.ShouldBeValidationProblemAsync("subject", "html");
        errors["subject"].ShouldHaveSingleItem().ShouldContain("\"contact.frstName\" at line 1, column 4");
        errors["html"].ShouldHaveSingleItem().ShouldContain("\"data.ordr\" at line 2, column 1");
        (await tenant.Client.GetJsonAsync(TemplateApi.Path)).Total().ShouldBe(0);
    }

    [Fact]
    public async Task A_syntax_error_is_refused_with_its_position()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostJsonAsync(TemplateApi.Path, new { name = "Broken", subject = "Hi", html = "<p>{{#if contact.firstName}}x</p>" });
        (await response.ShouldBeValidationProblemAsync("html"))["html"][0].ShouldContain("never closed");
    }

    [Fact]
    public async Task Html_is_sanitised_on_save_and_the_removals_come_back_as_warnings()
    {
        var tenant = await host.NewTenantAsync();
        var created = await tenant.Client.CreateTemplateAsync(new
        {
            name = "Unsafe", subject = "Hi",
            html = "<p onclick=\"steal()\">Hi {{contact.firstName}}</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a><a href=\"{{links.unsubscribeUrl}}\">u</a>",
        });

        created.Str("html").ShouldBe("<p>Hi {{contact.firstName}}</p><a>x</a><a href=\"{{links.unsubscribeUrl}}\">u</a>");
        created.GetProperty("warnings").EnumerateArray().Select(w => w.Str("code")).ShouldBe(["attribute_removed", "element_removed", "url_removed"]);
        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}/{created.Id()}/versions/1")).Str("html").ShouldBe(created.Str("html"));
    }

    [Fact]
    public async Task A_preview_renders_with_the_samples_a_sample_contact_and_given_data()
    {
        var tenant = await host.NewTenantAsync("Shop & Co");
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();

        var withSamples = await (await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{id}/preview", new { })).JsonAsync();
        withSamples.Str("subject").ShouldBe("Order A-1001 confirmed");
        withSamples.Str("preheader").ShouldBe("Thanks, Ana");
        withSamples.Str("html")!.ShouldContain("<tr><td>Shoe</td><td>49.9</td></tr>");
        withSamples.Str("text")!.ShouldContain("Track it (https://shop.example/orders/A-1001)");

        var given = await (await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{id}/preview",
            new { data = new { order = new { number = "B-7" } }, contact = new { firstName = "<Ion>" } })).JsonAsync();
        given.Str("subject").ShouldBe("Order B-7 confirmed");
        given.Str("html")!.ShouldContain("<h1>Hi &lt;Ion&gt;</h1>");
    }

    [Fact]
    public async Task A_preview_with_data_missing_a_required_variable_is_a_field_error()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();

        var response = await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{id}/preview", new { data = new { order = new { number = (string?)null } } });

        await response.ShouldBeValidationProblemAsync("data.order.number");
    }

    [Fact]
    public async Task Validate_checks_unsaved_content_without_saving_it()
    {
        var tenant = await host.NewTenantAsync();
        var ok = await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/validate", new { subject = "Hi {{contact.firstName}}", html = "<p>{{data.x}}</p><iframe></iframe>",
            variables = new[] { new { name = "x" } } });
        var result = await ok.JsonAsync();
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, result.ToString());
        result.Str("html").ShouldBe("<p>{{data.x}}</p>");
        result.Str("text").ShouldBe("{{data.x}}");
        result.GetProperty("usedVariables").EnumerateArray().Select(v => v.Str("path") + "@" + v.Str("part")).ShouldBe(["contact.firstName@subject", "data.x@html"]);
        result.GetProperty("warnings").GetArrayLength().ShouldBe(1);

        var bad = await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/validate", new { subject = "Hi", html = "<p>{{data.x}}</p>" });
        await bad.ShouldBeValidationProblemAsync("html");
        (await tenant.Client.GetJsonAsync(TemplateApi.Path)).Total().ShouldBe(0);
    }

    [Fact]
    public async Task Lists_search_sort_page_and_hide_archived_and_deleted_templates()
    {
        var tenant = await host.NewTenantAsync();
        var alpha = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation("Alpha welcome"))).Id();
        var beta = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation("Beta welcome"))).Id();
        var gamma = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation("Gamma reminder"))).Id();
        var delta = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation("Delta welcome"))).Id();

        (await tenant.Client.PostAsync($"{TemplateApi.Path}/{beta}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.DeleteAsync($"{TemplateApi.Path}/{delta}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?sort=name")).ItemIds().ShouldBe([alpha, gamma]);
        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?sort=-name&includeArchived=true")).ItemIds().ShouldBe([gamma, beta, alpha]);
        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?search=WELCOME&includeArchived=true&sort=name")).ItemIds().ShouldBe([alpha, beta]);
        var page = await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?sort=name&pageSize=1&page=2");
        (page.ItemIds().Single(), page.Total()).ShouldBe((gamma, 2));

        (await tenant.Client.GetAsync($"{TemplateApi.Path}/{delta}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tenant.Client.PostAsync($"{TemplateApi.Path}/{beta}/unarchive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.GetJsonAsync(TemplateApi.Path)).Total().ShouldBe(3);
    }

    [Fact]
    public async Task Search_finds_templates_by_name_or_subject_in_any_case()
    {
        var tenant = await host.NewTenantAsync();
        var byName = (await tenant.Client.CreateTemplateAsync(new { name = "Spring sale", subject = "Fresh picks", html = "<p>Hi</p>" })).Id();
        var bySubject = (await tenant.Client.CreateTemplateAsync(new { name = "Newsletter 12", subject = "Our SPRING collection", html = "<p>Hi</p>" })).Id();
        await tenant.Client.CreateTemplateAsync(new { name = "Welcome", subject = "Glad you are here", html = "<p>Hi</p>" });

        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?search=Spring&sort=name")).ItemIds().ShouldBe([bySubject, byName]);
        (await tenant.Client.GetJsonAsync($"{TemplateApi.Path}?search=glad")).Total().ShouldBe(1);
    }

    [Fact]
    public async Task Changes_are_on_the_audit_trail()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "A", html = "<p>a</p>", version = 1 });
        await tenant.Client.PostAsync($"{TemplateApi.Path}/{id}/archive", null);
        await tenant.Client.DeleteAsync($"{TemplateApi.Path}/{id}");

        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        var actions = await db.Set<AuditEntry>().Where(e => e.EntityType == "email_template" && e.EntityId == id.ToString())
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        actions.ShouldBe(["template.created", "template.updated", "template.archived", "template.deleted"]);
    }

    [Fact]
    public async Task Another_tenants_template_is_not_found()
    {
        var owner = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var id = (await owner.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();

        (await other.Client.GetAsync($"{TemplateApi.Path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.GetAsync($"{TemplateApi.Path}/{id}/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.PostJsonAsync($"{TemplateApi.Path}/{id}/preview", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "x", html = "<p>x</p>", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.DeleteAsync($"{TemplateApi.Path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.GetJsonAsync(TemplateApi.Path)).Total().ShouldBe(0);
        (await owner.Client.GetJsonAsync($"{TemplateApi.Path}/{id}")).Version().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_field_errors()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostJsonAsync(TemplateApi.Path, new { })).ShouldBeValidationProblemAsync("name", "subject", "html");
        await (await tenant.Client.PostJsonAsync(TemplateApi.Path, new { name = new string('n', 201), subject = "s", html = "<p>x</p>" })).ShouldBeValidationProblemAsync("name");
        await (await tenant.Client.PostJsonAsync(TemplateApi.Path, new { name = "n", subject = "s", html = "<p>x</p>", variables = new[] { new { name = "bad name" }, new { name = "bad name" } } }))
            .ShouldBeValidationProblemAsync("variables[0].name", "variables[1].name");
        await (await tenant.Client.PostRawAsync(TemplateApi.Path, """{"name":"n","subject":"s","html":42}""")).ShouldBeValidationProblemAsync("html");
        await (await tenant.Client.PostRawAsync(TemplateApi.Path, """{"name":"n",""")).ShouldBeValidationProblemAsync();
        await (await tenant.Client.GetAsync($"{TemplateApi.Path}?sort=size&pageSize=0")).ShouldBeValidationProblemAsync("sort", "pageSize");
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        await (await tenant.Client.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "s", html = "<p>x</p>" })).ShouldBeValidationProblemAsync("version");
        await (await tenant.Client.PostJsonAsync($"{TemplateApi.Path}/{id}/preview", new { version = 9 })).ShouldBeValidationProblemAsync("version");
        (await tenant.Client.GetAsync($"{TemplateApi.Path}/{id}/versions/9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_can_read_and_preview_but_not_write()
    {
        var tenant = await host.NewTenantAsync();
        var id = (await tenant.Client.CreateTemplateAsync(TemplateApi.OrderConfirmation())).Id();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "viewer", role = "viewer" })).JsonAsync();
        using var viewer = host.Anonymous();
        viewer.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());

        (await viewer.GetAsync(TemplateApi.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync($"{TemplateApi.Path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostJsonAsync($"{TemplateApi.Path}/{id}/preview", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostJsonAsync(TemplateApi.Path, TemplateApi.OrderConfirmation())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PutJsonAsync($"{TemplateApi.Path}/{id}", new { subject = "x", html = "<p>x</p>", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsync($"{TemplateApi.Path}/{id}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync($"{TemplateApi.Path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
