using System.Globalization;
using System.Text.Json;
using BrandHub.Modules.Audience.Demo;

namespace BrandHub.Browser.Tests;

/// <summary>
/// Issue 5's web part in headless Chromium against the real host: tracked events and spend seeded through the API, the
/// rollup run, then the dashboard, the attribution page and the UTM builder read as a Brand Manager reads them. Every
/// number the page shows is checked against what the API answered for the same period.
/// </summary>
public sealed class AnalyticsFlowTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "correct horse battery";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    /// <summary>Yesterday noon (UTC): inside the last 7 days whatever the hour the test runs at.</summary>
    private static readonly DateTimeOffset Noon = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-12);

    [BrowserFact]
    public async Task The_demo_tenant_lands_on_a_dashboard_with_its_revenue_spend_and_ROAS_per_channel()
    {
        // What `run` seeds on first start: the demo shop, its contacts, templates and 90 days of traffic, spend and rollup.
        await DemoSeeder.SeedAsync(session.Host.App.Services, 300, default);
        var page = await SignedInPageAsync(DemoSeeder.AdminEmail, BrowserSession.DemoPassword);
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/api/v1/marketing/analytics/dashboard") && r.Status == 200);
        await page.GotoAsync("/");
        var api = JsonDocument.Parse(await (await answered).TextAsync()).RootElement;

        // The demo tells a story: money in, money spent, several channels.
        var currency = api.GetProperty("currency").GetString()!;
        currency.ShouldBe("RON");
        var totals = api.GetProperty("totals");
        Kpi(totals, "revenue")!.Value.ShouldBeGreaterThan(10_000m);
        Kpi(totals, "cost")!.Value.ShouldBeGreaterThan(1_000m);
        Kpi(totals, "roas")!.Value.ShouldBeGreaterThan(1m);
        var channels = api.GetProperty("channels").EnumerateArray().ToList();
        channels.Count.ShouldBeGreaterThanOrEqualTo(6);
        Kpi(channels.Single(c => c.GetProperty("channel").GetString() == "paid_search"), "roas").ShouldNotBeNull();

        // The page shows those numbers: the KPI cards, the comparison, and revenue, spend and ROAS per channel.
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Revenue", Exact = true })).ToContainTextAsync(Money(currency, Kpi(totals, "revenue")!.Value));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Spend", Exact = true })).ToContainTextAsync(Money(currency, Kpi(totals, "cost")!.Value));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "ROAS", Exact = true })).ToContainTextAsync(Ratio(Kpi(totals, "roas")!.Value));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Revenue", Exact = true })).ToContainTextAsync("on the previous period");
        await Assertions.Expect(page.GetByTestId("period-comparison")).ToContainTextAsync(" vs ");
        var revenueCard = page.GetByRole(AriaRole.Region, new() { Name = "Revenue by channel" });
        await revenueCard.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        var roasCard = page.GetByRole(AriaRole.Region, new() { Name = "ROAS by channel" });
        await roasCard.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        foreach (var channel in channels)
        {
            var name = Humanize(channel.GetProperty("channel").GetString()!);
            var revenueRow = Row(revenueCard, name);
            await Assertions.Expect(revenueRow).ToContainTextAsync(Money(currency, Kpi(channel, "revenue")!.Value));
            await Assertions.Expect(revenueRow).ToContainTextAsync(Money(currency, Kpi(channel, "cost")!.Value));
            await Assertions.Expect(Row(roasCard, name).GetByRole(AriaRole.Cell).First).ToHaveTextAsync(Kpi(channel, "roas") is { } roas ? Ratio(roas) : "—");
        }
    }

    [BrowserFact]
    public async Task Dashboard_shows_the_seeded_revenue_spend_and_ROAS_per_channel_against_the_previous_period()
    {
        var tenant = await session.Host.NewTenantAsync();
        await TrackAsync(tenant,
            // This week: paid search sells 300, email sells 100.
            Visit("p", Noon.AddHours(-2), "https://shop.test/?gclid=x&utm_campaign=brand"), Buy("p", Noon.AddHours(-1), 300m, "O-1"),
            Visit("e", Noon.AddHours(-3), "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf"), Buy("e", Noon, 100m, "O-2"),
            // The week before: paid search sold 150.
            Visit("q", Noon.AddDays(-7).AddHours(-1), "https://shop.test/?gclid=y&utm_campaign=brand"), Buy("q", Noon.AddDays(-7), 150m, "O-3"));
        await CostsAsync(tenant, (Today.AddDays(-1), 60m), (Today.AddDays(-2), 40m), (Today.AddDays(-8), 50m));
        await RollupAsync(tenant);

        var from = Today.AddDays(-6);
        var api = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/dashboard?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).JsonAsync();
        var currency = api.GetProperty("currency").GetString()!;
        var totals = api.GetProperty("totals");
        totals.GetProperty("kpis").GetProperty("revenue").GetDecimal().ShouldBe(400m); // the seed is what the API reports

        var page = await SignedInPageAsync(tenant);
        await page.GotoAsync("/?period=7");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last 7 days" })).ToHaveAttributeAsync("aria-pressed", "true");

        // The KPI cards: the API's totals and their change against the week before.
        var revenue = page.GetByRole(AriaRole.Region, new() { Name = "Revenue", Exact = true });
        await Assertions.Expect(revenue).ToContainTextAsync(Money(currency, Kpi(totals, "revenue")!.Value));
        await Assertions.Expect(revenue).ToContainTextAsync($"up {Percent(Change(totals, "revenue")!.Value)} on the previous period");
        await Assertions.Expect(revenue.GetByText($"▲ {Percent(Change(totals, "revenue")!.Value)}")).ToBeVisibleAsync();
        var previousRevenue = totals.GetProperty("previous").GetProperty("revenue").GetDecimal();
        previousRevenue.ShouldBe(150m);
        await Assertions.Expect(revenue).ToContainTextAsync($"was {Money(currency, previousRevenue)}");
        var spend = page.GetByRole(AriaRole.Region, new() { Name = "Spend", Exact = true });
        await Assertions.Expect(spend).ToContainTextAsync(Money(currency, Kpi(totals, "cost")!.Value));
        await Assertions.Expect(spend).ToContainTextAsync($"up {Percent(Change(totals, "cost")!.Value)} on the previous period");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "ROAS", Exact = true }))
            .ToContainTextAsync(Ratio(Kpi(totals, "roas")!.Value));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "CAC", Exact = true }))
            .ToContainTextAsync(Money(currency, Kpi(totals, "cac")!.Value));

        // The comparison period is named, from the API's previousFrom/previousTo.
        var comparison = page.GetByTestId("period-comparison");
        await Assertions.Expect(comparison).ToContainTextAsync(" vs ");
        await Assertions.Expect(comparison).ToContainTextAsync(DateOnly.Parse(api.GetProperty("previousFrom").GetString()!).Day.ToString(CultureInfo.InvariantCulture));

        // Revenue, spend and ROAS per channel, read from the charts' table views.
        var revenueCard = page.GetByRole(AriaRole.Region, new() { Name = "Revenue by channel" });
        await revenueCard.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        var roasCard = page.GetByRole(AriaRole.Region, new() { Name = "ROAS by channel" });
        await roasCard.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        foreach (var channel in api.GetProperty("channels").EnumerateArray())
        {
            var name = Humanize(channel.GetProperty("channel").GetString()!);
            var revenueRow = revenueCard.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
            await Assertions.Expect(revenueRow).ToContainTextAsync(Money(currency, Kpi(channel, "revenue")!.Value));
            await Assertions.Expect(revenueRow).ToContainTextAsync(Money(currency, Kpi(channel, "cost")!.Value));
            var roasRow = roasCard.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name }) });
            await Assertions.Expect(roasRow.GetByRole(AriaRole.Cell).First).ToHaveTextAsync(Kpi(channel, "roas") is { } roas ? Ratio(roas) : "—");
        }
        var channels = api.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Kpi(channels["paid_search"], "roas").ShouldBe(3m);
        Kpi(channels["email"], "roas").ShouldBeNull();

        // The CSV export of a chart holds the same rows.
        var download = await page.RunAndWaitForDownloadAsync(() => revenueCard.GetByRole(AriaRole.Button, new() { Name = "Export Revenue by channel as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        csv.ShouldContain("paid_search,300,100,");
        csv.ShouldContain("email,100,0,");

        // A channel opens its ROI view for the same period.
        await revenueCard.GetByRole(AriaRole.Link, new() { Name = "Paid search" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/analytics/channels/paid_search\\?period=7$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paid search ROI" })).ToBeVisibleAsync();
        var roi = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/roi/paid_search?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).JsonAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "ROI", Exact = true }))
            .ToContainTextAsync(Ratio(Kpi(roi.GetProperty("totals"), "roi")!.Value));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Revenue", Exact = true }))
            .ToContainTextAsync(Money(currency, Kpi(roi.GetProperty("totals"), "revenue")!.Value));
    }

    [BrowserFact]
    public async Task Attribution_page_moves_the_credit_when_the_model_changes()
    {
        var tenant = await session.Host.NewTenantAsync();
        // One journey: an email visit first, a paid search visit last, then the purchase.
        await TrackAsync(tenant,
            Visit("j", Noon.AddHours(-6), "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf"),
            Visit("j", Noon.AddHours(-3), "https://shop.test/?gclid=z"),
            Buy("j", Noon.AddHours(-2), 250m, "A-1"));
        await RollupAsync(tenant);

        var page = await SignedInPageAsync(tenant);
        await page.GetByRole(AriaRole.Link, new() { Name = "Attribution", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Attribution", Level = 1 })).ToBeVisibleAsync();

        // The same period the page asks for, from the API.
        var query = await page.EvaluateAsync<string>(
            "() => { const d = new Date(); const to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1); const from = new Date(to); from.setDate(from.getDate() - 30); return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`; }");
        var api = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/attribution?{query}&groupBy=channel&lookbackDays=30")).JsonAsync();
        var models = api.GetProperty("models");
        models.GetProperty("last_touch").GetProperty("paid_search").GetProperty("value").GetDecimal().ShouldBe(250m);
        models.GetProperty("first_touch").GetProperty("email").GetProperty("value").GetDecimal().ShouldBe(250m);

        await Assertions.Expect(page.GetByTestId("attribution-totals")).ToContainTextAsync("every model splits exactly these totals");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Last touch", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        var split = page.GetByRole(AriaRole.Region, new() { Name = "Last touch split" });
        await split.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Assertions.Expect(Row(split, "Paid search")).ToContainTextAsync("100.0%");
        await Assertions.Expect(Row(split, "Email")).ToContainTextAsync("0.0%");

        // First touch gives the whole credit to email instead.
        await page.GetByRole(AriaRole.Button, new() { Name = "First touch", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("model=first_touch"));
        split = page.GetByRole(AriaRole.Region, new() { Name = "First touch split" });
        await split.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Assertions.Expect(Row(split, "Email")).ToContainTextAsync("100.0%");
        await Assertions.Expect(Row(split, "Email")).ToContainTextAsync("250.00");
        await Assertions.Expect(Row(split, "Paid search")).ToContainTextAsync("0.0%");

        // The comparison shows the move against last touch.
        var comparison = page.GetByRole(AriaRole.Region, new() { Name = "Model comparison" });
        await comparison.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        await Assertions.Expect(Row(comparison, "Email")).ToContainTextAsync("+RON\u00a0250.00 vs last touch");
        await Assertions.Expect(Row(comparison, "Paid search")).ToContainTextAsync("−RON\u00a0250.00 vs last touch");
    }

    [BrowserFact]
    public async Task UTM_builder_flags_a_bad_medium_applies_its_suggestion_and_copies_a_valid_link()
    {
        var tenant = await session.Host.NewTenantAsync();
        var page = await SignedInPageAsync(tenant);
        await page.GetByRole(AriaRole.Link, new() { Name = "UTM links", Exact = true }).ClickAsync();

        await page.GetByLabel("Page URL").FillAsync("https://shop.test/black-friday");
        await page.GetByLabel("Source (utm_source)").FillAsync("newsletter");
        await page.GetByLabel("Medium (utm_medium)").FillAsync("e-mail");
        await page.GetByLabel("Campaign (utm_campaign)").FillAsync("black-friday");

        // The validator's own words and suggestion for the medium.
        var check = await (await tenant.Client.PostJsonAsync("/api/v1/utm/validate", new { source = "newsletter", medium = "e-mail", campaign = "black-friday" })).JsonAsync();
        check.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var violation = check.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("field").GetString() == "medium");
        var suggestion = violation.GetProperty("suggestion").GetString();
        suggestion.ShouldBe("email");
        var problems = page.GetByRole(AriaRole.List, new() { Name = "Problems with utm_medium" });
        await Assertions.Expect(problems).ToContainTextAsync(violation.GetProperty("message").GetString()!);
        await Assertions.Expect(page.GetByTestId("built-link")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Use {suggestion} for utm_medium" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Medium (utm_medium)")).ToHaveValueAsync("email");
        await Assertions.Expect(problems).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("These parameters follow your naming rules.")).ToBeVisibleAsync();

        // The link is the API's, and the copy button puts it on the clipboard.
        var built = await (await tenant.Client.PostJsonAsync("/api/v1/utm/links",
            new { url = "https://shop.test/black-friday", source = "newsletter", medium = "email", campaign = "black-friday" })).JsonAsync();
        var url = built.GetProperty("url").GetString()!;
        url.ShouldContain("utm_medium=email");
        await Assertions.Expect(page.GetByTestId("built-link")).ToHaveTextAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(url);
    }

    [BrowserFact]
    public async Task Costs_import_names_the_bad_rows_then_saves_a_good_file_and_a_row_is_deleted_after_confirmation()
    {
        var tenant = await session.Host.NewTenantAsync();
        var page = await SignedInPageAsync(tenant);
        await page.GetByRole(AriaRole.Link, new() { Name = "Costs", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No spend yet")).ToBeVisibleAsync();

        // A file with a bad date: nothing saved, the row named as the API names it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Import CSV" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("CSV", new() { Exact = true }).FillAsync("date,channel,campaign,amount\n04/11/2026,paid_search,brand,12\n");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.List, new() { Name = "Import errors" })).ToContainTextAsync("row 1: date");

        var day = Today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await dialog.GetByLabel("CSV", new() { Exact = true }).FillAsync($"date,channel,campaign,amount\n{day},paid_search,brand,12.5\n{day},display,,7\n");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("2 cost rows imported.", new() { Exact = false })).ToBeVisibleAsync();
        var list = await (await tenant.Client.GetAsync("/api/v1/marketing/costs")).JsonAsync();
        list.GetProperty("totalAmount").GetDecimal().ShouldBe(19.5m);
        await Assertions.Expect(page.GetByTestId("costs-total")).ToContainTextAsync("19.50");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete the spend of {day} · Display" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("costs-total")).ToContainTextAsync("12.50");
        (await (await tenant.Client.GetAsync("/api/v1/marketing/costs")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [BrowserFact]
    public async Task Dashboard_insight_names_yesterdays_revenue_drop_with_its_impact_and_action()
    {
        var tenant = await session.Host.NewTenantAsync();
        // 70 days of one email visit and one 100 RON sale a day, then yesterday a visit and nothing sold.
        var events = new List<object>();
        for (var k = 1; k <= 70; k++)
        {
            events.Add(Visit($"v{k}", Noon.AddDays(-k).AddHours(-1), "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=daily"));
            events.Add(Buy($"v{k}", Noon.AddDays(-k), 100m, $"D-{k}"));
        }
        events.Add(Visit("y", Noon.AddHours(-1), "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=daily"));
        await TrackAsync(tenant, [.. events]);
        await RollupAsync(tenant);

        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var api = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/insights?from={yesterday}&to={yesterday}")).JsonAsync();
        var drop = api.GetProperty("items").EnumerateArray().First(i =>
            i.GetProperty("kind").GetString() == "anomaly" && i.GetProperty("metric").GetString() == "revenue" && i.GetProperty("channel").ValueKind == JsonValueKind.Null);
        var impact = drop.GetProperty("impact").GetDecimal();
        impact.ShouldBeLessThan(0m);
        var currency = (await (await tenant.Client.GetAsync("/api/v1/marketing/analytics/settings")).JsonAsync()).GetProperty("currency").GetString()!;

        var page = await SignedInPageAsync(tenant);
        await page.GotoAsync($"/?from={yesterday}&to={yesterday}");
        var insights = page.GetByRole(AriaRole.Region, new() { Name = "Insights", Exact = true });
        var card = insights.GetByRole(AriaRole.Article, new() { Name = drop.GetProperty("title").GetString()!, Exact = true });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("dropped");
        await Assertions.Expect(card).ToContainTextAsync("Warning");
        await Assertions.Expect(card.GetByTestId("insight-impact")).ToContainTextAsync($"−{Money(currency, Math.Abs(impact))}");
        await Assertions.Expect(card).ToContainTextAsync(drop.GetProperty("action").GetString()!);
        await Assertions.Expect(insights.GetByText("Nothing unusual in this period")).ToHaveCountAsync(0);

        // Dismissed, it leaves the feed; "Show dismissed and done" brings it back marked, and "Open again" reopens it.
        await card.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        var key = drop.GetProperty("key").GetString()!;
        var all = await (await tenant.Client.GetAsync($"/api/v1/marketing/analytics/insights?from={yesterday}&to={yesterday}&all=true")).JsonAsync();
        all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == key).GetProperty("state").GetString().ShouldBe("dismissed");
        await insights.GetByLabel("Show dismissed and done").CheckAsync();
        await Assertions.Expect(card.GetByTestId("insight-state")).ToHaveTextAsync("Dismissed");
        await card.GetByRole(AriaRole.Button, new() { Name = "Open again" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("insight-state")).ToHaveCountAsync(0);
        await insights.GetByLabel("Show dismissed and done").UncheckAsync();
        await Assertions.Expect(card).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Dashboard_funnel_shows_the_step_counts_the_API_returns_overall_and_per_channel()
    {
        var tenant = await session.Host.NewTenantAsync();
        const string email = "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf";
        await TrackAsync(tenant,
            // An email visitor buys; a second email visitor stops at checkout; a paid search visitor only adds to the cart.
            Visit("a", Noon.AddHours(-4), email), Step("a", "add_to_cart", Noon.AddHours(-3.9)), Step("a", "begin_checkout", Noon.AddHours(-3.8)), Buy("a", Noon.AddHours(-3.7), 80m, "F-1"),
            Visit("b", Noon.AddHours(-3), email), Step("b", "add_to_cart", Noon.AddHours(-2.9)), Step("b", "begin_checkout", Noon.AddHours(-2.8)),
            Visit("c", Noon.AddHours(-2), "https://shop.test/?gclid=f"), Step("c", "add_to_cart", Noon.AddHours(-1.9)),
            Visit("d", Noon.AddHours(-1), "https://shop.test/"));
        await RollupAsync(tenant);

        var from = Today.AddDays(-6);
        var api = await (await tenant.Client.GetAsync(
            $"/api/v1/marketing/analytics/funnel?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&steps=page_view,add_to_cart,begin_checkout,purchase")).JsonAsync();
        var overall = Counts(api.GetProperty("overall"));
        overall[0].ShouldBe(4);
        overall[3].ShouldBe(1);
        var emailRow = api.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");

        var page = await SignedInPageAsync(tenant);
        await page.GotoAsync("/?period=7");
        var funnel = page.GetByRole(AriaRole.Region, new() { Name = "Funnel", Exact = true });
        await funnel.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        string[] steps = ["Page view", "Add to cart", "Begin checkout", "Purchase"];
        for (var i = 0; i < steps.Length; i++)
            await Assertions.Expect(Row(funnel, steps[i]).GetByRole(AriaRole.Cell).First).ToHaveTextAsync(overall[i].ToString(CultureInfo.InvariantCulture));

        // One channel: its own counts, and the step-to-step rate the API computed.
        await funnel.GetByLabel("Channel").SelectOptionAsync("email");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("funnelChannel=email"));
        var emailCounts = Counts(emailRow);
        for (var i = 0; i < steps.Length; i++)
            await Assertions.Expect(Row(funnel, steps[i]).GetByRole(AriaRole.Cell).First).ToHaveTextAsync(emailCounts[i].ToString(CultureInfo.InvariantCulture));
        var purchaseRate = emailRow.GetProperty("rates")[3].GetDecimal();
        await Assertions.Expect(Row(funnel, "Purchase").GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync($"{(purchaseRate * 100).ToString("N1", CultureInfo.InvariantCulture)}%");
    }

    [BrowserFact]
    public async Task UTM_builder_short_tracked_link_is_copied_and_counts_its_clicks()
    {
        var tenant = await session.Host.NewTenantAsync();
        var page = await SignedInPageAsync(tenant);
        await page.GetByRole(AriaRole.Link, new() { Name = "UTM links", Exact = true }).ClickAsync();
        await page.GetByLabel("Short tracked link").CheckAsync();
        await page.GetByLabel("Page URL").FillAsync("https://shop.test/summer");
        await page.GetByLabel("Source (utm_source)").FillAsync("newsletter");
        await page.GetByLabel("Medium (utm_medium)").FillAsync("email");
        await page.GetByLabel("Campaign (utm_campaign)").FillAsync("summer-sale");

        var shortLink = page.GetByTestId("short-link");
        await Assertions.Expect(shortLink).ToHaveTextAsync(new Regex("/l/[A-Za-z0-9_-]{8}$"));
        var shortUrl = (await shortLink.TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the short link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Copied to the clipboard.")).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(shortUrl);

        // The API knows the link: it goes to the tagged page, not clicked yet.
        var code = shortUrl[(shortUrl.LastIndexOf('/') + 1)..];
        var link = await (await tenant.Client.GetAsync($"/api/v1/utm/links/{code}")).JsonAsync();
        link.GetProperty("target").GetString().ShouldBe(await page.GetByTestId("built-link").TextContentAsync());
        await Assertions.Expect(page.GetByTestId("short-link-clicks")).ToHaveTextAsync("0 clicks");

        // A click (the redirect) is counted.
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = session.Host.BaseAddress };
        (await visitor.GetAsync(new Uri(shortUrl).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh clicks" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("short-link-clicks")).ToContainTextAsync("1 click");
    }

    // ---- Seeding through the API ------------------------------------------------

    private static object Visit(string who, DateTimeOffset at, string url) =>
        new { eventId = Guid.NewGuid().ToString(), type = "page_view", anonymousId = who, timestamp = at, url };

    private static object Buy(string who, DateTimeOffset at, decimal revenue, string order) =>
        new { eventId = Guid.NewGuid().ToString(), type = "purchase", anonymousId = who, timestamp = at, revenue, currency = "RON", orderId = order };

    private static object Step(string who, string type, DateTimeOffset at) =>
        new { eventId = Guid.NewGuid().ToString(), type, anonymousId = who, timestamp = at };

    private static int[] Counts(JsonElement row) => [.. row.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32())];

    private static async Task TrackAsync(TenantSession tenant, params object[] events)
    {
        var response = await tenant.Client.PostJsonAsync("/api/v1/track", new { events });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("stored").GetInt32().ShouldBe(events.Length);
    }

    private static async Task CostsAsync(TenantSession tenant, params (DateOnly Day, decimal Amount)[] rows)
    {
        var costs = rows.Select(r => new { date = r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), channel = "paid_search", campaign = "brand", amount = r.Amount });
        var response = await tenant.Client.PutJsonAsync("/api/v1/marketing/costs", new { costs });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task RollupAsync(TenantSession tenant) =>
        (await tenant.Client.PostAsync("/api/v1/marketing/analytics/rollup", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

    // ---- The browser ----------------------------------------------------------------

    /// <summary>Signs in as the owner in a context with a fixed locale and time zone, so numbers and days read the same everywhere.</summary>
    private Task<IPage> SignedInPageAsync(TenantSession tenant) => SignedInPageAsync(tenant.OwnerEmail, Password);

    private async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = session.Host.BaseAddress.ToString(), AcceptDownloads = true, Locale = "en-US", TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = session.Host.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).WaitForAsync();
        return page;
    }

    private static ILocator Row(ILocator scope, string header) =>
        scope.GetByRole(AriaRole.Row).Filter(new() { Has = scope.Page.GetByRole(AriaRole.Rowheader, new() { Name = header, Exact = true }) });

    // ---- What the page should print for an API value (en-US) ------------------------------

    private static decimal? Kpi(JsonElement view, string name) =>
        view.GetProperty("kpis").GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static decimal? Change(JsonElement view, string name) =>
        view.GetProperty("change").GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    private static string Money(string currency, decimal value) => $"{currency}\u00a0{value.ToString("N2", CultureInfo.InvariantCulture)}";

    private static string Ratio(decimal value) => $"{value.ToString("N2", CultureInfo.InvariantCulture)}×";

    private static string Percent(decimal change) => $"{Math.Abs(change * 100).ToString("N1", CultureInfo.InvariantCulture)}%";

    private static string Humanize(string key) => char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');
}
