using System.Text;
using BrandHub.Modules.Audience.Privacy;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>GDPR art. 17: an erased person leaves no personal data in any table, nor in the database files.</summary>
public sealed class ErasureTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Erasing_a_contact_leaves_no_trace_of_the_person_in_any_table()
    {
        var tenant = await host.NewTenantAsync();
        var person = await Person.CreateEverywhereAsync(tenant);

        var response = await tenant.Client.DeleteAsync($"/api/v1/contacts/{person.Id}?erase=true");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erasure = await response.JsonAsync();
        var erasureId = erasure.GetProperty("erasureId").GetGuid();
        erasure.GetProperty("erasedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UnixEpoch);
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{person.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Client.GetAsync($"/api/v1/contacts/{person.DuplicateId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var (scope, db) = host.Database();
        using var _ = scope;
        (await DatabaseScan.TablesAsync(db)).ShouldContain("contacts");
        (await DatabaseScan.FindAsync(db, person.Needles)).ShouldBeEmpty();
        var record = await db.AllTenants<Erasure>().SingleAsync(e => e.Id == erasureId);
        (record.ContactId, record.TenantId).ShouldBe((person.Id, tenant.TenantId));
        var verify = await tenant.Client.GetJsonAsync("/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("checked").GetInt32().ShouldBeGreaterThan(10);
    }

    [SqliteFileFact]
    public async Task After_an_erase_the_sqlite_files_hold_none_of_the_persons_bytes()
    {
        var tenant = await host.NewTenantAsync();
        var person = await Person.CreateEverywhereAsync(tenant);
        var before = await DatabaseFilesAsync();
        person.Needles.ShouldContain(n => Contains(before, n), "the person's data should be on disk before the erase, or this test proves nothing");

        (await tenant.Client.DeleteAsync($"/api/v1/contacts/{person.Id}?erase=true")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await DatabaseFilesAsync();
        person.Needles.Where(n => Contains(after, n)).ToList().ShouldBeEmpty();
    }

    [Fact]
    public async Task Erasing_needs_the_erase_permission()
    {
        var tenant = await host.NewTenantAsync();
        var id = await tenant.Client.CreateContactIdAsync(new { email = "keep.me@erase.test" });
        var marketerEmail = $"marketer-{Guid.NewGuid():N}@tenant.test";
        (await tenant.Client.PostJsonAsync("/api/v1/users", new { email = marketerEmail, displayName = "M", role = "marketer", password = "correct horse battery" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var marketer = await host.SignInAsync(marketerEmail, "correct horse battery");

        (await marketer.DeleteAsync($"/api/v1/contacts/{id}?erase=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await tenant.Client.GetJsonAsync($"/api/v1/contacts/{id}")).Str("email").ShouldBe("keep.me@erase.test");
    }

    [Fact]
    public async Task Erasing_a_contact_that_does_not_exist_is_a_404_problem()
    {
        var tenant = await host.NewTenantAsync();
        await (await tenant.Client.DeleteAsync($"/api/v1/contacts/{Guid.NewGuid()}?erase=true")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<byte[]> DatabaseFilesAsync()
    {
        var bytes = new List<byte>();
        foreach (var path in Directory.GetFiles(host.DataDir, "brandhub.db*").Where(p => !p.EndsWith("-shm")))
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }
        return bytes.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle.ToLowerInvariant())) >= 0;

    /// <summary>A person whose data reaches every audience table: profile, tags, ids, consents, timeline, suppressions, a merge, an import.</summary>
    private sealed record Person(Guid Id, Guid DuplicateId, string[] Needles)
    {
        public static async Task<Person> CreateEverywhereAsync(TenantSession tenant)
        {
            var client = tenant.Client;
            string first = "Zo" + AudienceApi.UniqueWord(8), last = "Vr" + AudienceApi.UniqueWord(8), company = "Firma " + AudienceApi.UniqueWord(6);
            var email = $"{AudienceApi.UniqueWord()}.{AudienceApi.UniqueWord()}@{AudienceApi.UniqueWord(6)}.test";
            var otherEmail = $"{AudienceApi.UniqueWord()}@{AudienceApi.UniqueWord(6)}.test";
            var (national, e164) = AudienceApi.UniqueRomanianMobile();
            var externalId = "ERP-" + AudienceApi.UniqueWord(8).ToUpperInvariant();

            var id = await client.CreateContactIdAsync(new
            {
                email, phone = national, firstName = first, lastName = last, company, city = "Cluj-Napoca", tags = new[] { "vip" },
                externalIds = new[] { new { source = "erp", externalId } },
            });
            (await client.PatchJsonAsync($"/api/v1/contacts/{id}", new { lifecycleStage = "customer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            await client.PutConsentAsync(id, AudienceApi.OptIn("email", reference: "form-" + AudienceApi.UniqueWord()));
            await client.PutConsentAsync(id, new { channel = "sms", status = "opted_out", source = "reply_stop" });
            (await client.PostJsonAsync($"/api/v1/contacts/{id}/global-unsubscribe", new { source = "preference_centre" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.PostJsonAsync("/api/v1/suppressions", new { channel = "sms", address = e164, reason = "complaint", note = $"{first} complained" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            (await client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = email, reason = "manual" })).StatusCode.ShouldBe(HttpStatusCode.Created);

            // A second record of the same person (queued as a near-match, then merged in).
            var duplicate = await client.CreateContactIdAsync(new { email = otherEmail, firstName = first, lastName = last, company, city = "Cluj-Napoca" });
            var review = (await client.GetJsonAsync("/api/v1/identity/review")).Items().Single();
            (await client.PostAsync($"/api/v1/identity/review/{review.Id()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // An import that updates the person.
            var csv = new CsvBuilder("Email", "First name", "Last name", "City").Row(email, first, last, "Oradea").ToBytes();
            var import = await client.ImportAsync(csv, new Dictionary<string, string> { ["Email"] = "email", ["First name"] = "firstName", ["Last name"] = "lastName", ["City"] = "city" });
            import.Counts().ShouldBe((0, 1, 0, 0));

            return new Person(id, duplicate, [email, otherEmail, e164.TrimStart('+'), first, last, company, externalId]);
        }
    }
}
