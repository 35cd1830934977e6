using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BrandHub.Browser.Tests;

/// <summary>The audience flows a marketer does by hand, in headless Chromium against the real host and web app.</summary>
public sealed class AudienceFlowTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Password = "correct horse battery";

    [BrowserFact]
    public async Task Marketer_signs_in_and_finds_a_contact_by_name()
    {
        var tenant = await session.Host.NewTenantAsync();
        await CreateContactAsync(tenant, "zina.zamfirescu@example.com", "Zina", "Zamfirescu");
        await CreateContactAsync(tenant, "other.person@example.com", "Other", "Person");

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Search contacts").FillAsync("Zamfirescu");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "zina.zamfirescu@example.com" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "other.person@example.com" })).ToHaveCountAsync(0);

        await row.GetByText("Zamfirescu").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading).Filter(new() { HasText = "Zamfirescu" }).First).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Marketer_records_email_consent_with_proof_and_sees_it_in_the_history()
    {
        var tenant = await session.Host.NewTenantAsync();
        var id = await CreateContactAsync(tenant, "consenting@example.com", "Carla", "Consent");

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        await page.GotoAsync($"/contacts/{id}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Consent" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change email consent" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Status").SelectOptionAsync("opted_in");
        await dialog.GetByLabel("Legal basis").SelectOptionAsync("consent");
        await dialog.GetByLabel("Source").FillAsync("newsletter-form");
        await dialog.GetByLabel("IP address").FillAsync("203.0.113.7");
        await dialog.GetByLabel("Reference").FillAsync("form-2026-11");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save consent" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await Assertions.Expect(page.GetByText("newsletter-form").First).ToBeVisibleAsync();
        var consents = await tenant.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}/consents");
        var email = consents.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "email");
        email.GetProperty("status").GetString().ShouldBe("opted_in");
        email.GetProperty("proof").GetProperty("ip").GetString().ShouldBe("203.0.113.7");
        consents.GetProperty("history").GetArrayLength().ShouldBe(1);
    }

    [BrowserFact]
    public async Task Marketer_imports_a_csv_to_completion_and_reads_the_error_report()
    {
        var tenant = await session.Host.NewTenantAsync();
        var csv = new StringBuilder("Email,Prenume,Nume,Telefon\n");
        for (var i = 0; i < 40; i++) csv.Append($"import{i}@example.com,Ana{i},Pop,07{21 + i % 70:00}{100000 + i}\n");
        csv.Append("not-an-email,Bad,Row,0721000000\n");
        var path = Path.Combine(session.Host.DataDir, "contacts.csv");
        await File.WriteAllTextAsync(path, csv.ToString());

        var page = await session.SignedInPageAsync(tenant.OwnerEmail, Password);
        await page.GotoAsync("/imports/new");
        await page.GetByLabel("CSV file").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Field for Email")).ToHaveValueAsync("email");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync(); // to the mapped preview
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync(); // to the start step
        await page.GetByRole(AriaRole.Button, new() { Name = "Start import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Import completed").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByText("not-an-email").First).ToBeVisibleAsync();

        var contacts = await tenant.Client.GetFromJsonAsync<JsonElement>("/api/v1/contacts?pageSize=1");
        contacts.GetProperty("total").GetInt32().ShouldBe(40);
    }

    private static async Task<Guid> CreateContactAsync(TenantSession tenant, string email, string first, string last)
    {
        var response = await tenant.Client.PostAsJsonAsync("/api/v1/contacts", new { email, firstName = first, lastName = last });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
