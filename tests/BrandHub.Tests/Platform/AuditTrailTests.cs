using System.Data.Common;
using System.Text.Json;
using BrandHub.Core.Audit;

namespace BrandHub.Tests.Platform;

/// <summary>
/// The audit trail: every change is recorded with actor, entity and before/after; the trail can be filtered and
/// paged; it is append-only and hash-chained, so altering, removing or cutting off stored entries is detected.
/// </summary>
public sealed class AuditTrailTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Every_create_update_and_delete_is_recorded_with_actor_and_before_after()
    {
        var tenant = await host.NewTenantAsync();
        var userId = (await (await tenant.Client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("userId").GetString();

        var contact = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "audited@example.com", firstName = "Ana" })).JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { firstName = "Ioana" })).EnsureSuccessStatusCode();
        (await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var trail = await GetAsync(tenant, $"/api/v1/audit?entityType=contact&entityId={id}");
        var entries = trail.GetProperty("items").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("action").GetString()).ShouldBe(["contact.deleted", "contact.updated", "contact.created"]);
        entries.ShouldAllBe(e => e.GetProperty("actor").GetString() == $"user:{userId}");
        entries.ShouldAllBe(e => e.GetProperty("entityType").GetString() == "contact" && e.GetProperty("entityId").GetString() == id.ToString());
        var created = entries[2];
        created.GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("after").GetRawText().ShouldContain("audited@example.com");
        var updated = entries[1];
        updated.GetProperty("before").GetRawText().ShouldContain("Ana");
        updated.GetProperty("after").GetRawText().ShouldContain("Ioana");
        foreach (var e in entries)
        {
            e.GetProperty("hash").GetString()!.Length.ShouldBe(64);
            e.GetProperty("previousHash").GetString()!.Length.ShouldBe(64);
            e.GetProperty("payloadDigest").GetString()!.Length.ShouldBe(64);
            e.GetProperty("occurredAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-10));
        }
        // Newest first, each linked to the one before it.
        entries[0].GetProperty("sequence").GetInt64().ShouldBeGreaterThan(entries[1].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Changes_to_team_keys_suppressions_and_settings_are_recorded_too()
    {
        var tenant = await host.NewTenantAsync();
        var user = await (await tenant.Client.PostJsonAsync("/api/v1/users", new { email = $"u-{Guid.NewGuid():N}@tenant.test", role = "viewer", password = "long enough password" })).JsonAsync();
        var key = await (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "k" })).JsonAsync();
        await tenant.Client.DeleteAsync($"/api/v1/api-keys/{key.GetProperty("id").GetGuid()}");
        var suppression = await (await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = "gone@example.com", reason = "complaint" })).JsonAsync();
        await tenant.Client.DeleteAsync($"/api/v1/suppressions/{suppression.GetProperty("id").GetGuid()}");
        (await tenant.Client.PatchJsonAsync("/api/v1/tenant", new { name = "Audited Inc" })).EnsureSuccessStatusCode();

        var all = (await GetAsync(tenant, "/api/v1/audit?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), Entity: e.GetProperty("entityId").GetString())).ToList();

        all.ShouldContain(("user.created", user.GetProperty("id").GetGuid().ToString()));
        all.ShouldContain(("apikey.created", key.GetProperty("id").GetGuid().ToString()));
        all.ShouldContain(("apikey.revoked", key.GetProperty("id").GetGuid().ToString()));
        all.ShouldContain(("suppression.created", suppression.GetProperty("id").GetGuid().ToString()));
        all.ShouldContain(("suppression.deleted", suppression.GetProperty("id").GetGuid().ToString()));
        all.ShouldContain(("tenant.updated", tenant.TenantId.ToString()));
        all.ShouldContain(("tenant.created", tenant.TenantId.ToString()));
        var rename = (await GetAsync(tenant, $"/api/v1/audit?action=tenant.updated")).GetProperty("items")[0];
        rename.GetProperty("after").GetProperty("name").GetString().ShouldBe("Audited Inc");
        rename.GetProperty("before").GetProperty("name").GetString().ShouldNotBe("Audited Inc");
    }

    [Fact]
    public async Task The_trail_filters_by_action_actor_and_time_and_pages_newest_first()
    {
        var tenant = await host.NewTenantAsync();
        var userId = (await (await tenant.Client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("userId").GetString();
        for (var i = 0; i < 7; i++)
            (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = $"paged{i}@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var seen = new List<long>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await GetAsync(tenant, $"/api/v1/audit?action=contact.created&pageSize=3&page={page}");
            body.GetProperty("total").GetInt32().ShouldBe(7);
            body.GetProperty("page").GetInt32().ShouldBe(page);
            body.GetProperty("pageSize").GetInt32().ShouldBe(3);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBe(page < 3 ? 3 : 1);
            items.ShouldAllBe(e => e.GetProperty("action").GetString() == "contact.created");
            seen.AddRange(items.Select(e => e.GetProperty("sequence").GetInt64()));
        }
        seen.ShouldBe(seen.OrderByDescending(s => s).ToList(), "newest first across pages");
        seen.Distinct().Count().ShouldBe(7);

        // Action filters by prefix: "contact." is every contact action.
        (await GetAsync(tenant, "/api/v1/audit?action=contact.")).GetProperty("total").GetInt32().ShouldBe(7);
        (await GetAsync(tenant, $"/api/v1/audit?actor=user:{userId}")).GetProperty("total").GetInt32().ShouldBe(7);
        var bySystem = await GetAsync(tenant, "/api/v1/audit?actor=system");
        bySystem.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["user.created", "tenant.created"]);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        (await GetAsync(tenant, $"/api/v1/audit?from={future}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await GetAsync(tenant, $"/api/v1/audit?from={past}&to={future}")).GetProperty("total").GetInt32().ShouldBe(9);
        (await GetAsync(tenant, $"/api/v1/audit?entityType=contact&entityId={Guid.NewGuid()}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Paging_outside_the_limits_is_a_validation_problem(string query, string field)
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.GetAsync($"/api/v1/audit?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldContain(field);
    }

    [Fact]
    public async Task A_time_window_that_ends_before_it_starts_is_a_validation_problem()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.GetAsync("/api/v1/audit?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldContain("from");
    }

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        var tenant = await TenantWithHistoryAsync();
        var total = (await GetAsync(tenant, "/api/v1/audit")).GetProperty("total").GetInt32();

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");

        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("checked").GetInt32().ShouldBe(total);
        verify.GetProperty("firstBrokenSequence").ValueKind.ShouldBe(JsonValueKind.Null);
        verify.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Changing_one_stored_entry_breaks_the_chain_at_that_entry()
    {
        var tenant = await TenantWithHistoryAsync();

        await TamperAsync(c => c.ExecuteAsync("UPDATE audit_entries SET actor = 'user:someone-else' WHERE tenant_id = @p0 AND sequence = 3", RawSql.Id(tenant.TenantId)));

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(3);
        verify.GetProperty("checked").GetInt64().ShouldBe(2);
        verify.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Re_hashing_a_changed_entry_still_breaks_the_link_to_the_next_one()
    {
        var tenant = await TenantWithHistoryAsync();
        var entry = (await GetAsync(tenant, "/api/v1/audit?pageSize=200")).GetProperty("items").EnumerateArray().Single(e => e.GetProperty("sequence").GetInt64() == 3);
        var forgedLink = new AuditLink(3, tenant.TenantId, entry.GetProperty("occurredAt").GetDateTimeOffset(), "user:someone-else",
            entry.GetProperty("action").GetString()!, entry.GetProperty("entityType").GetString()!, entry.GetProperty("entityId").GetString()!,
            entry.GetProperty("payloadDigest").GetString()!);
        var forgedHash = AuditChain.ComputeHash(entry.GetProperty("previousHash").GetString()!, forgedLink);

        await TamperAsync(c => c.ExecuteAsync("UPDATE audit_entries SET actor = 'user:someone-else', hash = @p1 WHERE tenant_id = @p0 AND sequence = 3",
            RawSql.Id(tenant.TenantId), forgedHash));

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task Changing_a_stored_before_or_after_payload_is_detected()
    {
        var tenant = await TenantWithHistoryAsync();

        await using (var conn = await host.OpenAsync())
            (await conn.ExecuteAsync("UPDATE audit_payloads SET after_json = '{\"email\":\"someone@else.example\"}' WHERE tenant_id = @p0 AND sequence = 4",
                RawSql.Id(tenant.TenantId))).ShouldBe(1);

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(4);
        verify.GetProperty("reason").GetString()!.ShouldContain("payload");
    }

    [Fact]
    public async Task Removing_the_payload_of_an_entry_is_detected()
    {
        var tenant = await TenantWithHistoryAsync();

        await using (var conn = await host.OpenAsync())
            (await conn.ExecuteAsync("DELETE FROM audit_payloads WHERE tenant_id = @p0 AND sequence = 2", RawSql.Id(tenant.TenantId))).ShouldBe(1);

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Removing_an_entry_from_the_middle_is_detected()
    {
        var tenant = await TenantWithHistoryAsync();

        await TamperAsync(c => c.ExecuteAsync("DELETE FROM audit_entries WHERE tenant_id = @p0 AND sequence = 3", RawSql.Id(tenant.TenantId)));

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse();
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task Cutting_off_the_newest_entries_is_detected()
    {
        var tenant = await TenantWithHistoryAsync();
        var last = (await GetAsync(tenant, "/api/v1/audit")).GetProperty("items")[0].GetProperty("sequence").GetInt64();

        // A careful attacker removes the payload too, so no orphan gives it away: only the chain head does.
        await TamperAsync(async c =>
            await c.ExecuteAsync("DELETE FROM audit_payloads WHERE tenant_id = @p0 AND sequence = @p1", RawSql.Id(tenant.TenantId), last) *
            await c.ExecuteAsync("DELETE FROM audit_entries WHERE tenant_id = @p0 AND sequence = @p1", RawSql.Id(tenant.TenantId), last));

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeFalse(verify.ToString());
        verify.GetProperty("firstBrokenSequence").GetInt64().ShouldBe(last);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_entries()
    {
        var tenant = await TenantWithHistoryAsync();
        await using var conn = await host.OpenAsync();

        var update = await Should.ThrowAsync<DbException>(() =>
            conn.ExecuteAsync("UPDATE audit_entries SET action = 'nothing.happened' WHERE tenant_id = @p0 AND sequence = 1", RawSql.Id(tenant.TenantId)));
        update.Message.ShouldContain("append-only");
        var delete = await Should.ThrowAsync<DbException>(() =>
            conn.ExecuteAsync("DELETE FROM audit_entries WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId)));
        delete.Message.ShouldContain("append-only");

        (await GetAsync(tenant, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean().ShouldBeTrue();
        (await conn.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE tenant_id = @p0", RawSql.Id(tenant.TenantId))).ShouldBeGreaterThan(3);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_chain_starting_at_one()
    {
        var first = await TenantWithHistoryAsync();
        var second = await TenantWithHistoryAsync();
        foreach (var tenant in new[] { first, second })
        {
            var items = (await GetAsync(tenant, "/api/v1/audit?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
            items.Select(e => e.GetProperty("sequence").GetInt64()).OrderBy(s => s).ShouldBe(Enumerable.Range(1, items.Count).Select(i => (long)i));
            items.Single(e => e.GetProperty("sequence").GetInt64() == 1).GetProperty("previousHash").GetString().ShouldBe(AuditChain.GenesisHash);
        }
    }

    [Fact]
    public async Task Concurrent_changes_in_one_tenant_keep_one_unbroken_chain()
    {
        var tenant = await host.NewTenantAsync();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = $"parallel{i}@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Created)));

        var verify = await GetAsync(tenant, "/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
        verify.GetProperty("checked").GetInt32().ShouldBe(22);
    }

    /// <summary>A tenant with a handful of audited changes (sequence 1–2 from provisioning, then contacts and a consent).</summary>
    private async Task<TenantSession> TenantWithHistoryAsync()
    {
        var tenant = await host.NewTenantAsync();
        var contact = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "history@example.com", firstName = "Maria" })).JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { lastName = "Ionescu" })).EnsureSuccessStatusCode();
        (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "second@example.com" })).EnsureSuccessStatusCode();
        (await tenant.Client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = "x@example.com", reason = "manual" })).EnsureSuccessStatusCode();
        return tenant;
    }

    /// <summary>Changes audit_entries the way an attacker with database access would: around the append-only triggers.</summary>
    private async Task TamperAsync(Func<DbConnection, Task<int>> change)
    {
        await using var conn = await host.OpenAsync();
        if (BrandHubHost.IsPostgres)
        {
            await conn.ExecuteAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
            try { (await change(conn)).ShouldBe(1); }
            finally { await conn.ExecuteAsync("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change"); }
        }
        else
        {
            var triggers = await conn.RowsAsync("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'");
            triggers.Count.ShouldBe(2);
            foreach (var t in triggers) await conn.ExecuteAsync($"DROP TRIGGER {t["name"]}");
            try { (await change(conn)).ShouldBe(1); }
            finally { foreach (var t in triggers) await conn.ExecuteAsync((string)t["sql"]!); }
        }
    }

    private static async Task<JsonElement> GetAsync(TenantSession tenant, string url)
    {
        var response = await tenant.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
