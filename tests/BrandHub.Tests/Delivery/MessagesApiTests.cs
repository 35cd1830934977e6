using System.Text.Json;
using BrandHub.Tests.Audience.Support;
using BrandHub.Tests.Delivery.Support;
using static BrandHub.Tests.Delivery.Support.MessagesApi;

namespace BrandHub.Tests.Delivery;

/// <summary>POST /api/v1/messages: what the ERP calls — queued at once, sent once per idempotency key, checked before queueing.</summary>
public sealed class MessagesApiTests(DeliveryHost host) : IClassFixture<DeliveryHost>
{
    [Fact]
    public async Task A_transactional_email_to_a_new_address_creates_the_contact_and_is_sent_once()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("order");

        var message = await tenant.Client.SendOneAsync("transactional", new { email }, data: new { order = "RO-1001" });

        (message.Str("status"), message.Str("recipient")).ShouldBe(("queued", email));
        var detail = await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "sent");
        detail.History().ShouldBe([(null, "queued"), ("queued", "sending"), ("sending", "sent")]);
        var delivery = detail.GetProperty("delivery");
        (delivery.Str("category"), delivery.Str("address"), delivery.GetProperty("attempts").GetInt32()).ShouldBe(("transactional", email, 1));
        delivery.Str("providerMessageId").ShouldBe($"<{message.DeliveryId():N}@test>");
        var sent = host.Transport.To(email).ShouldHaveSingleItem();
        sent.Subject.ShouldBe("Order RO-1001");
        sent.Headers.ShouldNotContain(h => h.Key == "List-Unsubscribe"); // transactional mail carries no unsubscribe
        var contacts = await tenant.Client.GetJsonAsync($"/api/v1/contacts?search={Uri.EscapeDataString(email)}");
        contacts.Items().ShouldHaveSingleItem().Id().ShouldBe(delivery.GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task The_same_idempotency_key_again_answers_with_the_existing_delivery_and_sends_nothing_more()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("idem");

        var first = await tenant.Client.SendOneAsync("transactional", new { email }, key: "invoice-77");
        await tenant.Client.WaitForStatusAsync(first.DeliveryId(), "sent");
        var again = await tenant.Client.SendOneAsync("transactional", new { email }, key: "invoice-77");

        again.DeliveryId().ShouldBe(first.DeliveryId());
        again.Str("status").ShouldBe("sent");
        await Task.Delay(300);
        host.Transport.CallsTo(email).ShouldBe(1);
        (await tenant.Client.GetJsonAsync("/api/v1/deliveries?pageSize=200")).Total().ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_make_one_delivery()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("race");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.Client.SendOneAsync("transactional", new { email }, key: "race-1")));
        answers.Select(a => a.DeliveryId()).Distinct().ShouldHaveSingleItem();
        await tenant.Client.WaitForStatusAsync(answers[0].DeliveryId(), "sent");
        host.Transport.CallsTo(email).ShouldBe(1);
    }

    [Fact]
    public async Task A_batch_of_a_thousand_is_queued_in_one_call_with_a_key_per_recipient_and_each_is_sent_once()
    {
        var tenant = await host.NewTenantAsync();
        var emails = Enumerable.Range(0, 1000).Select(i => UniqueEmail($"batch{i}")).ToList();
        var request = new { channel = "email", category = "transactional", recipients = emails.Select(e => new { email = e }), content = Email(), data = new { order = "B" }, idempotencyKey = "run-9" };

        var started = DateTime.UtcNow;
        var messages = await tenant.Client.SendAsync(request);
        var took = DateTime.UtcNow - started;

        messages.Count.ShouldBe(1000);
        messages.Select(m => m.Str("recipient")).ShouldBe(emails);
        messages.ShouldAllBe(m => m.Str("status") == "queued");
        took.ShouldBeLessThan(TimeSpan.FromSeconds(20)); // generous for a shared CI box; a bulk insert takes well under a second
        var one = await tenant.Client.DeliveryAsync(messages[7].DeliveryId());
        one.GetProperty("delivery").Str("idempotencyKey").ShouldBe("run-9:7");

        await Eventually.UntilAsync(async () => (await tenant.Client.GetJsonAsync("/api/v1/deliveries?status=sent&pageSize=1")).Total() == 1000, "the batch to be sent");
        emails.ShouldAllBe(e => host.Transport.CallsTo(e) == 1);
        (await tenant.Client.SendAsync(request)).Select(m => m.DeliveryId()).ShouldBe(messages.Select(m => m.DeliveryId()));
    }

    [Fact]
    public async Task A_stored_template_is_rendered_with_the_contact_and_the_data()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("tpl");
        await tenant.Client.CreateContactIdAsync(new { email, firstName = "Ioana" });
        var template = host.Content.AddTemplate("Invoice {{data.number}}", "<p>Dear {{contact.firstName}}, invoice {{data.number}} is due.</p>");

        var message = (await tenant.Client.SendAsync(new { channel = "email", category = "transactional", recipients = new[] { new { email } }, templateId = template, data = new { number = "F-12" } })).Single();

        await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "sent");
        var sent = host.Transport.To(email).ShouldHaveSingleItem();
        (sent.Subject, sent.Html, sent.ToName).ShouldBe(("Invoice F-12", "<p>Dear Ioana, invoice F-12 is due.</p>", "Ioana"));
        (await tenant.Client.DeliveryAsync(message.DeliveryId())).GetProperty("delivery").GetProperty("templateVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Missing_template_data_is_refused_with_field_errors_and_nothing_is_queued()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostJsonAsync("/api/v1/messages", new { channel = "email", category = "transactional", recipients = new[] { new { email = UniqueEmail() } }, content = Email(), data = new { } });
        await response.ShouldBeValidationProblemAsync("data.order");

        var unknown = await tenant.Client.PostJsonAsync("/api/v1/messages", new { channel = "email", category = "transactional", recipients = new[] { new { email = UniqueEmail() } }, templateId = Guid.NewGuid() });
        await unknown.ShouldBeValidationProblemAsync("templateId");
        (await tenant.Client.GetJsonAsync("/api/v1/deliveries")).Total().ShouldBe(0);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"channel":"sms","category":"transactional","recipients":[{"email":"a@b.test"}],"content":{"subject":"s","html":"h"}}""", "channel")]
    [InlineData("""{"channel":"email","category":"promo","recipients":[{"email":"a@b.test"}],"content":{"subject":"s","html":"h"}}""", "category")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[],"content":{"subject":"s","html":"h"}}""", "recipients")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"not-an-email"}],"content":{"subject":"s","html":"h"}}""", "recipients[0].email")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"a@b.test","contactId":"0199a000-0000-7000-8000-000000000000"}],"content":{"subject":"s","html":"h"}}""", "recipients[0]")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"contactId":"0199a000-0000-7000-8000-000000000000"}],"content":{"subject":"s","html":"h"}}""", "recipients[0].contactId")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"a@b.test"}]}""", "templateId")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"a@b.test"}],"content":{"html":"h"}}""", "content.subject")]
    [InlineData("""{"channel":"email","category":"marketing","recipients":[{"email":"a@b.test"}],"content":{"subject":"s","html":"h"},"frequencyCap":{"maxMessages":0,"windowHours":24}}""", "frequencyCap.maxMessages")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"a@b.test"}],"content":{"subject":"s","html":"h"},"data":[1]}""", "data")]
    [InlineData("""{"channel":"email","category":"transactional","recipients":[{"email":"a@b.test"}],"content":{"subject":"s","html":"h"},"idempotencyKey":""}""", "idempotencyKey")]
    public async Task Bad_requests_get_field_errors_never_a_server_error(string body, string field)
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostRawAsync("/api/v1/messages", body)).ShouldBeValidationProblemAsync(field);
        (await tenant.Client.GetJsonAsync("/api/v1/deliveries")).Total().ShouldBe(0);
    }

    [Fact]
    public async Task More_than_a_thousand_recipients_are_refused()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostJsonAsync("/api/v1/messages", new { channel = "email", category = "transactional", recipients = Enumerable.Range(0, 1001).Select(i => new { email = $"p{i}@x.test" }), content = Email(), data = new { order = 1 } });
        await response.ShouldBeValidationProblemAsync("recipients");
    }

    [Fact]
    public async Task A_marketing_message_to_an_address_that_is_no_contact_is_suppressed_for_no_consent_and_makes_no_contact()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("stranger");
        var message = await tenant.Client.SendOneAsync("marketing", new { email });
        (message.Str("status"), message.Str("reason")).ShouldBe(("suppressed", "no_consent"));
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Total().ShouldBe(0);
        await Task.Delay(300);
        host.Transport.CallsTo(email).ShouldBe(0);
    }

    [Fact]
    public async Task Marketing_email_carries_one_click_unsubscribe_headers_tracked_links_and_an_open_pixel()
    {
        var tenant = await host.NewTenantAsync();
        var email = UniqueEmail("news");
        await tenant.Client.OptedInContactAsync(email);
        var message = (await tenant.Client.SendAsync(new
        {
            channel = "email", category = "marketing", recipients = new[] { new { email } },
            content = new { subject = "News", html = "<a href=\"https://shop.example/sale\">Sale</a> <a href=\"{{links.unsubscribeUrl}}\">Unsubscribe</a>" },
        })).Single();

        await tenant.Client.WaitForStatusAsync(message.DeliveryId(), "sent");
        var sent = host.Transport.To(email).ShouldHaveSingleItem();
        var headers = sent.Headers.ToDictionary(h => h.Key, h => h.Value);
        headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        headers["List-Unsubscribe"].ShouldStartWith("<mailto:news@brand.test?subject=unsubscribe%20");
        headers["List-Unsubscribe"].ShouldContain(", <http://localhost:5080/u/");
        sent.Html.ShouldNotContain("https://shop.example/sale\"");
        sent.Html.ShouldContain("href=\"http://localhost:5080/t/c/");
        sent.Html.ShouldContain("<img src=\"http://localhost:5080/t/o/");
    }

    [Fact]
    public async Task Deliveries_are_listed_newest_first_and_filtered()
    {
        var tenant = await host.NewTenantAsync();
        var contact = await tenant.Client.OptedInContactAsync(UniqueEmail("list"));
        var first = await tenant.Client.SendOneAsync("transactional", new { contactId = contact });
        var second = await tenant.Client.SendOneAsync("marketing", new { email = UniqueEmail("nobody") });

        (await tenant.Client.GetJsonAsync("/api/v1/deliveries")).ItemIds().ShouldBe([second.DeliveryId(), first.DeliveryId()]);
        (await tenant.Client.GetJsonAsync("/api/v1/deliveries?status=suppressed")).ItemIds().ShouldBe([second.DeliveryId()]);
        (await tenant.Client.GetJsonAsync($"/api/v1/deliveries?contactId={contact}")).ItemIds().ShouldBe([first.DeliveryId()]);
        (await tenant.Client.GetJsonAsync("/api/v1/deliveries?category=transactional&channel=email")).ItemIds().ShouldBe([first.DeliveryId()]);
        (await tenant.Client.GetJsonAsync($"/api/v1/deliveries?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}")).Total().ShouldBe(0);
        await (await tenant.Client.GetAsync("/api/v1/deliveries?status=lost")).ShouldBeValidationProblemAsync("status");
        await (await tenant.Client.GetAsync("/api/v1/deliveries?from=yesterday")).ShouldBeValidationProblemAsync("from");
        await (await tenant.Client.GetAsync($"/api/v1/deliveries/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
