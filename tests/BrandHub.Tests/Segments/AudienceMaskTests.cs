using System.Text.Json;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Segments;

/// <summary>
/// Reach and consent criteria read the contact's masks, which database triggers keep: every way the facts change —
/// consent, suppression added or removed, global unsubscribe, a new address — shows at once in the preview.
/// </summary>
public sealed class AudienceMaskTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    [Fact]
    public async Task Reach_and_consent_follow_every_change_that_decides_them()
    {
        var tenant = await host.NewTenantAsync();
        var client = tenant.Client;
        var email = $"mask-{Guid.NewGuid():N}@masks.test";
        var id = (await (await client.PostJsonAsync("/api/v1/contacts", new { email, phone = "+40721000111" })).JsonAsync()).Id();
        var only = new { field = "email", op = "eq", value = email };

        async Task<(long Size, long Email, long Sms, long Consented)> Preview()
        {
            var all = await (await client.PostJsonAsync("/api/v1/marketing/audiences/preview", new { criteria = only })).JsonAsync();
            var consented = await (await client.PostJsonAsync("/api/v1/marketing/audiences/preview",
                new { criteria = new { all = new object[] { only, new { consent = "email" } } } })).JsonAsync();
            var reach = all.GetProperty("reach");
            return (all.GetProperty("size").GetInt64(), reach.GetProperty("email").GetInt64(), reach.GetProperty("sms").GetInt64(),
                consented.GetProperty("size").GetInt64());
        }

        (await Preview()).ShouldBe((1L, 0L, 0L, 0L));
        await client.PutConsentAsync(id, AudienceApi.OptIn("email"));
        await client.PutConsentAsync(id, AudienceApi.OptIn("sms"));
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        var suppression = await (await client.PostJsonAsync("/api/v1/suppressions", new { channel = "email", address = email, reason = "manual" })).JsonAsync();
        (await Preview()).ShouldBe((1L, 0L, 1L, 1L), "a suppressed address is not reachable, though consent stays");
        (await client.DeleteAsync($"/api/v1/suppressions/{suppression.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        (await client.PostJsonAsync($"/api/v1/contacts/{id}/global-unsubscribe", new { })).IsSuccessStatusCode.ShouldBeTrue();
        (await Preview()).ShouldBe((1L, 0L, 0L, 1L), "globally unsubscribed: reachable nowhere");
        (await client.DeleteAsync($"/api/v1/contacts/{id}/global-unsubscribe")).IsSuccessStatusCode.ShouldBeTrue();
        (await Preview()).ShouldBe((1L, 1L, 1L, 1L));

        await client.PutConsentAsync(id, new { channel = "email", status = "opted_out", source = "api" });
        (await Preview()).ShouldBe((1L, 0L, 1L, 0L));

        // A new phone number that is already suppressed for SMS: the contact's own change recomputes its reach.
        await client.PostJsonAsync("/api/v1/suppressions", new { channel = "sms", address = "+40721000222", reason = "manual" });
        var patched = await client.PatchJsonAsync($"/api/v1/contacts/{id}", new { phone = "+40721000222" });
        patched.IsSuccessStatusCode.ShouldBeTrue(await patched.Content.ReadAsStringAsync());
        (await Preview()).ShouldBe((1L, 0L, 0L, 0L));
    }

    /// <summary>
    /// Property: whatever mix of set-wise writes happens — multi-row consent inserts, status flips, deletes, consents moved
    /// to another contact (a merge), suppressions added and removed, addresses and unsubscribes changed — every contact's
    /// masks equal the ones computed from scratch. The triggers update masks incrementally, so a drift would show here.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Masks_equal_a_from_scratch_computation_after_any_mix_of_bulk_writes(int seed)
    {
        var tenant = (await host.NewTenantAsync()).TenantId;
        var t = RawSql.Id(tenant);
        await using var conn = await host.OpenAsync();
        var random = new Random(seed);
        string[] channels = ["email", "sms", "whatsapp", "push", "profiling"];
        var contacts = Enumerable.Range(0, 30).Select(_ => RawSql.Id(Guid.CreateVersion7())).ToList();
        string Email(int i) => $"m{i}-{tenant:N}@masks.test";
        string Phone(int i) => $"+4072{seed}{i:000000}";
        var now = RawSql.Instant(DateTimeOffset.UtcNow);
        for (var i = 0; i < contacts.Count; i++)
            await conn.ExecuteAsync("INSERT INTO contacts (tenant_id, id, email, phone, attributes_json, match_key, created_at, updated_at) VALUES (@p0, @p1, @p2, @p3, '{}', @p5, @p4, @p4)",
                t, contacts[i], i % 7 == 0 ? null : Email(i), i % 5 == 0 ? null : Phone(i), now, $"m{i}");

        string Some(int n) => string.Join(", ", Enumerable.Range(0, n).Select(_ => $"'{contacts[random.Next(contacts.Count)]}'").Distinct());
        string Status() => random.Next(3) == 0 ? "opted_out" : "opted_in";
        for (var step = 0; step < 60; step++)
        {
            var channel = channels[random.Next(channels.Length)];
            var inList = Some(8);
            switch (random.Next(7))
            {
                case 0: // multi-row insert of whoever has no row for the channel yet
                    await conn.ExecuteAsync($"INSERT INTO contact_consents (tenant_id, contact_id, channel, status, source, updated_at) " +
                        $"SELECT tenant_id, id, @p1, @p2, 'test', @p3 FROM contacts c WHERE tenant_id = @p0 AND id IN ({inList}) " +
                        "AND NOT EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = @p1)",
                        t, channel, Status(), now);
                    break;
                case 1: // flip statuses, several channels at once
                    await conn.ExecuteAsync($"UPDATE contact_consents SET status = CASE status WHEN 'opted_in' THEN 'opted_out' ELSE 'opted_in' END WHERE tenant_id = @p0 AND contact_id IN ({inList})", t);
                    break;
                case 2:
                    await conn.ExecuteAsync($"DELETE FROM contact_consents WHERE tenant_id = @p0 AND contact_id IN ({inList}) AND channel = @p1", t, channel);
                    break;
                case 3: // a merge: one contact's consents move to another where that one has none for the channel
                    var from = contacts[random.Next(contacts.Count)];
                    var to = contacts[random.Next(contacts.Count)];
                    await conn.ExecuteAsync("UPDATE contact_consents SET contact_id = @p2 WHERE tenant_id = @p0 AND contact_id = @p1 AND channel NOT IN " +
                        "(SELECT channel FROM contact_consents WHERE tenant_id = @p0 AND contact_id = @p2)", t, from, to);
                    break;
                case 4:
                    var address = random.Next(2) == 0 ? Email(random.Next(40)) : Phone(random.Next(40));
                    var suppressed = address.StartsWith('+') ? (random.Next(2) == 0 ? "sms" : "whatsapp") : "email";
                    if (await conn.ScalarAsync<long>("SELECT COUNT(*) FROM suppressions WHERE tenant_id = @p0 AND channel = @p1 AND address = @p2", t, suppressed, address) == 0)
                        await conn.ExecuteAsync("INSERT INTO suppressions (tenant_id, id, channel, address, reason, created_by, created_at) VALUES (@p0, @p1, @p2, @p3, 'manual', 'test', @p4)",
                            t, RawSql.Id(Guid.CreateVersion7()), suppressed, address, now);
                    else await conn.ExecuteAsync("DELETE FROM suppressions WHERE tenant_id = @p0 AND channel = @p1 AND address = @p2", t, suppressed, address);
                    break;
                case 5:
                    await conn.ExecuteAsync($"UPDATE contacts SET global_unsubscribe_at = CASE WHEN global_unsubscribe_at IS NULL THEN @p1 ELSE NULL END WHERE tenant_id = @p0 AND id IN ({inList})", t, now);
                    break;
                default: // a new address, maybe one that is already suppressed (the pool is larger than the contacts)
                    var who = contacts[random.Next(contacts.Count)];
                    var (email, phone) = (random.Next(4) == 0 ? null : Email(random.Next(40)), random.Next(4) == 0 ? null : Phone(random.Next(40)));
                    if (await conn.ScalarAsync<long>("SELECT COUNT(*) FROM contacts WHERE tenant_id = @p0 AND id <> @p1 AND (email = @p2 OR phone = @p3)", t, who, email, phone) == 0)
                        await conn.ExecuteAsync("UPDATE contacts SET email = @p2, phone = @p3 WHERE tenant_id = @p0 AND id = @p1", t, who, email, phone);
                    break;
            }
            var drift = await conn.RowsAsync(FromScratch + " WHERE tenant_id = @p0) x WHERE consent_mask <> expected_consent OR reach_mask <> expected_reach", t);
            drift.ShouldBeEmpty($"seed {seed}, step {step}: {string.Join("; ", drift.Select(r => string.Join(", ", r.Select(kv => $"{kv.Key}={kv.Value}"))))}");
        }
    }

    /// <summary>The masks as V0008 first defined them, from every consent and suppression (open: the caller closes the WHERE and the subquery).</summary>
    private const string FromScratch = """
        SELECT * FROM (SELECT id, consent_mask, reach_mask,
            (SELECT COALESCE(SUM(CASE k.channel WHEN 'email' THEN 1 WHEN 'sms' THEN 2 WHEN 'whatsapp' THEN 4 WHEN 'push' THEN 8 WHEN 'profiling' THEN 16 ELSE 0 END), 0)
             FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.status = 'opted_in') AS expected_consent,
            (CASE WHEN c.global_unsubscribe_at IS NOT NULL THEN 0 ELSE
               (CASE WHEN c.email IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'email' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'email' AND s.address = c.email) THEN 1 ELSE 0 END)
             + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'sms' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'sms' AND s.address = c.phone) THEN 2 ELSE 0 END)
             + (CASE WHEN c.phone IS NOT NULL AND EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'whatsapp' AND k.status = 'opted_in') AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant_id = c.tenant_id AND s.channel = 'whatsapp' AND s.address = c.phone) THEN 4 ELSE 0 END)
             + (CASE WHEN EXISTS (SELECT 1 FROM contact_consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id AND k.channel = 'push' AND k.status = 'opted_in') THEN 8 ELSE 0 END) END) AS expected_reach
        FROM contacts c
        """;
}
