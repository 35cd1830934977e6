using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Finding contacts: search, filters, sort and pages.</summary>
public sealed class ContactListTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static readonly string[] Sorts = ["createdAt", "-createdAt", "updatedAt", "-updatedAt", "email", "-email", "lastName", "-lastName"];

    [Fact]
    public async Task Search_finds_contacts_by_name_email_or_phone_typed_in_national_format()
    {
        var tenant = await host.NewTenantAsync();
        var ana = await tenant.Client.CreateContactIdAsync(new { email = "ana.popescu@mail.test", firstName = "Ana", lastName = "Popescu", phone = "+40722111222" });
        var ion = await tenant.Client.CreateContactIdAsync(new { email = "ion@firma.test", firstName = "Ion", lastName = "Ionescu", phone = "+40733444555" });
        await tenant.Client.CreateContactIdAsync(new { email = "maria@other.test", firstName = "Maria", lastName = "Dumitru" });

        (await SearchAsync(tenant, "0722 111 222")).ShouldBe([ana]);
        (await SearchAsync(tenant, "0733-444-555")).ShouldBe([ion]);
        (await SearchAsync(tenant, "POPESCU")).ShouldBe([ana]);
        (await SearchAsync(tenant, "ana popescu")).ShouldBe([ana]);
        (await SearchAsync(tenant, "popescu ana")).ShouldBe([ana]);
        (await SearchAsync(tenant, "firma.test")).ShouldBe([ion]);
        (await SearchAsync(tenant, "nobody-like-this")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_finds_a_full_name_with_a_double_first_name()
    {
        var tenant = await host.NewTenantAsync();
        var anaMaria = await tenant.Client.CreateContactIdAsync(new { email = "am@mail.test", firstName = "Ana Maria", lastName = "Popescu" });
        await tenant.Client.CreateContactIdAsync(new { email = "ana@mail.test", firstName = "Ana", lastName = "Ionescu" });

        (await SearchAsync(tenant, "Ana Maria Popescu")).ShouldBe([anaMaria]);
        (await SearchAsync(tenant, "popescu ana maria")).ShouldBe([anaMaria]);
        (await SearchAsync(tenant, "Ana Maria Ionescu")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_tag_filter_lists_only_contacts_with_that_tag()
    {
        var tenant = await host.NewTenantAsync();
        var vip = await tenant.Client.CreateContactIdAsync(new { email = "vip@t.test", tags = new[] { "vip", "b2b" } });
        await tenant.Client.CreateContactIdAsync(new { email = "plain@t.test", tags = new[] { "b2b" } });

        (await tenant.Client.GetJsonAsync("/api/v1/contacts?tag=vip")).ItemIds().ShouldBe([vip]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?tag=b2b")).Total().ShouldBe(2);
    }

    [Fact]
    public async Task Lifecycle_country_and_consent_filters_narrow_the_list()
    {
        var tenant = await host.NewTenantAsync();
        var customer = await tenant.Client.CreateContactIdAsync(new { email = "c@t.test", lifecycleStage = "customer", country = "RO" });
        var lead = await tenant.Client.CreateContactIdAsync(new { email = "l@t.test", lifecycleStage = "lead", country = "DE" });
        var optedOut = await tenant.Client.CreateContactIdAsync(new { email = "o@t.test", lifecycleStage = "lead", country = "RO" });
        await tenant.Client.PutConsentAsync(customer, AudienceApi.OptIn("email"));
        await tenant.Client.PutConsentAsync(optedOut, new { channel = "email", status = "opted_out", source = "unsubscribe_link" });

        (await tenant.Client.GetJsonAsync("/api/v1/contacts?lifecycleStage=lead")).ItemIds().Order().ShouldBe(new[] { lead, optedOut }.Order());
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?country=ro")).ItemIds().Order().ShouldBe(new[] { customer, optedOut }.Order());
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?consentChannel=email&consentStatus=opted_in")).ItemIds().ShouldBe([customer]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?consentChannel=email&consentStatus=opted_out")).ItemIds().ShouldBe([optedOut]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?consentChannel=email&consentStatus=unknown")).ItemIds().ShouldBe([lead]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?lifecycleStage=lead&country=RO")).ItemIds().ShouldBe([optedOut]);
    }

    [Fact]
    public async Task Every_allowed_sort_orders_the_whole_list_by_its_field()
    {
        var tenant = await host.NewTenantAsync();
        // Created in an order that differs from both the email and the last-name order.
        foreach (var (email, lastName) in new[] { ("charlie@sort.test", "Barbu"), ("alpha@sort.test", "Dobre"), ("delta@sort.test", "Albu"), ("bravo@sort.test", "Cazacu") })
            await tenant.Client.CreateContactIdAsync(new { email, lastName });
        // Touch one so updatedAt order differs from createdAt order.
        var first = (await tenant.Client.GetJsonAsync("/api/v1/contacts?sort=createdAt")).ItemIds()[0];
        await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{first}", new { city = "Brasov" });

        foreach (var sort in Sorts)
        {
            var items = (await tenant.Client.GetJsonAsync($"/api/v1/contacts?sort={Uri.EscapeDataString(sort)}")).Items();
            items.Count.ShouldBe(4, sort);
            var field = sort.TrimStart('-');
            var descending = sort.StartsWith('-');
            var keys = items.Select(i => Key(i, field)).ToList();
            var expected = descending ? keys.OrderDescending(StringComparer.Ordinal).ToList() : keys.Order(StringComparer.Ordinal).ToList();
            keys.ShouldBe(expected, $"sort={sort}");
        }
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?sort=email")).Items().Select(i => i.Str("email"))
            .ShouldBe(["alpha@sort.test", "bravo@sort.test", "charlie@sort.test", "delta@sort.test"]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?sort=-lastName")).Items().Select(i => i.Str("lastName"))
            .ShouldBe(["Dobre", "Cazacu", "Barbu", "Albu"]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?sort=-updatedAt")).ItemIds()[0].ShouldBe(first);
    }

    [Theory]
    [InlineData("lastName")]
    [InlineData("-lastName")]
    [InlineData("email")]
    [InlineData("-email")]
    public async Task Contacts_without_the_sorted_field_come_last_in_either_direction(string sort)
    {
        var tenant = await host.NewTenantAsync();
        var blank = await tenant.Client.CreateContactIdAsync(new { phone = "+40722000001" });
        await tenant.Client.CreateContactIdAsync(new { email = "a@nulls.test", lastName = "Albu" });
        await tenant.Client.CreateContactIdAsync(new { email = "z@nulls.test", lastName = "Zamfir" });

        var ids = (await tenant.Client.GetJsonAsync($"/api/v1/contacts?sort={Uri.EscapeDataString(sort)}")).ItemIds();

        ids.Count.ShouldBe(3);
        ids[^1].ShouldBe(blank);
    }

    [Fact]
    public async Task Pages_cover_every_contact_exactly_once_and_report_the_total()
    {
        var tenant = await host.NewTenantAsync();
        var all = new List<Guid>();
        for (var i = 0; i < 7; i++) all.Add(await tenant.Client.CreateContactIdAsync(new { email = $"p{i}@page.test" }));

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 4; page++) pages.Add(await tenant.Client.GetJsonAsync($"/api/v1/contacts?page={page}&pageSize=3&sort=email"));

        pages.Select(p => p.Items().Count).ShouldBe([3, 3, 1, 0]);
        pages.ShouldAllBe(p => p.Total() == 7);
        pages[1].GetProperty("page").GetInt32().ShouldBe(2);
        pages[1].GetProperty("pageSize").GetInt32().ShouldBe(3);
        pages.SelectMany(p => p.ItemIds()).Order().ShouldBe(all.Order());
        (await tenant.Client.GetJsonAsync("/api/v1/contacts")).GetProperty("pageSize").GetInt32().ShouldBe(25);
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=firstName", "sort")]
    [InlineData("consentChannel=fax&consentStatus=opted_in", "consentChannel")]
    [InlineData("consentChannel=email", "consentStatus")]
    public async Task A_list_query_out_of_range_is_a_validation_problem(string query, string field)
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.GetAsync($"/api/v1/contacts?{query}")).ShouldBeValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("page=99999999999", "page")]
    public async Task A_page_number_that_is_not_a_number_is_a_validation_problem_on_that_parameter(string query, string field)
    {
        var tenant = await host.NewTenantAsync();
        // Binding failures are answered by the platform's error handling, keyed by the parameter like any other field error.
        var errors = await (await tenant.Client.GetAsync($"/api/v1/contacts?{query}")).ShouldBeValidationProblemAsync(field);
        errors.Keys.ShouldBe([field]);
    }

    private static async Task<List<Guid>> SearchAsync(TenantSession tenant, string text) =>
        (await tenant.Client.GetJsonAsync($"/api/v1/contacts?search={Uri.EscapeDataString(text)}")).ItemIds();

    private static string Key(JsonElement contact, string field) => field switch
    {
        "createdAt" or "updatedAt" => contact.GetProperty(field).GetDateTimeOffset().ToUnixTimeMilliseconds().ToString("D15"),
        _ => contact.Str(field) ?? "",
    };
}
