using System.Net.Http.Json;
using System.Text.Json;
using BrandHub.Tests.Campaigns;
using BrandHub.Tests.Delivery.Support;

namespace BrandHub.Browser.Tests;

/// <summary>
/// Campaigns and segments by hand in headless Chromium: the creation wizard up to the readiness check, the segment
/// builder's live count, issue 4's whole flow (a segment built in the builder → a campaign in the wizard with an inline
/// email → Launch → progress and metrics), and a static segment's members changed by hand, then compared.
/// </summary>
public sealed class CampaignFlowTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "correct horse battery";

    [BrowserFact]
    public async Task Marketer_creates_a_campaign_in_the_wizard_with_an_inline_email_and_sees_the_readiness_problems()
    {
        var tenant = await session.Host.NewTenantAsync();
        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        var name = $"Spring sale {Guid.NewGuid():N}"[..20];

        // The list, empty, and the wizard from its "New campaign" button.
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No campaigns yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).First.ClickAsync();

        // 1. Goal.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 1 of 5: Goal" })).ToBeVisibleAsync();
        await page.GetByLabel("Campaign name").FillAsync(name);
        await page.GetByLabel("Goal", new() { Exact = true }).SelectOptionAsync("conversion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 2. Audience: no segment chosen; the draft is created here.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 2 of 5: Audience" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Draft campaign created.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}/edit\\?step=3$"));
        var id = Regex.Match(page.Url, "/campaigns/([0-9a-f-]{36})/").Groups[1].Value;

        // 3. An inline email step.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 3 of 5: Steps and content" })).ToBeVisibleAsync();
        await page.GetByLabel("Subject").FillAsync("Spring is here, {{contact.firstName}}");
        await page.GetByLabel("HTML", new() { Exact = true }).FillAsync("<p>Hello {{contact.firstName}}, 20% off this week.</p>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        var steps = page.GetByRole(AriaRole.List, new() { Name = "Campaign steps" });
        await Assertions.Expect(steps.GetByText("Email · one content")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 4. Schedule: send now.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 4 of 5: Schedule" })).ToBeVisibleAsync();
        await page.GetByLabel("Send now (launch)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 5. Review: the readiness check lists what is missing and Launch stays disabled.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 5 of 5: Review" })).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.List, new() { Name = "Readiness problems" });
        await Assertions.Expect(problems.GetByText("Choose at least one segment for the audience.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Not ready: \\d+ problems? to fix\\.$"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Launch now" })).ToBeDisabledAsync();

        // The API holds what the wizard wrote.
        var campaign = await tenant.Client.GetFromJsonAsync<JsonElement>($"/api/v1/marketing/campaigns/{id}");
        campaign.GetProperty("name").GetString().ShouldBe(name);
        campaign.GetProperty("goal").GetString().ShouldBe("conversion");
        campaign.GetProperty("status").GetString().ShouldBe("draft");
        var step = campaign.GetProperty("steps").EnumerateArray().Single();
        step.GetProperty("channel").GetString().ShouldBe("email");
        // Inline content is kept by the host as a campaign-owned email template.
        var templateId = step.GetProperty("variants")[0].GetProperty("templateId").GetGuid();
        var template = await tenant.Client.GetFromJsonAsync<JsonElement>($"/api/v1/content/templates/{templateId}");
        template.GetProperty("subject").GetString().ShouldBe("Spring is here, {{contact.firstName}}");

        // The detail page shows the draft and its readiness; the list shows it as a draft.
        await page.GotoAsync($"/campaigns/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose at least one segment for the audience.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Campaign history" });
        await Assertions.Expect(history.GetByRole(AriaRole.Cell, new() { Name = "Created", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByRole(AriaRole.Cell, new() { Name = "Step added", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row.GetByText("Draft", new() { Exact = true })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Segment_builder_shows_a_live_count()
    {
        var tenant = await session.Host.NewTenantAsync();
        var domain = $"live{Guid.NewGuid():N}"[..16] + ".test";
        for (var i = 0; i < 3; i++)
        {
            var created = await tenant.Client.PostAsJsonAsync("/api/v1/contacts", new { email = $"member{i}@{domain}", firstName = $"Member{i}" });
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await tenant.Client.PostAsJsonAsync("/api/v1/contacts", new { email = "outsider@elsewhere.test", firstName = "Outsider" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Segments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New segment" }).First.ClickAsync();
        await page.GetByLabel("Segment name").FillAsync("Live count");

        // An empty root matches everyone (the four contacts).
        var size = page.GetByTestId("audience-size");
        await Assertions.Expect(size).ToHaveTextAsync("4");

        // email contains the domain → three, updated live while typing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        var condition = page.GetByRole(AriaRole.Group, new() { Name = "Condition 1" });
        await condition.GetByLabel("Field").SelectOptionAsync("email");
        await condition.GetByLabel("Operator").SelectOptionAsync("contains");
        await condition.GetByLabel("Value").FillAsync(domain);
        await Assertions.Expect(size).ToHaveTextAsync("3");

        // NOT flips it to the outsider.
        await condition.GetByLabel("NOT").CheckAsync();
        await Assertions.Expect(size).ToHaveTextAsync("1");
        await condition.GetByLabel("NOT").UncheckAsync();
        await Assertions.Expect(size).ToHaveTextAsync("3");

        // The JSON tab shows the same criteria.
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Criteria JSON")).ToHaveValueAsync(new Regex($"\"value\": \"{Regex.Escape(domain)}\""));
        await page.GetByRole(AriaRole.Tab, new() { Name = "Builder" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Create segment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Segment created.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments/[0-9a-f-]{36}$"));
    }

    [BrowserFact]
    public async Task Marketer_builds_a_segment_launches_a_campaign_to_it_from_the_wizard_and_watches_it_send()
    {
        await using var peer = await SmtpPeer.StartAsync();
        var tenant = await session.Host.NewTenantAsync("Flow Shop");
        var smtp = await tenant.Client.PutAsJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = peer.Host, port = peer.Port, security = "none", fromEmail = "news@shop.test", fromName = "Shop News",
        });
        smtp.StatusCode.ShouldBe(HttpStatusCode.OK, await smtp.Content.ReadAsStringAsync());
        var domain = $"buyers{Guid.NewGuid():N}"[..16] + ".test";
        var buyers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"buyer{i}@{domain}";
            await tenant.Client.OptedInContactAsync(email, new { email, firstName = $"Buyer{i}" });
            buyers.Add(email);
        }
        await tenant.Client.OptedInContactAsync("someone@elsewhere.test", new { email = "someone@elsewhere.test", firstName = "Someone" });

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);

        // 1. The segment, in the builder: email contains the domain → three, all reachable by email.
        var segmentName = $"Buyers {Guid.NewGuid():N}"[..14];
        await page.GetByRole(AriaRole.Link, new() { Name = "Segments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New segment" }).First.ClickAsync();
        await page.GetByLabel("Segment name").FillAsync(segmentName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        var condition = page.GetByRole(AriaRole.Group, new() { Name = "Condition 1" });
        await condition.GetByLabel("Field").SelectOptionAsync("email");
        await condition.GetByLabel("Operator").SelectOptionAsync("contains");
        await condition.GetByLabel("Value").FillAsync(domain);
        await Assertions.Expect(page.GetByTestId("audience-size")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByText("Reachable by email")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create segment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Segment created.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new Regex("^Dynamic · 3 members"))).ToBeVisibleAsync();

        // 2. The campaign: goal, the segment as its audience (live size), an inline email, send now.
        var name = $"Launch {Guid.NewGuid():N}"[..16];
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).First.ClickAsync();
        await page.GetByLabel("Campaign name").FillAsync(name);
        await page.GetByLabel("Goal", new() { Exact = true }).SelectOptionAsync("conversion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 2 of 5: Audience" })).ToBeVisibleAsync();
        await page.GetByLabel($"Use {segmentName}").SelectOptionAsync("include");
        await Assertions.Expect(page.GetByTestId("audience-size")).ToHaveTextAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Draft campaign created.")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 3 of 5: Steps and content" })).ToBeVisibleAsync();
        await page.GetByLabel("Subject").FillAsync("New in, {{contact.firstName}}");
        await page.GetByLabel("HTML", new() { Exact = true }).FillAsync("<p>Hello {{contact.firstName}}, the new collection is in.</p>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Campaign steps" }).GetByText("Email · one content")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 4 of 5: Schedule" })).ToBeVisibleAsync();
        await page.GetByLabel("Send now (launch)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 3. Review: ready (audience, reach and a configured sender), then Launch.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Step 5 of 5: Review" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("3 contacts, 3 reachable by email", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Ready" })).ToBeVisibleAsync();
        var launch = page.GetByRole(AriaRole.Button, new() { Name = "Launch now" });
        await Assertions.Expect(launch).ToBeEnabledAsync();
        await launch.ClickAsync();
        await Assertions.Expect(page.GetByText("Campaign launched.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/campaigns/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        // 4. The detail page: progress reaches the audience, the messages arrive, the metrics show them sent.
        await Assertions.Expect(page.GetByTestId("progress-audience")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("progress-sent")).ToHaveTextAsync("3", new() { Timeout = 60_000 });
        var received = await peer.WaitForMessagesAsync(3);
        received.SelectMany(m => m.Recipients).Order().ShouldBe(buyers.Order());
        await page.GetByRole(AriaRole.Tab, new() { Name = "Metrics" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Metrics per step and variant" }).GetByRole(AriaRole.Row).Nth(1);
        // Step, variant, audience, sent, …
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("3");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("3", new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task Marketer_adds_and_removes_static_members_by_hand_and_compares_two_segments()
    {
        var tenant = await session.Host.NewTenantAsync();
        var ids = new List<Guid>();
        foreach (var first in new[] { "Ilinca", "Ioana", "Irina" })
            ids.Add(await tenant.Client.OptedInContactAsync($"{first.ToLowerInvariant()}@static.test", new { email = $"{first.ToLowerInvariant()}@static.test", firstName = first, lastName = "Static" }));
        await tenant.Client.StaticSegmentAsync([ids[0], ids[1]], "First two");
        var empty = await tenant.Client.PostAsJsonAsync("/api/v1/segments", new { name = "Hand picked", type = "static" });
        empty.StatusCode.ShouldBe(HttpStatusCode.Created, await empty.Content.ReadAsStringAsync());
        var picked = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        await page.GotoAsync($"/segments/{picked}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No members")).ToBeVisibleAsync();

        // Add two through the contacts search.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add members" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Search contacts").FillAsync("Static");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Ioana Static" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Irina Static" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add 2 contacts" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 added; 2 members now.")).ToBeVisibleAsync();
        var members = page.GetByRole(AriaRole.Table, new() { Name = "Segment members" });
        await Assertions.Expect(members.GetByRole(AriaRole.Link, new() { Name = "Ioana Static" })).ToBeVisibleAsync();

        // Remove one, after confirming.
        await members.GetByRole(AriaRole.Checkbox, new() { Name = "Select Irina Static" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove 1 selected" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove from segment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 removed; 1 members now.")).ToBeVisibleAsync();
        await Assertions.Expect(members.GetByRole(AriaRole.Link, new() { Name = "Irina Static" })).ToHaveCountAsync(0);
        var live = await tenant.Client.GetFromJsonAsync<JsonElement>($"/api/v1/segments/{picked}/members");
        live.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("contactId").GetGuid()).ShouldBe([ids[1]]);

        // Compare the two from the list: Ioana is in both.
        await page.GetByRole(AriaRole.Link, new() { Name = "Segments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare First two" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Compare Hand picked" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare 2 selected" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments/compare\\?ids="));
        await Assertions.Expect(page.GetByTestId("segment-overlap")).ToHaveTextAsync("1");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Segment comparison" });
        var membersRow = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Members" });
        await Assertions.Expect(membersRow).ToContainTextAsync("2");
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Reachable by email" })).ToBeVisibleAsync();
    }
}

