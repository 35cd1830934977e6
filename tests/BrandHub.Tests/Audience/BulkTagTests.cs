using BrandHub.Modules.Audience.Contacts;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>Tagging many contacts at once from the list.</summary>
public sealed class BulkTagTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Bulk_tagging_adds_and_removes_tags_on_every_selected_contact()
    {
        var tenant = await host.NewTenantAsync();
        var a = await tenant.Client.CreateContactIdAsync(new { email = "a@bulk.test", tags = new[] { "old" } });
        var b = await tenant.Client.CreateContactIdAsync(new { email = "b@bulk.test", tags = new[] { "old", "keep" } });
        var untouched = await tenant.Client.CreateContactIdAsync(new { email = "c@bulk.test", tags = new[] { "old" } });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { a, b }, add = new[] { "summer-2025" }, remove = new[] { "old" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("updated").GetInt32().ShouldBe(2);
        (await TagsAsync(tenant.TenantId, a)).ShouldBe(["summer-2025"]);
        (await TagsAsync(tenant.TenantId, b)).ShouldBe(["keep", "summer-2025"]);
        (await TagsAsync(tenant.TenantId, untouched)).ShouldBe(["old"]);
        (await tenant.Client.GetJsonAsync("/api/v1/contacts?tag=summer-2025")).ItemIds().Order().ShouldBe(new[] { a, b }.Order());
    }

    [Fact]
    public async Task Bulk_tagging_counts_only_contacts_that_changed_and_ignores_unknown_ids()
    {
        var tenant = await host.NewTenantAsync();
        var tagged = await tenant.Client.CreateContactIdAsync(new { email = "t@bulk.test", tags = new[] { "vip" } });
        var other = await host.NewTenantAsync();
        var foreign = await other.Client.CreateContactIdAsync(new { email = "f@bulk.test" });

        var response = await tenant.Client.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { tagged, foreign, Guid.NewGuid() }, add = new[] { "vip" } });

        (await response.JsonAsync()).GetProperty("updated").GetInt32().ShouldBe(0);
        (await TagsAsync(other.TenantId, foreign)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"contactIds":[],"add":["x"]}""", "contactIds")]
    [InlineData("""{"contactIds":["8f0c7f7e-58a4-4c1c-9c36-1f2b1b8f0a11"]}""", "add")]
    [InlineData("""{"contactIds":["8f0c7f7e-58a4-4c1c-9c36-1f2b1b8f0a11"],"add":["a-tag-that-is-far-too-long-to-be-a-useful-tag-in-any-list"]}""", "add")]
    public async Task An_incomplete_bulk_request_is_a_validation_problem(string body, string field)
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.PostRawAsync("/api/v1/contacts/bulk-tags", body)).ShouldBeValidationProblemAsync(field);
    }

    private async Task<List<string>> TagsAsync(Guid tenantId, Guid contactId)
    {
        var (scope, db) = host.Database(tenantId);
        using var _ = scope;
        return (await db.Set<ContactTag>().Where(t => t.ContactId == contactId).Select(t => t.Tag).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }
}
