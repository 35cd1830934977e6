using System.Text.Json;
using BrandHub.Core.Campaigns;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;

namespace BrandHub.Tests.Campaigns;

/// <summary>Lifecycle refusals, the readiness check, validation, A/B assignment, the budget guard, roles and comments.</summary>
public sealed class CampaignRulesTests(CampaignHost host) : IClassFixture<CampaignHost>
{
    [Fact]
    public async Task Readiness_lists_every_blocking_problem_and_illegal_moves_get_409_with_the_reason()
    {
        var tenant = await host.NewTenantAsync();
        var campaign = (await tenant.Client.CreateCampaignAsync([])).Id();

        var launch = await tenant.Client.MoveAsync(campaign, "launch");
        launch.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await launch.JsonAsync();
        problem.GetProperty("problems").EnumerateArray().Select(p => p.Str("code")).ShouldBe(["audience-missing", "steps-missing"]);

        var contacts = await tenant.Client.OptedInContactsAsync(2, "ready");
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id));
        (await tenant.Client.PatchJsonAsync($"{CampaignApi.Base}/{campaign}", new { audience = new { segmentIds = new[] { segment } } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep());
        var readiness = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/readiness");
        readiness.GetProperty("ready").GetBoolean().ShouldBeFalse();
        readiness.GetProperty("problems").EnumerateArray().Select(p => p.Str("code")).ShouldBe(["sender-not-configured"]);
        readiness.GetProperty("audienceSize").GetInt64().ShouldBe(2);
        readiness.GetProperty("reachable").GetProperty("email").GetInt64().ShouldBe(2);

        var resume = await tenant.Client.MoveAsync(campaign, "resume");
        resume.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await resume.JsonAsync()).Str("detail").ShouldBe("Only a paused campaign can be resumed; this one is draft.");
        (await tenant.Client.MoveAsync(campaign, "complete")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var past = await tenant.Client.MoveAsync(campaign, "schedule", new { kind = "at", at = "2020-01-01T09:00" });
        (await past.ProblemErrorsAsync()).Keys.ShouldContain("at");
        var badKind = await tenant.Client.MoveAsync(campaign, "schedule", new { kind = "sometime" });
        (await badKind.ProblemErrorsAsync()).Keys.ShouldContain("kind");

        (await tenant.Client.MoveAsync(campaign, "cancel")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = await tenant.Client.PatchJsonAsync($"{CampaignApi.Base}/{campaign}", new { name = "Too late" });
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tenant.Client.MoveAsync(campaign, "archive")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.StatusAsync(campaign)).ShouldBe("archived");
    }

    [Fact]
    public async Task Invalid_campaigns_and_steps_are_field_errors_and_change_nothing()
    {
        var tenant = await host.NewTenantAsync();
        var bad = await tenant.Client.PostJsonAsync(CampaignApi.Base, new
        {
            name = "", goal = "", timezone = "Mars/Olympus", budget = -1, currency = "euro",
            audience = new { segmentIds = new[] { Guid.NewGuid() } }, costs = new Dictionary<string, decimal> { ["pigeon"] = 1 },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["name", "goal", "timezone", "audience.segmentIds[0]", "budget", "currency", "costs.pigeon"], ignoreOrder: true);
        (await tenant.Client.GetJsonAsync(CampaignApi.Base)).GetProperty("total").GetInt32().ShouldBe(0);

        var campaign = (await tenant.Client.CreateCampaignAsync([])).Id();
        var step = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/steps",
            new { channel = "email", content = new { subject = "Hi {{contact.shoeSize}}", html = "<p>x</p>" } });
        step.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await step.ProblemErrorsAsync()).Keys.ShouldContain("content.subject");
        var sms = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/steps", new { channel = "carrier-pigeon" });
        (await sms.ProblemErrorsAsync())["channel"].Single().ShouldContain("available: email");
        var weights = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/steps", CampaignApi.EmailStep(variants: new object[]
        {
            new { name = "A", weight = 0, content = new { subject = "a", html = "<p>a</p>" } },
            new { name = "a", weight = 5, content = new { subject = "b", html = "<p>b</p>" } },
        }));
        (await weights.ProblemErrorsAsync()).Keys.ShouldBe(["variants[0].weight", "variants[1].name"], ignoreOrder: true);
        (await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}")).GetProperty("steps").GetArrayLength().ShouldBe(0);
        // Campaign content never shows up in the template library.
        (await tenant.Client.GetJsonAsync("/api/v1/content/templates")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Ab_assignment_is_persisted_deterministic_and_the_holdout_gets_nothing()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var contacts = await tenant.Client.OptedInContactsAsync(40, "ab");
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id));
        var campaign = (await tenant.Client.CreateCampaignAsync([segment])).Id();
        var step = await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep(holdout: 20, variants: new object[]
        {
            new { name = "A", weight = 70, content = new { subject = "Subject A", html = "<p>A</p>" } },
            new { name = "B", weight = 30, content = new { subject = "Subject B", html = "<p>B</p>" } },
        }));
        var stepId = step.Id();
        var variants = step.GetProperty("variants").EnumerateArray().Select(v => v.Id()).ToList();
        (await tenant.Client.MoveAsync(campaign, "launch")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.PollAsync(() => tenant.Client.ProgressAsync(campaign), p => p.GetProperty("queued").GetInt64() == 40, "all 40 queued");

        var split = new VariantSplit([(variants[0], 70), (variants[1], 30)], 20);
        var all = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/deliveries?pageSize=200");
        var rows = all.GetProperty("items").EnumerateArray().ToList();
        rows.Count.ShouldBe(40);
        foreach (var d in rows)
        {
            var expected = split.Assign(stepId, d.GetProperty("contactId").GetGuid());
            var variant = d.GetProperty("variantId");
            if (expected is null)
            {
                variant.ValueKind.ShouldBe(JsonValueKind.Null);
                d.Str("status").ShouldBe("suppressed");
                d.Str("reason").ShouldBe("holdout");
            }
            else variant.GetGuid().ShouldBe(expected.Value);
        }
        var metrics = await tenant.Client.MetricsAsync(campaign);
        metrics.Select(m => m.Str("variant")).ShouldBe(["A", "B", "holdout"], ignoreOrder: true);
        metrics.Sum(m => m.GetProperty("audience").GetInt64()).ShouldBe(40);
    }

    [Fact]
    public async Task The_budget_guard_stops_at_the_limit_pauses_the_campaign_and_records_an_alert()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var contacts = await tenant.Client.OptedInContactsAsync(12, "budget");
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id));
        var campaign = (await tenant.Client.CreateCampaignAsync([segment], new { budget = 5m, currency = "EUR", costs = new Dictionary<string, decimal> { ["email"] = 1m } })).Id();
        await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep());
        (await tenant.Client.MoveAsync(campaign, "launch")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.UntilAsync(async () => await tenant.Client.StatusAsync(campaign) == "paused", "the budget guard pausing the campaign");
        var progress = await tenant.Client.ProgressAsync(campaign);
        progress.GetProperty("queued").GetInt64().ShouldBe(5);
        progress.GetProperty("committed").GetDecimal().ShouldBe(5m);
        progress.Str("pausedReason")!.ShouldStartWith("Budget reached");
        var alerts = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/alerts");
        alerts.EnumerateArray().Single().Str("kind").ShouldBe("budget-exhausted");

        // Raising the budget and resuming continues from the checkpoint: the other seven, nobody twice.
        (await tenant.Client.PatchJsonAsync($"{CampaignApi.Base}/{campaign}", new { budget = 100m })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await tenant.Client.MoveAsync(campaign, "resume")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.PollAsync(() => tenant.Client.ProgressAsync(campaign), p => p.GetProperty("queued").GetInt64() == 12, "the rest queued");
        var deliveries = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/deliveries?pageSize=100");
        deliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("contactId").GetGuid()).Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public async Task Comments_thread_and_roles_are_enforced_per_campaign()
    {
        var tenant = await host.NewTenantAsync();
        var campaign = (await tenant.Client.CreateCampaignAsync([])).Id();
        var first = await (await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/comments", new { body = "Subject too long?" })).JsonAsync();
        var reply = await (await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/comments", new { body = "Shortened.", parentId = first.Id() })).JsonAsync();
        (await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{campaign}/comments", new { body = "Agreed", parentId = reply.Id() })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var threads = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/comments");
        threads.GetArrayLength().ShouldBe(1);
        threads[0].GetProperty("replies").GetArrayLength().ShouldBe(2);

        // A marketer who is not on the team may read and comment, not edit; made editor, they may.
        var marketerEmail = $"m-{Guid.NewGuid():N}@team.test";
        var created = await tenant.Client.PostJsonAsync("/api/v1/users", new { email = marketerEmail, displayName = "Mara", role = "marketer", password = "correct horse battery staple" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var marketerId = (await created.JsonAsync()).Id();
        var marketer = await host.SignInAsync(marketerEmail, "correct horse battery staple");
        (await marketer.GetAsync($"{CampaignApi.Base}/{campaign}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.PatchJsonAsync($"{CampaignApi.Base}/{campaign}", new { name = "Mine now" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PostJsonAsync($"{CampaignApi.Base}/{campaign}/comments", new { body = "Looks good" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await tenant.Client.PutJsonAsync($"{CampaignApi.Base}/{campaign}/team", new { userId = marketerId, role = "editor" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.PatchJsonAsync($"{CampaignApi.Base}/{campaign}", new { name = "Edited by Mara" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.PutJsonAsync($"{CampaignApi.Base}/{campaign}/team", new { userId = marketerId, role = "owner" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.DeleteAsync($"{CampaignApi.Base}/{campaign}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Starter_templates_create_valid_campaigns_and_any_campaign_can_become_a_template()
    {
        var tenant = await host.NewTenantAsync();
        var templates = await tenant.Client.GetJsonAsync("/api/v1/marketing/campaign-templates");
        var niches = templates.EnumerateArray().Select(t => t.Str("niche")).Distinct().ToList();
        niches.ShouldBe(["retail", "fashion", "fitness", "gaming", "b2b"], ignoreOrder: true);
        foreach (var t in templates.EnumerateArray())
        {
            var made = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/from-template", new { templateId = t.Str("id") });
            made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
            (await made.JsonAsync()).GetProperty("steps").GetArrayLength().ShouldBe(t.GetProperty("steps").GetInt32());
        }
        var source = (await tenant.Client.GetJsonAsync($"{CampaignApi.Base}?search=sale")).GetProperty("items")[0].Id();
        var saved = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{source}/save-as-template", new { name = "Our sale", niche = "retail" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        var mine = await tenant.Client.GetJsonAsync("/api/v1/marketing/campaign-templates?niche=retail");
        mine.EnumerateArray().Count(t => t.Str("source") == "workspace").ShouldBe(1);
        var copy = await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/{source}/duplicate", new { });
        (await copy.JsonAsync()).Str("status").ShouldBe("draft");
        (await tenant.Client.PostJsonAsync($"{CampaignApi.Base}/from-template", new { templateId = "nope" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
