using System.Net.Http.Json;
using System.Text.Json;

namespace BrandHub.Browser.Tests;

/// <summary>
/// Issue 3's "done when", by hand in headless Chromium: a newcomer configures SMTP in the UI, sends a test email, sends a
/// batch through the API, watches the statuses, unsubscribes from a received email with one click and sees the consent
/// change. The mail goes to an independent SMTP server (aiosmtpd, <see cref="SmtpPeer"/>) on loopback.
/// </summary>
public sealed class EmailFlowTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "correct horse battery";

    [BrowserFact]
    public async Task Newcomer_configures_smtp_sends_a_batch_watches_it_and_a_recipient_unsubscribes_with_one_click()
    {
        await using var peer = await SmtpPeer.StartAsync();
        var tenant = await session.Host.NewTenantAsync("Brand Flow Shop");
        var recipients = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 3; i++)
        {
            var email = $"reader{i}-{Guid.NewGuid():N}@example.com";
            recipients.Add((await CreateSubscribedContactAsync(tenant, email, $"Reader{i}"), email));
        }

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);

        // 1. Configure SMTP in Settings → Email.
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await page.GetByLabel("Provider").SelectOptionAsync("smtp");
        await page.GetByLabel("From email").FillAsync("news@brand.test");
        await page.GetByLabel("From name").FillAsync("Brand News");
        await page.GetByLabel("Host").FillAsync(peer.Host);
        await page.GetByLabel("Security").SelectOptionAsync("none");
        await page.GetByLabel("Port").FillAsync(peer.Port.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save sender" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Email sender saved.")).ToBeVisibleAsync();

        // DKIM: the record to publish, with copy buttons.
        await page.GetByLabel("Domain").FillAsync("brand.test");
        await page.GetByLabel("Selector").FillAsync("bh1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate key" }).ClickAsync();
        await Assertions.Expect(page.GetByText("bh1._domainkey.brand.test")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the record value" })).ToBeVisibleAsync();

        // 2. A test email reaches the server.
        await page.GetByLabel("Send to").FillAsync("newcomer@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test email" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Test email accepted")).ToBeVisibleAsync();
        var test = (await peer.WaitForMessagesAsync(1)).Single();
        test.Recipients.ShouldBe(["newcomer@example.com"]);

        // 3. A marketing batch through the messages API.
        var response = await tenant.Client.PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "email",
            category = "marketing",
            recipients = recipients.Select(r => new { contactId = r.Id }),
            content = new { subject = "Spring news", html = "<p>Hello {{contact.firstName}}, spring is here.</p>" },
            idempotencyKey = $"spring-{Guid.NewGuid():N}",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
        accepted.EnumerateArray().Select(m => m.GetProperty("status").GetString()).ShouldAllBe(s => s == "queued");

        // 4. The Deliveries page follows them to "Sent" (it refreshes while any is queued or sending).
        await page.GetByRole(AriaRole.Link, new() { Name = "Deliveries", Exact = true }).ClickAsync();
        await page.GetByLabel("Category").SelectOptionAsync("marketing");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("category=marketing"));
        foreach (var (_, email) in recipients)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
            await Assertions.Expect(row.GetByText("Sent", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = $"History of the delivery to {recipients[0].Email}" }).ClickAsync();
        var drawer = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(drawer.GetByRole(AriaRole.Heading, new() { Name = "History" })).ToBeVisibleAsync();
        await Assertions.Expect(drawer.GetByRole(AriaRole.Listitem).Last).ToContainTextAsync("Sent");
        await drawer.GetByRole(AriaRole.Button, new() { Name = "Close delivery details" }).ClickAsync();

        // 5. The received message carries a one-click unsubscribe link; the preference page takes one click.
        var messages = await peer.WaitForMessagesAsync(1 + recipients.Count);
        var received = messages.Single(m => m.Recipients.Contains(recipients[0].Email));
        var unsubscribe = UnsubscribeUrl(received.Text);
        var publicPage = await session.NewPageAsync();
        await publicPage.GotoAsync(unsubscribe.PathAndQuery);
        await Assertions.Expect(publicPage.GetByRole(AriaRole.Heading, new() { Name = "Brand Flow Shop" })).ToBeVisibleAsync();
        await Assertions.Expect(publicPage.GetByText("re***@example.com", new() { Exact = false })).ToBeVisibleAsync();
        await publicPage.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe from all email" }).ClickAsync();
        await Assertions.Expect(publicPage.GetByText("You are unsubscribed")).ToBeVisibleAsync();
        await Assertions.Expect(publicPage.GetByRole(AriaRole.Switch, new() { Name = "Email" })).Not.ToBeCheckedAsync();

        // 6. The consent change shows on the contact's Consent tab.
        await page.GotoAsync($"/contacts/{recipients[0].Id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Consent" }).ClickAsync();
        await Assertions.Expect(page.GetByText("preference_centre").First).ToBeVisibleAsync();
        var consents = await tenant.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{recipients[0].Id}/consents");
        consents.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email")
            .GetProperty("status").GetString().ShouldBe("opted_out");
    }

    [BrowserFact]
    public async Task Marketer_writes_a_template_sees_the_preview_and_a_strict_variable_error()
    {
        var tenant = await session.Host.NewTenantAsync();
        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Templates", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("No templates yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New template" }).First.ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Order confirmation");
        await page.GetByLabel("Subject").FillAsync("Your order {{data.order.number}}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await page.GetByLabel("Variable 1 name").FillAsync("order.number");
        await page.GetByLabel("Variable 1 sample").FillAsync("A-1001");
        await page.GetByLabel("Variable 1 required").CheckAsync();
        var html = page.GetByLabel("HTML", new() { Exact = true });
        await html.FillAsync("<p>Hello {{contact.firstName}}, order {{data.order.number}} is on its way. {{data.coupon}}</p>");

        // The live check refuses the undeclared variable, on the HTML field.
        await Assertions.Expect(page.GetByText(new Regex("Unknown variable \"data\\.coupon\"")).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This template would not save")).ToBeVisibleAsync();

        await html.FillAsync("<p>Hello {{contact.firstName}}, order {{data.order.number}} is on its way.</p><script>alert(1)</script>");
        await Assertions.Expect(page.GetByText("Valid: every variable is declared or built in.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The sanitiser removes this from the HTML")).ToBeVisibleAsync();
        var draft = page.Locator("iframe[title='Draft HTML preview']");
        await Assertions.Expect(draft).ToHaveAttributeAsync("sandbox", "");
        await Assertions.Expect(draft).ToHaveAttributeAsync("srcdoc", new Regex("order \\{\\{data\\.order\\.number\\}\\}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Create template" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Template created.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/content/templates/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByText("Version 1", new() { Exact = true }).First).ToBeVisibleAsync();

        // Rendered with the sample value and the sample contact.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Rendered sample" }).ClickAsync();
        var rendered = page.Locator("iframe[title='Rendered HTML preview']");
        await Assertions.Expect(rendered).ToHaveAttributeAsync("srcdoc", new Regex("order A-1001 is on its way"));
        await Assertions.Expect(page.GetByText("Your order A-1001")).ToBeVisibleAsync();
        (await rendered.GetAttributeAsync("srcdoc"))!.ShouldNotContain("<script");
    }

    private static async Task<Guid> CreateSubscribedContactAsync(TenantSession tenant, string email, string firstName)
    {
        var created = await tenant.Client.PostAsJsonAsync("/api/v1/contacts", new { email, firstName });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await tenant.Client.PutAsJsonAsync($"/api/v1/contacts/{id}/consents", new
        {
            channel = "email", status = "opted_in", source = "newsletter-form", legalBasis = "consent",
            proof = new { ip = "203.0.113.9", userAgent = "Mozilla/5.0", reference = "form-1" },
        })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The https link of the List-Unsubscribe header (headers unfolded first).</summary>
    private static Uri UnsubscribeUrl(string message)
    {
        var headers = Regex.Replace(message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)], "\r\n[ \t]+", " ");
        var header = Regex.Match(headers, "^List-Unsubscribe:(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        header.Success.ShouldBeTrue("the message has a List-Unsubscribe header");
        Regex.IsMatch(headers, "^List-Unsubscribe-Post: List-Unsubscribe=One-Click", RegexOptions.Multiline | RegexOptions.IgnoreCase).ShouldBeTrue();
        var url = Regex.Match(header.Groups[1].Value, "<(https?://[^>]+)>");
        url.Success.ShouldBeTrue("List-Unsubscribe has an https link");
        return new Uri(url.Groups[1].Value);
    }
}
