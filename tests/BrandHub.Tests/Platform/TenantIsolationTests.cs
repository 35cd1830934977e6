using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BrandHub.Tests.Platform;

/// <summary>
/// Two tenants on one host. Tenant A owns a contact (with consent, tags, a merge and a timeline), an import with
/// row errors, an API key, a suppression, a custom attribute and an audit trail; tenant B owns a contact of its own.
/// </summary>
public sealed class TwoTenantsHost : BrandHubHost
{
    public TenantSession A { get; private set; } = null!;
    public TenantSession B { get; private set; } = null!;
    public Guid ContactA { get; private set; }
    public string ContactAJson { get; private set; } = "";
    public Guid ImportA { get; private set; }
    public Guid ImportJobA { get; private set; }
    public Guid KeyA { get; private set; }
    public string KeyASecret { get; private set; } = "";
    public Guid SuppressionA { get; private set; }
    public Guid MergeA { get; private set; }
    public Guid ReviewA { get; private set; }
    public Guid ContactB { get; private set; }

    public const string EmailA = "ana.popescu@example.com";
    public const string EmailB = "bogdan.ionescu@example.com";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = await NewTenantAsync("Tenant A");
        B = await NewTenantAsync("Tenant B");

        var contact = await Created(await A.Client.PostJsonAsync("/api/v1/contacts", new
        {
            email = EmailA, phone = "0722 123 456", firstName = "Ana", lastName = "Popescu", company = "Alfa SRL", city = "Cluj-Napoca",
            tags = new[] { "vip" }, externalIds = new[] { new { source = "erp", externalId = "A-1" } },
        }));
        ContactA = contact.GetProperty("id").GetGuid();
        (await A.Client.PutJsonAsync($"/api/v1/contacts/{ContactA}/consents", new
        {
            channel = "email", status = "opted_in", source = "web form", legalBasis = "consent",
            proof = new { ip = "192.0.2.10", userAgent = "Mozilla/5.0", reference = "form-1" },
        })).EnsureSuccessStatusCode();
        // The same person arriving again is merged, which leaves a merge record.
        var merged = await A.Client.PostJsonAsync("/api/v1/contacts", new { email = EmailA, city = "Cluj-Napoca" });
        merged.EnsureSuccessStatusCode();
        var merges = await (await A.Client.GetAsync("/api/v1/identity/merges")).JsonAsync();
        MergeA = merges.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).FirstOrDefault();
        // A near-duplicate (same name, company and city; another email) waits for review.
        (await A.Client.PostJsonAsync("/api/v1/contacts", new { email = "ana.p@alfa.example", firstName = "Ana", lastName = "Popescu", company = "Alfa SRL", city = "Cluj-Napoca" }))
            .EnsureSuccessStatusCode();
        var reviews = await (await A.Client.GetAsync("/api/v1/identity/review?status=pending")).JsonAsync();
        ReviewA = reviews.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault();
        ContactAJson = await (await A.Client.GetAsync($"/api/v1/contacts/{ContactA}")).Content.ReadAsStringAsync();

        var csv = Encoding.UTF8.GetBytes("email,first_name\nimported.one@example.com,Ion\nnot-an-email,Bad\nimported.two@example.com,Maria\n");
        var import = await (await A.Client.PostAsync("/api/v1/contacts/imports",
            Http.CsvUpload(csv, mapping: new Dictionary<string, string> { ["email"] = "email", ["first_name"] = "firstName" }))).JsonAsync();
        ImportA = import.GetProperty("id").GetGuid();
        ImportJobA = import.GetProperty("jobId").GetGuid();
        await Eventually.UntilAsync(async () =>
            (await (await A.Client.GetAsync($"/api/v1/contacts/imports/{ImportA}")).JsonAsync()).GetProperty("status").GetString() is "completed" or "failed",
            "tenant A's import to finish");

        var key = await Created(await A.Client.PostJsonAsync("/api/v1/api-keys", new { name = "A's integration", role = "admin" }));
        KeyA = key.GetProperty("id").GetGuid();
        KeyASecret = key.GetProperty("key").GetString()!;

        var suppression = await Created(await A.Client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = "bounced@example.com", reason = "hard_bounce" }));
        SuppressionA = suppression.GetProperty("id").GetGuid();
        (await A.Client.PostJsonAsync("/api/v1/contacts/attributes", new { name = "loyalty_tier", type = "string", label = "Loyalty tier" })).EnsureSuccessStatusCode();

        var contactB = await Created(await B.Client.PostJsonAsync("/api/v1/contacts", new { email = EmailB, firstName = "Bogdan" }));
        ContactB = contactB.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public HttpClient KeyClient(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

/// <summary>
/// Tenant isolation, the most important property of the platform: nothing of tenant A can be seen or changed from
/// tenant B through any endpoint (404 — its existence is not even confirmed), and on PostgreSQL row-level security
/// hides every row from a connection that has not said which tenant it works for.
/// </summary>
public sealed class TenantIsolationTests(TwoTenantsHost host) : IClassFixture<TwoTenantsHost>
{
    private HttpClient B => host.B.Client;
    private HttpClient A => host.A.Client;

    public static TheoryData<string, string, string?> ContactEndpoints() => new()
    {
        { "GET", "/api/v1/contacts/{id}", null },
        { "PATCH", "/api/v1/contacts/{id}", """{"firstName":"Hacked"}""" },
        { "DELETE", "/api/v1/contacts/{id}", null },
        { "DELETE", "/api/v1/contacts/{id}?erase=true", null },
        { "GET", "/api/v1/contacts/{id}/consents", null },
        { "PUT", "/api/v1/contacts/{id}/consents", """{"channel":"email","status":"opted_out","source":"b"}""" },
        { "POST", "/api/v1/contacts/{id}/global-unsubscribe", """{"source":"b"}""" },
        { "DELETE", "/api/v1/contacts/{id}/global-unsubscribe", null },
        { "GET", "/api/v1/contacts/{id}/timeline", null },
        { "GET", "/api/v1/contacts/{id}/export", null },
    };

    [Theory]
    [MemberData(nameof(ContactEndpoints))]
    public async Task Another_tenant_gets_404_for_a_contact_on_every_endpoint(string method, string url, string? body)
    {
        var response = await Send(B, method, url.Replace("{id}", host.ContactA.ToString()), body);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(TwoTenantsHost.EmailA);
        await ContactAShouldBeUntouchedAsync();
    }

    [Theory]
    [MemberData(nameof(ContactEndpoints))]
    public async Task Tenant_A_API_key_gets_404_for_tenant_B_contact_on_every_endpoint(string method, string url, string? body)
    {
        using var key = host.KeyClient(host.KeyASecret);
        var response = await Send(key, method, url.Replace("{id}", host.ContactB.ToString()), body);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
        (await (await B.GetAsync($"/api/v1/contacts/{host.ContactB}")).JsonAsync()).GetProperty("firstName").GetString().ShouldBe("Bogdan");
    }

    [Theory]
    [InlineData("GET", "/api/v1/contacts/imports/{id}")]
    [InlineData("GET", "/api/v1/contacts/imports/{id}/errors")]
    [InlineData("GET", "/api/v1/contacts/imports/{id}/errors.csv")]
    public async Task Another_tenant_gets_404_for_an_import_and_its_error_report(string method, string url)
    {
        var response = await Send(B, method, url.Replace("{id}", host.ImportA.ToString()), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("not-an-email");
        // Tenant A does see its own.
        (await Send(A, method, url.Replace("{id}", host.ImportA.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_tenant_cannot_revoke_an_API_key()
    {
        var response = await B.DeleteAsync($"/api/v1/api-keys/{host.KeyA}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var key = host.KeyClient(host.KeyASecret);
        (await key.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.OK, "A's key still works");
        var listed = (await (await A.GetAsync("/api/v1/api-keys")).JsonAsync()).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == host.KeyA);
        listed.GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("GET", "/api/v1/jobs/{id}")]
    [InlineData("POST", "/api/v1/jobs/{id}/redrive")]
    public async Task Another_tenant_gets_404_for_a_job(string method, string url)
    {
        var response = await Send(B, method, url.Replace("{id}", host.ImportJobA.ToString()), null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await A.GetAsync($"/api/v1/jobs/{host.ImportJobA}")).JsonAsync()).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Another_tenant_cannot_lift_a_suppression()
    {
        (await B.DeleteAsync($"/api/v1/suppressions/{host.SuppressionA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await (await A.GetAsync("/api/v1/suppressions")).JsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldContain(host.SuppressionA);
    }

    [Fact]
    public async Task Another_tenant_cannot_undo_a_merge()
    {
        host.MergeA.ShouldNotBe(Guid.Empty, "the repeated email was recorded as a merge");
        (await B.PostAsync($"/api/v1/identity/merges/{host.MergeA}/undo", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ContactAShouldBeUntouchedAsync();
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("reject")]
    public async Task Another_tenant_cannot_decide_an_identity_review(string decision)
    {
        host.ReviewA.ShouldNotBe(Guid.Empty, "the near-duplicate was queued for review");

        (await B.PostAsync($"/api/v1/identity/review/{host.ReviewA}/{decision}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var pending = await (await A.GetAsync("/api/v1/identity/review?status=pending")).JsonAsync();
        pending.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(host.ReviewA);
        await ContactAShouldBeUntouchedAsync();
    }

    [Fact]
    public async Task Bulk_tagging_with_another_tenant_contact_ids_changes_nothing_there()
    {
        var response = await B.PostJsonAsync("/api/v1/contacts/bulk-tags", new { contactIds = new[] { host.ContactA }, add = new[] { "from-b" }, remove = new[] { "vip" } });

        if (response.IsSuccessStatusCode) (await response.JsonAsync()).GetProperty("updated").GetInt32().ShouldBe(0);
        else response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        await ContactAShouldBeUntouchedAsync();
    }

    [Theory]
    [InlineData("/api/v1/contacts?pageSize=200")]
    [InlineData("/api/v1/contacts?search=ana.popescu&pageSize=200")]
    [InlineData("/api/v1/contacts?tag=vip&pageSize=200")]
    [InlineData("/api/v1/contacts/imports?pageSize=200")]
    [InlineData("/api/v1/api-keys")]
    [InlineData("/api/v1/suppressions?pageSize=200")]
    [InlineData("/api/v1/suppressions?search=bounced&pageSize=200")]
    [InlineData("/api/v1/audit?pageSize=200")]
    [InlineData("/api/v1/audit/export?format=json")]
    [InlineData("/api/v1/audit/export?format=csv")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/jobs?pageSize=200")]
    [InlineData("/api/v1/identity/review?pageSize=200")]
    [InlineData("/api/v1/identity/merges?pageSize=200")]
    [InlineData("/api/v1/contacts/attributes")]
    public async Task Another_tenant_lists_never_contain_its_rows(string url)
    {
        var response = await B.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var secret in ForeignMarkers()) text.ShouldNotContain(secret, Case.Insensitive, $"{url} shows tenant A's {secret}");
    }

    [Fact]
    public async Task Tenant_A_own_lists_contain_only_its_rows()
    {
        using var key = host.KeyClient(host.KeyASecret);
        foreach (var client in new[] { A, key })
        {
            var contacts = await (await client.GetAsync("/api/v1/contacts?pageSize=200")).JsonAsync();
            var emails = contacts.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
            emails.ShouldContain(TwoTenantsHost.EmailA);
            emails.ShouldNotContain(TwoTenantsHost.EmailB);
            var audit = await (await client.GetAsync("/api/v1/audit?pageSize=200")).Content.ReadAsStringAsync();
            audit.ShouldNotContain(host.ContactB.ToString());
            audit.ShouldNotContain(host.B.TenantId.ToString());
        }
    }

    [Fact]
    public async Task The_same_email_in_another_tenant_is_a_new_contact_not_a_merge()
    {
        var response = await B.PostJsonAsync("/api/v1/contacts", new { email = TwoTenantsHost.EmailA, firstName = "Someone else" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Contains("X-BrandHub-Merged").ShouldBeFalse();
        var created = await response.JsonAsync();
        created.GetProperty("id").GetGuid().ShouldNotBe(host.ContactA);
        created.TryGetProperty("tags", out var tags).ShouldBeTrue();
        tags.EnumerateArray().ShouldBeEmpty("nothing of A's contact leaked into B's");
        await ContactAShouldBeUntouchedAsync();
        (await B.DeleteAsync($"/api/v1/contacts/{created.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Both_audit_trails_still_verify()
    {
        foreach (var client in new[] { A, B })
        {
            var verify = await (await client.GetAsync("/api/v1/audit/verify")).JsonAsync();
            verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
            verify.GetProperty("checked").GetInt32().ShouldBeGreaterThan(0);
        }
    }

    [PostgresFact]
    public async Task A_raw_connection_that_sets_no_tenant_sees_no_rows()
    {
        string[] tables = ["contacts", "users", "audit_entries", "audit_payloads", "api_keys", "contact_imports", "import_row_errors", "suppressions",
            "contact_consents", "consent_events", "contact_tags", "contact_external_ids", "timeline_events", "attribute_definitions", "contact_merges"];
        // The app's own connection string, but none of the session settings the app makes.
        await using var raw = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await raw.OpenAsync();
        (await raw.ScalarAsync<string>("SELECT coalesce(current_setting('app.tenant_id', true), '')")).ShouldBe("");
        (await raw.ScalarAsync<string>("SELECT coalesce(current_setting('app.bypass_rls', true), '')")).ShouldNotBe("on");
        await using var platform = await host.OpenAsync(bypassRls: true);

        foreach (var table in tables)
        {
            (await platform.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @p0", host.A.TenantId)).ShouldBeGreaterThan(0, $"{table} has rows of tenant A");
            (await raw.ScalarAsync<long>($"SELECT count(*) FROM {table}")).ShouldBe(0, $"{table} is visible without a tenant");
        }
    }

    [PostgresFact]
    public async Task A_raw_connection_in_tenant_A_sees_exactly_tenant_A_rows()
    {
        string[] tables = ["contacts", "users", "audit_entries", "api_keys", "contact_imports", "suppressions", "consent_events"];
        await using var inA = await host.OpenAsync(bypassRls: false, tenantId: host.A.TenantId);
        await using var platform = await host.OpenAsync(bypassRls: true);

        foreach (var table in tables)
        {
            var ofA = await platform.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @p0", host.A.TenantId);
            if (table is "contacts" or "users" or "audit_entries")
                (await platform.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id <> @p0", host.A.TenantId)).ShouldBeGreaterThan(0, $"{table} has rows of tenant B");
            (await inA.ScalarAsync<long>($"SELECT count(*) FROM {table}")).ShouldBe(ofA, table);
            (await inA.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id <> @p0", host.A.TenantId)).ShouldBe(0, table);
        }
    }

    [PostgresFact]
    public async Task A_connection_in_tenant_A_cannot_write_rows_of_tenant_B()
    {
        await using var inA = await host.OpenAsync(bypassRls: false, tenantId: host.A.TenantId);

        var insert = () => inA.ExecuteAsync(
            "INSERT INTO suppressions (tenant_id, id, channel, address, reason, note, created_by, created_at) VALUES (@p0, @p1, 'email', 'x@example.com', 'manual', NULL, 'test', now())",
            host.B.TenantId, Guid.NewGuid());
        var error = await Should.ThrowAsync<Npgsql.PostgresException>(insert);
        error.SqlState.ShouldBe("42501"); // row-level security policy violation
        (await inA.ExecuteAsync("UPDATE contacts SET first_name = 'Hacked' WHERE tenant_id = @p0", host.B.TenantId)).ShouldBe(0);
        (await inA.ExecuteAsync("DELETE FROM contacts WHERE tenant_id = @p0", host.B.TenantId)).ShouldBe(0);
        (await (await B.GetAsync($"/api/v1/contacts/{host.ContactB}")).JsonAsync()).GetProperty("firstName").GetString().ShouldBe("Bogdan");
    }

    private IEnumerable<string> ForeignMarkers() =>
    [
        host.A.TenantId.ToString(), host.ContactA.ToString(), host.ImportA.ToString(), host.ImportJobA.ToString(), host.KeyA.ToString(),
        host.SuppressionA.ToString(), host.ReviewA.ToString(), TwoTenantsHost.EmailA, "ana.p@alfa.example", "ana.popescu", "bounced@example.com", "imported.one@example.com", "loyalty_tier",
        host.A.OwnerEmail, host.KeyASecret[..12],
    ];

    private async Task ContactAShouldBeUntouchedAsync()
    {
        var now = await A.GetAsync($"/api/v1/contacts/{host.ContactA}");
        now.StatusCode.ShouldBe(HttpStatusCode.OK, "tenant A's contact is still there");
        (await now.Content.ReadAsStringAsync()).ShouldBe(host.ContactAJson);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, string? json)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return client.SendAsync(request);
    }
}
