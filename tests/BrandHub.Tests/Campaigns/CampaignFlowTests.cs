using System.Text.Json;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;

namespace BrandHub.Tests.Campaigns;

/// <summary>Campaigns end to end: a scheduled launch by itself, deliveries through the engine to a real SMTP server, metrics; pause and resume.</summary>
public sealed class CampaignFlowTests(CampaignHost host) : IClassFixture<CampaignHost>
{
    private static readonly TimeZoneInfo Bucharest = TimeZoneInfo.FindSystemTimeZoneById("Europe/Bucharest");

    [Fact]
    public async Task A_campaign_scheduled_two_seconds_ahead_launches_by_itself_and_every_member_gets_one_email()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSmtpAsync(tenant);
        var contacts = await tenant.Client.OptedInContactsAsync(20, "flow");
        var silent = await tenant.Client.CreateContactIdAsync(new { email = MessagesApi.UniqueEmail("noconsent") });
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id).Append(silent));
        var campaign = (await tenant.Client.CreateCampaignAsync([segment])).Id();
        await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep());

        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddSeconds(2), Bucharest);
        var scheduled = await tenant.Client.MoveAsync(campaign, "schedule", new { kind = "at", at = at.ToString("yyyy-MM-dd'T'HH:mm:ss") });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        (await scheduled.JsonAsync()).Str("status").ShouldBe("scheduled");

        await Eventually.UntilAsync(async () => (await tenant.Client.StatusAsync(campaign)) == "running", "the campaign launching by itself");
        var progress = await Eventually.PollAsync(() => tenant.Client.ProgressAsync(campaign),
            p => p.GetProperty("sent").GetInt64() == 20 && p.GetProperty("suppressed").GetInt64() == 1, "every reachable member sent");
        progress.GetProperty("audience").GetInt64().ShouldBe(21);
        progress.GetProperty("queued").GetInt64().ShouldBe(21);

        await host.Smtp.WaitForMessagesAsync(1);
        await Eventually.UntilAsync(() => Task.FromResult(host.ReceivedBy(contacts.Select(c => c.Email)) >= 20), "20 messages at the SMTP server");
        foreach (var (_, email) in contacts) host.Smtp.Messages.Count(m => m.Recipients.Contains(email)).ShouldBe(1, email);

        var metrics = (await tenant.Client.MetricsAsync(campaign)).Single();
        metrics.GetProperty("audience").GetInt64().ShouldBe(21);
        metrics.GetProperty("sent").GetInt64().ShouldBe(20);
        metrics.GetProperty("suppressed").GetInt64().ShouldBe(1);
        metrics.Str("variant").ShouldBe("A");

        var deliveries = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/deliveries?status=sent&pageSize=100");
        deliveries.GetProperty("total").GetInt32().ShouldBe(20);
        var csv = await (await tenant.Client.GetAsync($"{CampaignApi.Base}/{campaign}/report?format=csv")).Content.ReadAsStringAsync();
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        var history = await tenant.Client.GetJsonAsync($"{CampaignApi.Base}/{campaign}/history");
        var actions = history.GetProperty("items").EnumerateArray().Select(e => e.Str("action")).ToList();
        actions.ShouldContain("campaign.created");
        actions.ShouldContain("campaign.schedule");
        actions.ShouldContain("campaign.launch");
    }

    [Fact]
    public async Task Pausing_stops_sending_within_seconds_and_resuming_finishes_the_rest_exactly_once()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSlowSmtpAsync(tenant, messagesPerSecond: 6);
        var contacts = await tenant.Client.OptedInContactsAsync(36, "pause");
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id));
        var campaign = (await tenant.Client.CreateCampaignAsync([segment])).Id();
        await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep());
        var emails = contacts.Select(c => c.Email).ToList();

        (await tenant.Client.MoveAsync(campaign, "launch")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => Task.FromResult(host.ReceivedBy(emails) >= 4), "the first messages");
        var paused = await tenant.Client.MoveAsync(campaign, "pause");
        paused.StatusCode.ShouldBe(HttpStatusCode.OK, await paused.Content.ReadAsStringAsync());

        // A chunk already inside the SMTP conversation may finish; nothing waiting for the rate limit does.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var afterPause = host.ReceivedBy(emails);
        await Task.Delay(TimeSpan.FromSeconds(2));
        host.ReceivedBy(emails).ShouldBe(afterPause);
        afterPause.ShouldBeLessThan(36);
        (await tenant.Client.MoveAsync(campaign, "pause")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await tenant.Client.MoveAsync(campaign, "resume")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => Task.FromResult(host.ReceivedBy(emails) >= 36), "every message after resuming");
        await Task.Delay(500);
        foreach (var email in emails) host.Smtp.Messages.Count(m => m.Recipients.Contains(email)).ShouldBe(1, email);
        (await tenant.Client.ProgressAsync(campaign)).GetProperty("sent").GetInt64().ShouldBe(36);
    }

    [Fact]
    public async Task Cancelling_mid_send_withdraws_everything_not_yet_handed_to_the_server()
    {
        var tenant = await host.NewTenantAsync();
        await host.UseSlowSmtpAsync(tenant, messagesPerSecond: 6);
        var contacts = await tenant.Client.OptedInContactsAsync(30, "cancel");
        var segment = await tenant.Client.StaticSegmentAsync(contacts.Select(c => c.Id));
        var campaign = (await tenant.Client.CreateCampaignAsync([segment])).Id();
        await tenant.Client.AddStepAsync(campaign, CampaignApi.EmailStep());
        var emails = contacts.Select(c => c.Email).ToList();

        (await tenant.Client.MoveAsync(campaign, "launch")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => Task.FromResult(host.ReceivedBy(emails) >= 1), "the first messages");
        (await tenant.Client.MoveAsync(campaign, "cancel")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every delivery made ends either sent or withdrawn (the launch may have stopped before queueing everyone), and
        // what the server got is exactly what was sent.
        var done = await Eventually.PollAsync(() => tenant.Client.ProgressAsync(campaign),
            p => p.GetProperty("waiting").GetInt64() == 0 && p.GetProperty("sent").GetInt64() + p.GetProperty("suppressed").GetInt64() == p.GetProperty("queued").GetInt64(),
            "every delivery settled");
        var withdrawn = done.GetProperty("suppressedByReason").GetProperty("campaign_cancelled").GetInt64();
        withdrawn.ShouldBeGreaterThan(0);
        (done.GetProperty("sent").GetInt64() + withdrawn).ShouldBe(done.GetProperty("queued").GetInt64());
        await Task.Delay(1500);
        host.ReceivedBy(emails).ShouldBe((int)done.GetProperty("sent").GetInt64());
        (await tenant.Client.StatusAsync(campaign)).ShouldBe("cancelled");
    }
}
