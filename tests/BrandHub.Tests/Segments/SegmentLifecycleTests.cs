using System.Text.Json;
using BrandHub.Modules.Platform.Outbox;
using BrandHub.Modules.Segments;
using BrandHub.Tests.Audience.Support;
using static BrandHub.Tests.Segments.SegmentDataSet;

namespace BrandHub.Tests.Segments;

/// <summary>Segments over HTTP: validation with paths, refresh and its outbox events, static snapshots, references, isolation.</summary>
public sealed class SegmentLifecycleTests(SegmentDataSet data) : IClassFixture<SegmentDataSet>
{
    private HttpClient Client => data.Tenant.Client;

    [Fact]
    public async Task Invalid_criteria_are_a_400_keyed_by_the_json_path_of_the_problem()
    {
        var response = await Client.PostJsonAsync("/api/v1/segments", new
        {
            name = "broken", type = "dynamic",
            criteria = new { all = new object[] { new { field = "email", op = "isSet" }, new { field = "metrics.orders", op = "contains", value = "x" },
                new { field = "shoeSize", op = "eq", value = 42 } } },
        });

        var errors = await response.ShouldBeValidationProblemAsync("criteria.all[1].op", "criteria.all[2].field");
        errors["criteria.all[1].op"][0].ShouldContain("does not apply");
        (await Client.GetJsonAsync("/api/v1/segments?search=broken")).Total().ShouldBe(0);
    }

