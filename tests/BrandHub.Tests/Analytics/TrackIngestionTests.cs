using System.Net.Http.Json;
using System.Text.Json;

namespace BrandHub.Tests.Analytics;

/// <summary>
/// /api/v1/track with write keys and API keys: stored once per event id, bad events reported one by one while the good
/// ones of the batch are kept, visits classified, anonymous history stitched to the contact on identify, origins enforced.
/// </summary>
public sealed class TrackIngestionTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static async Task<string> WriteKeyAsync(HttpClient client, params string[] origins)
    {
        var created = await client.PostJsonAsync("/api/v1/tracking/write-keys", new { name = "Shop", allowedOrigins = origins });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.JsonAsync();
        body.GetProperty("snippet").GetString().ShouldContain("/t.js");
        return body.GetProperty("key").GetString()!;
    }

    private HttpClient Browser(string key, string? origin = null)
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Write-Key", key);
        if (origin is not null) client.DefaultRequestHeaders.Add("Origin", origin);
        return client;
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient client, string query = "")
    {
        var page = await (await client.GetAsync($"/api/v1/tracking/events?pageSize=200{query}")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_page_view_is_stored_classified_and_a_retry_stores_nothing_twice()
    {
        var tenant = await host.NewTenantAsync();
        using var browser = Browser(await WriteKeyAsync(tenant.Client));
        var batch = new
        {
            events = new object[]
            {
                new { eventId = "pv-1", type = "page_view", anonymousId = "a-1", url = "https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=bf-2026" },
                new { eventId = "pv-2", type = "page_view", anonymousId = "a-2", url = "https://shop.test/p/7?gclid=Cj0K", referrer = "https://www.google.ro/" },
                new { eventId = "pv-3", type = "page_view", anonymousId = "a-3", url = "https://shop.test/blog", referrer = "https://www.facebook.com/" },
                new { eventId = "pv-4", type = "page_view", anonymousId = "a-4", url = "https://shop.test/cart", referrer = "https://shop.test/" },
            },
        };
        var first = await browser.PostJsonAsync("/api/v1/track", batch);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var result = await first.JsonAsync();
        result.GetProperty("stored").GetInt32().ShouldBe(4);

        var again = await (await browser.PostJsonAsync("/api/v1/track", batch)).JsonAsync();
        again.GetProperty("stored").GetInt32().ShouldBe(0);
        again.GetProperty("duplicates").GetInt32().ShouldBe(4);
        again.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldAllBe(s => s == "duplicate");

        var stored = (await EventsAsync(tenant.Client)).ToDictionary(e => e.GetProperty("eventId").GetString()!);
        stored.Count.ShouldBe(4);
        stored["pv-1"].GetProperty("channel").GetString().ShouldBe("email");
        stored["pv-1"].GetProperty("utmCampaign").GetString().ShouldBe("bf-2026");
        stored["pv-2"].GetProperty("channel").GetString().ShouldBe("paid_search");
        stored["pv-2"].GetProperty("clickKind").GetString().ShouldBe("gclid");
        stored["pv-3"].GetProperty("channel").GetString().ShouldBe("organic_social");
        stored["pv-3"].GetProperty("source").GetString().ShouldBe("facebook.com");
        stored["pv-4"].GetProperty("channel").GetString().ShouldBe("direct"); // the site's own page sent them on
    }

    [Fact]
    public async Task A_half_invalid_batch_stores_the_valid_half_and_names_each_bad_event()
    {
        var tenant = await host.NewTenantAsync();
        using var browser = Browser(await WriteKeyAsync(tenant.Client));
        var response = await browser.PostRawAsync("/api/v1/track", """
            {"events":[
              {"eventId":"ok-1","type":"page_view","anonymousId":"v1","url":"https://shop.test/"},
              {"eventId":"bad-1","type":"teleport","anonymousId":"v1"},
              {"eventId":"ok-2","type":"add_to_cart","anonymousId":"v1","properties":{"sku":"A-7"}},
              {"eventId":"bad-2","type":"purchase","anonymousId":"v1","revenue":-3,"url":"not a url"},
              "not even an object"
            ]}
            """, "text/plain");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.JsonAsync();
        result.GetProperty("stored").GetInt32().ShouldBe(2);
        result.GetProperty("rejected").GetInt32().ShouldBe(3);
        var events = result.GetProperty("events").EnumerateArray().ToList();
        events[1].GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldContain("page_view");
        events[3].GetProperty("errors").TryGetProperty("revenue", out _).ShouldBeTrue();
        events[3].GetProperty("errors").TryGetProperty("currency", out _).ShouldBeTrue();
        events[3].GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
        events[4].GetProperty("status").GetString().ShouldBe("rejected");
        (await EventsAsync(tenant.Client)).Select(e => e.GetProperty("eventId").GetString()).Order().ShouldBe(["ok-1", "ok-2"]);

        var allBad = await browser.PostJsonAsync("/api/v1/track", new { events = new object[] { new { type = "page_view" }, new { type = "nope", anonymousId = "x" } } });
        allBad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await allBad.ProblemErrorsAsync();
        errors.Keys.ShouldContain("events[0].anonymousId");
        errors.Keys.ShouldContain("events[1].type");

        (await browser.PostJsonAsync("/api/v1/track", new { events = Enumerable.Range(0, 501).Select(i => new { type = "page_view", anonymousId = "v" }) }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.PostRawAsync("/api/v1/track", "{not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await EventsAsync(tenant.Client)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Identify_stitches_the_visitors_earlier_and_later_events_to_the_contact()
    {
        var tenant = await host.NewTenantAsync();
        using var browser = Browser(await WriteKeyAsync(tenant.Client));
        (await browser.PostJsonAsync("/api/v1/track", new { type = "page_view", anonymousId = "anon-9", url = "https://shop.test/?utm_source=google&utm_medium=cpc" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var identify = await browser.PostJsonAsync("/api/v1/track", new { type = "identify", anonymousId = "anon-9", email = "Ana.Pop@Example.com" });
        identify.StatusCode.ShouldBe(HttpStatusCode.OK, await identify.Content.ReadAsStringAsync());
        (await browser.PostJsonAsync("/api/v1/track", new { type = "purchase", anonymousId = "anon-9", revenue = 249.9m, currency = "ron", orderId = "SO-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var contacts = await (await tenant.Client.GetAsync("/api/v1/contacts?q=ana.pop@example.com")).JsonAsync();
        var contactId = contacts.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        var events = await EventsAsync(tenant.Client, "&anonymousId=anon-9");
        events.Count.ShouldBe(3);
        events.ShouldAllBe(e => e.GetProperty("contactId").GetGuid() == contactId);
        var purchase = events.Single(e => e.GetProperty("type").GetString() == "purchase");
        purchase.GetProperty("revenue").GetDecimal().ShouldBe(249.9m);
        purchase.GetProperty("currency").GetString().ShouldBe("RON");

        // The purchase is on the contact's timeline too (segments and metrics read it), once even when the ERP reports the order again.
        (await tenant.Client.PostJsonAsync("/api/v1/events", new
        {
            id = "erp-so-1", type = "sales.order.created", data = new { orderId = "SO-1", total = 249.9m, currency = "RON", customer = new { contactId } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.PostJsonAsync("/api/v1/track", new { type = "page_view", anonymousId = "anon-9", url = "https://shop.test/" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope)
        {
            var timeline = await db.Set<BrandHub.Modules.Segments.Events.ContactEvent>().Where(e => e.ContactId == contactId).Select(e => e.Name).ToListAsync();
            timeline.ShouldBe(["purchase"]); // identify and page views stay off the timeline
            (await db.Set<BrandHub.Modules.Segments.Events.ContactMetrics>().SingleAsync(m => m.ContactId == contactId)).Revenue.ShouldBe(249.9m);
        }

        // A page view naming an email nobody has is refused (only identify, signup, lead and purchase introduce a contact).
        var unknown = await browser.PostJsonAsync("/api/v1/track", new { type = "page_view", email = "ghost@example.com" });
        (await unknown.ProblemErrorsAsync()).Keys.ShouldContain("email");
    }

    [Fact]
    public async Task A_visit_from_a_BrandHub_email_link_is_the_emails_and_its_recipients()
    {
        var tenant = await host.NewTenantAsync();
        var contact = (await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "reader@example.com" })).JsonAsync()).GetProperty("id").GetGuid();
        var delivery = Guid.CreateVersion7();
        var (scope, db) = host.Database(tenant.TenantId);
        using (scope)
        {
            var now = DateTimeOffset.UtcNow;
            db.Add(new BrandHub.Modules.Delivery.Delivery
            {
                TenantId = tenant.TenantId, Id = delivery, Channel = "email", Category = "marketing", ContactId = contact, Address = "reader@example.com",
                IdempotencyKey = "click-test", Status = "clicked", RunAt = now, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
        using var browser = Browser(await WriteKeyAsync(tenant.Client));
        // The landing page as the click redirect sends the reader there: the message's tags and BrandHub's click id.
        var landing = $"https://shop.test/sale?utm_source=brandhub&utm_medium=email&utm_campaign=weekly-offer&bh_cid={delivery:N}";
        (await browser.PostJsonAsync("/api/v1/track", new { type = "page_view", anonymousId = "fresh-browser", url = landing })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var visit = (await EventsAsync(tenant.Client)).Single();
        visit.GetProperty("channel").GetString().ShouldBe("email");
        visit.GetProperty("clickKind").GetString().ShouldBe("bh");
        visit.GetProperty("deliveryId").GetGuid().ShouldBe(delivery);
        visit.GetProperty("contactId").GetGuid().ShouldBe(contact);
    }

    [Fact]
    public async Task The_senders_clock_is_corrected_by_sentAt()
    {
        var tenant = await host.NewTenantAsync();
        using var browser = Browser(await WriteKeyAsync(tenant.Client));
        var now = DateTimeOffset.UtcNow;
        // The phone runs two hours fast: it says the event was a minute before sending.
        var response = await browser.PostJsonAsync("/api/v1/track", new
        {
            sentAt = now.AddHours(2), events = new[] { new { type = "page_view", anonymousId = "fast-phone", timestamp = now.AddHours(2).AddMinutes(-1) } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var at = (await EventsAsync(tenant.Client)).Single().GetProperty("occurredAt").GetDateTimeOffset();
        (at - now.AddMinutes(-1)).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Write_keys_are_held_to_their_origins_and_revocation_and_stay_in_their_tenant()
    {
        var tenant = await host.NewTenantAsync();
        var other = await host.NewTenantAsync();
        var key = await WriteKeyAsync(tenant.Client, "https://shop.test");
        var page = new { type = "page_view", anonymousId = "o-1" };

        using (var allowed = Browser(key, "https://shop.test"))
        {
            var ok = await allowed.PostJsonAsync("/api/v1/track", page);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
            ok.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe("https://shop.test");
        }
        using (var foreign = Browser(key, "https://evil.test"))
            (await foreign.PostJsonAsync("/api/v1/track", page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var server = Browser(key)) // no Origin: an app or a server
            (await server.PostJsonAsync("/api/v1/track", new { type = "page_view", anonymousId = "o-2" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await EventsAsync(tenant.Client)).Count.ShouldBe(2);
        (await EventsAsync(other.Client)).ShouldBeEmpty();

        var id = (await (await tenant.Client.GetAsync("/api/v1/tracking/write-keys")).JsonAsync()).EnumerateArray().Single().GetProperty("id").GetGuid();
        (await tenant.Client.DeleteAsync($"/api/v1/tracking/write-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await other.Client.DeleteAsync($"/api/v1/tracking/write-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var revoked = Browser(key))
            (await revoked.PostJsonAsync("/api/v1/track", page)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var nobody = host.Anonymous())
            (await nobody.PostJsonAsync("/api/v1/track", page)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var bad = await tenant.Client.PostJsonAsync("/api/v1/tracking/write-keys", new { name = "", allowedOrigins = new[] { "https://shop.test/path" } });
        (await bad.ProblemErrorsAsync()).Keys.ShouldBe(["name", "allowedOrigins[0]"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_ERP_order_becomes_a_purchase_once_and_server_calls_need_the_scope()
    {
        var tenant = await host.NewTenantAsync();
        var order = new
        {
            id = "erp-evt-77", type = "sales.order.created", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            data = new { orderId = "SO-77", total = 1250.5m, currency = "RON", customer = new { email = "buyer@example.com" } },
        };
        var first = await tenant.Client.PostJsonAsync("/api/v1/events", order);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.JsonAsync()).GetProperty("status").GetString().ShouldBe("stored");
        (await (await tenant.Client.PostJsonAsync("/api/v1/events", order)).JsonAsync()).GetProperty("status").GetString().ShouldBe("duplicate");

        var purchase = (await EventsAsync(tenant.Client, "&type=purchase")).Single();
        purchase.GetProperty("orderId").GetString().ShouldBe("SO-77");
        purchase.GetProperty("revenue").GetDecimal().ShouldBe(1250.5m);
        purchase.GetProperty("contactId").ValueKind.ShouldBe(JsonValueKind.String);

        var missing = await tenant.Client.PostJsonAsync("/api/v1/events", new { type = "sales.order.created", data = new { orderId = "SO-78", currency = "RON", customer = new { email = "b@example.com" } } });
        (await missing.ProblemErrorsAsync()).Keys.ShouldContain("data.total");
        (await (await tenant.Client.PostJsonAsync("/api/v1/events", new { type = "order.shipped" })).ProblemErrorsAsync()).Keys.ShouldContain("type");

        // A server sending with its sign-in instead of a write key.
        (await tenant.Client.PostJsonAsync("/api/v1/track", new { type = "lead", email = "lead@example.com" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Anonymous().PostJsonAsync("/api/v1/events", order)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_snippet_is_served_first_party()
    {
        var response = await host.Anonymous().GetAsync("/t.js");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        var script = await response.Content.ReadAsStringAsync();
        script.ShouldContain("/api/v1/track");
        script.ShouldContain("sendBeacon");
        script.ShouldNotContain("http://"); // no third party is called
    }
}