    [Fact]
    public async Task A_refresh_moves_leavers_out_and_newcomers_in_and_records_each_move_in_the_outbox()
    {
        var tag = "hot" + AudienceApi.UniqueWord(6);
        await Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { data.Ids[1], data.Ids[2] }, add = new[] { tag } });
        var segment = await data.CreateSegmentAsync(new { name = "hot " + tag, type = "dynamic", criteria = new { field = "tags", op = "contains", value = tag } });
        var id = segment.Id();
        (await data.MemberEmailsAsync(id)).ShouldBe([Email(1), Email(2)]);

        await Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { data.Ids[2] }, remove = new[] { tag } });
        await Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { data.Ids[3] }, add = new[] { tag } });
        var refreshed = await Client.PostJsonAsync($"/api/v1/segments/{id}/refresh", new { });
        var json = await refreshed.JsonAsync();
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("memberCount").GetInt64().ShouldBe(2);
        (await data.MemberEmailsAsync(id)).ShouldBe([Email(1), Email(3)]);

        var (scope, db) = data.Database(data.Tenant.TenantId);
        using var _ = scope;
        var events = (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync())
            .Select(m => (m.Topic, Payload: JsonDocument.Parse(m.PayloadJson).RootElement))
            .Where(m => m.Payload.GetProperty("segmentId").GetString() == id.ToString())
            .Select(m => (m.Topic, Contact: Guid.Parse(m.Payload.GetProperty("contactId").GetString()!), m.Payload.GetProperty("at").GetString()))
            .ToList();
        events.Where(e => e.Topic == SegmentTopics.Entered).Select(e => e.Contact).Order().ShouldBe(new[] { data.Ids[1], data.Ids[2], data.Ids[3] }.Order());
        events.Where(e => e.Topic == SegmentTopics.Exited).Select(e => e.Contact).ShouldBe([data.Ids[2]]);
        events.ShouldAllBe(e => DateTimeOffset.Parse(e.Item3!) > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task The_relay_hands_membership_events_to_subscribers_and_marks_them_published()
    {
        var tag = "relay" + AudienceApi.UniqueWord(6);
        await Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { data.Ids[9] }, add = new[] { tag } });
        var id = (await data.CreateSegmentAsync(new { name = "relay", type = "dynamic", criteria = new { field = "tags", op = "contains", value = tag } })).Id();

        var received = await Eventually.PollAsync(() => Task.FromResult(data.Subscriber.Received
                .Where(e => e.Payload.GetProperty("segmentId").GetString() == id.ToString()).ToList()), l => l.Count > 0, "the entered event");

        received.Single().Topic.ShouldBe(SegmentTopics.Entered);
        received.Single().TenantId.ShouldBe(data.Tenant.TenantId);
        received.Single().Payload.GetProperty("contactId").GetString().ShouldBe(data.Ids[9].ToString());
        await Eventually.UntilAsync(async () =>
        {
            var (scope, db) = data.Database(data.Tenant.TenantId);
            using var _ = scope;
            var row = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == received.Single().Id);
            return row.PublishedAt is not null && row.Attempts == 1 && row.LastError is null;
        }, "the message marked published");
    }

    [Fact]
    public async Task Contact_changes_refresh_dynamic_segments_on_their_own_soon_after()
    {
        var tag = "warm" + AudienceApi.UniqueWord(6);
        var id = (await data.CreateSegmentAsync(new { name = "warm", type = "dynamic", criteria = new { field = "tags", op = "contains", value = tag } })).Id();

        (await Client.PatchJsonAsync($"/api/v1/contacts/{data.Ids[4]}", new { tags = new[] { "vip", tag } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.UntilAsync(async () => (await data.MemberEmailsAsync(id)).SequenceEqual([Email(4)]), "the debounced refresh");
    }

    [Fact]
    public async Task Events_keep_metrics_and_event_segments_current()
    {
        var id = (await data.CreateSegmentAsync(new { name = "big spenders", type = "dynamic",
            criteria = new { field = "metrics.revenue", op = "gte", value = 1000 } })).Id();
        (await data.MemberEmailsAsync(id)).ShouldBeEmpty();

        var response = await Client.PostJsonAsync($"/api/v1/contacts/{data.Ids[12]}/events",
            new { name = "purchase", revenue = 1000.5m, currency = "ron", properties = new { sku = "TV" } });
        var created = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, created.ToString());
        created.Str("currency").ShouldBe("RON");

        await Eventually.UntilAsync(async () => (await data.MemberEmailsAsync(id)).SequenceEqual([Email(12)]), "the refresh after the purchase");
        var performance = await Client.GetJsonAsync($"/api/v1/segments/{id}/performance");
        performance.GetProperty("members").GetInt64().ShouldBe(1);
        performance.GetProperty("revenue").GetDecimal().ShouldBe(1000.5m);
    }

    [Fact]
    public async Task A_static_segment_is_a_snapshot_changed_only_by_hand()
    {
        var segment = await data.CreateSegmentAsync(new { name = "gold snapshot", type = "static", criteria = new { field = "attributes.tier", op = "eq", value = "gold" } });
        var id = segment.Id();
        (await data.MemberEmailsAsync(id)).ShouldBe(Enumerable.Range(1, 5).Select(Email).ToList());

        var added = await Client.PostJsonAsync($"/api/v1/segments/{id}/members", new { contactIds = new[] { data.Ids[20], data.Ids[1], Guid.NewGuid() } });
        var addedJson = await added.JsonAsync();
        added.StatusCode.ShouldBe(HttpStatusCode.OK, addedJson.ToString());
        (addedJson.GetProperty("changed").GetInt32(), addedJson.GetProperty("memberCount").GetInt64()).ShouldBe((1, 6L));

        var removed = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/segments/{id}/members")
            { Content = JsonContent(new { contactIds = new[] { data.Ids[2], data.Ids[3] } }) });
        (await removed.JsonAsync()).GetProperty("memberCount").GetInt64().ShouldBe(4);
        (await data.MemberEmailsAsync(id)).ShouldBe([Email(1), Email(4), Email(5), Email(20)]);

        var refresh = await Client.PostJsonAsync($"/api/v1/segments/{id}/refresh", new { });
        (await refresh.JsonAsync()).GetProperty("memberCount").GetInt64().ShouldBe(4, "a static segment is not recomputed");
        await (await Client.PatchJsonAsync($"/api/v1/segments/{id}", new { criteria = new { field = "email", op = "isSet" } })).ShouldBeValidationProblemAsync("criteria");
    }

    [Fact]
    public async Task Hand_edits_of_a_dynamic_segment_are_refused()
    {
        var id = (await data.CreateSegmentAsync(new { name = "dyn", type = "dynamic", criteria = new { field = "email", op = "isSet" } })).Id();
        await (await Client.PostJsonAsync($"/api/v1/segments/{id}/members", new { contactIds = new[] { data.Ids[1] } })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Segments_can_build_on_segments_but_not_on_themselves_and_a_used_segment_cannot_be_deleted()
    {
        var vip = (await data.CreateSegmentAsync(new { name = "vips", type = "dynamic", criteria = new { field = "tags", op = "contains", value = "vip" } })).Id();
        var romanianVips = await data.CreateSegmentAsync(new { name = "romanian vips", type = "dynamic",
            criteria = new { all = new object[] { new { segment = vip }, new { field = "country", op = "eq", value = "RO" } } } });
        (await data.MemberEmailsAsync(romanianVips.Id())).ShouldBe(Enumerable.Range(1, Count).Where(i => Vip(i) && Country(i) == "RO").Select(Email).Order().ToList());

        var cycle = await Client.PatchJsonAsync($"/api/v1/segments/{vip}", new { criteria = new { not = new { segment = romanianVips.Id() } } });
        await cycle.ShouldBeValidationProblemAsync("criteria.not.segment");

        var delete = await Client.DeleteAsync($"/api/v1/segments/{vip}");
        (await delete.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Str("detail")!.ShouldContain("romanian vips");
        (await Client.DeleteAsync($"/api/v1/segments/{romanianVips.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.DeleteAsync($"/api/v1/segments/{vip}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Client.GetAsync($"/api/v1/segments/{vip}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_campaign_audience_is_the_union_of_included_segments_minus_the_excluded()
    {
        var vip = (await data.CreateSegmentAsync(new { name = "a vips", type = "dynamic", criteria = new { field = "tags", op = "contains", value = "vip" } })).Id();
        var news = (await data.CreateSegmentAsync(new { name = "a news", type = "dynamic", criteria = new { field = "tags", op = "contains", value = "newsletter" } })).Id();
        var md = (await data.CreateSegmentAsync(new { name = "a md", type = "dynamic", criteria = new { field = "country", op = "eq", value = "MD" } })).Id();

        var response = await Client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { segmentIds = new[] { vip, news }, excludeSegmentIds = new[] { md } });

        var json = await response.JsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        json.GetProperty("size").GetInt64().ShouldBe(Enumerable.Range(1, Count).Count(i => (Vip(i) || Newsletter(i)) && Country(i) != "MD"));

        var compare = await Client.GetJsonAsync($"/api/v1/segments/compare?ids={vip},{news}");
        compare.GetProperty("overlap").GetInt64().ShouldBe(Enumerable.Range(1, Count).Count(i => Vip(i) && Newsletter(i)));
        compare.GetProperty("segments").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Another_tenant_s_segment_is_not_found_in_criteria()
    {
        var own = (await data.CreateSegmentAsync(new { name = "mine", type = "dynamic", criteria = new { field = "email", op = "isSet" } })).Id();
        var other = await data.NewTenantAsync();

        var response = await other.Client.PostJsonAsync("/api/v1/segments", new { name = "theirs", type = "dynamic", criteria = new { segment = own } });

        await response.ShouldBeValidationProblemAsync("criteria.segment");
        (await other.Client.GetAsync($"/api/v1/segments/{own}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var preview = await other.Client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { criteria = new { all = Array.Empty<object>() } });
        (await preview.JsonAsync()).GetProperty("size").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task Segments_are_listed_with_search_and_paging()
    {
        var word = AudienceApi.UniqueWord(8);
        for (var i = 0; i < 3; i++) await data.CreateSegmentAsync(new { name = $"{word} {i}", type = "static" });

        var page = await Client.GetJsonAsync($"/api/v1/segments?search={word.ToUpperInvariant()}&sort=name&pageSize=2");

        page.Total().ShouldBe(3);
        page.Items().Select(s => s.Str("name")).ShouldBe([$"{word} 0", $"{word} 1"]);
        page.Items()[0].GetProperty("memberCount").GetInt64().ShouldBe(0);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
