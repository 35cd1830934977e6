using System.Text.Json;
using System.Text.Json.Nodes;

namespace BrandHub.Tests.Platform;

/// <summary>
/// Exporting the audit trail (csv, json) with its hashes, and verifying the export offline with
/// docs/tools/verify-audit-export.py, which recomputes the chain independently of the host.
/// </summary>
public sealed class AuditExportTests(BrandHubHost host) : IClassFixture<BrandHubHost>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("brandhub-audit-export-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task The_json_export_holds_every_entry_with_its_hashes_and_payload()
    {
        var tenant = await TenantWithHistoryAsync();
        var listed = await AllEntriesAsync(tenant);

        var response = await tenant.Client.GetAsync("/api/v1/audit/export?format=json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var export = (await response.JsonAsync()).EnumerateArray().ToList();
        export.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe(listed.Select(e => e.GetProperty("sequence").GetInt64()).OrderBy(s => s));
        foreach (var entry in listed)
        {
            var exported = export.Single(e => e.GetProperty("sequence").GetInt64() == entry.GetProperty("sequence").GetInt64());
            foreach (var field in new[] { "hash", "previousHash", "payloadDigest", "action", "actor", "entityType", "entityId" })
                exported.GetProperty(field).GetString().ShouldBe(entry.GetProperty(field).GetString(), field);
            exported.GetProperty("tenantId").GetGuid().ShouldBe(tenant.TenantId);
            exported.GetProperty("payloadErased").GetBoolean().ShouldBeFalse();
        }
        export.ShouldContain(e => e.GetProperty("afterJson").GetString()!.Contains("export@example.com"));
    }

    [Fact]
    public async Task The_csv_export_holds_every_entry_with_its_hashes()
    {
        var tenant = await TenantWithHistoryAsync();
        var listed = await AllEntriesAsync(tenant);

        var response = await tenant.Client.GetAsync("/api/v1/audit/export?format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("sequence,tenant_id,occurred_at,actor,action,entity_type,entity_id,payload_digest,previous_hash,hash");
        lines.Length.ShouldBe(listed.Count + 1);
        foreach (var entry in listed)
            lines.ShouldContain(l => l.StartsWith(entry.GetProperty("sequence").GetInt64() + ",") && l.Contains(entry.GetProperty("hash").GetString()!)
                                     && l.Contains(entry.GetProperty("previousHash").GetString()!));
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_validation_problem()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.GetAsync("/api/v1/audit/export?format=xml");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ProblemErrorsAsync()).Keys.ShouldBe(["format"]);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task The_offline_verifier_accepts_an_untouched_export(string format)
    {
        var tenant = await TenantWithHistoryAsync();
        var count = (await AllEntriesAsync(tenant)).Count;
        var file = await ExportAsync(tenant, format);

        var result = await VerifyOfflineAsync(file);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldStartWith($"OK {count} entries");
    }

    [Fact]
    public async Task The_offline_verifier_finds_an_altered_entry()
    {
        var tenant = await TenantWithHistoryAsync();
        var file = await ExportAsync(tenant, "json");
        Rewrite(file, entries => entries.Single(e => (long)e!["sequence"]! == 3)!["action"] = "nothing.happened");

        var result = await VerifyOfflineAsync(file);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldStartWith("BROKEN at sequence 3");
    }

    [Fact]
    public async Task The_offline_verifier_finds_an_altered_payload()
    {
        var tenant = await TenantWithHistoryAsync();
        var file = await ExportAsync(tenant, "json");
        var target = 0L;
        Rewrite(file, entries =>
        {
            var entry = entries.First(e => ((string?)e!["afterJson"])?.Contains("export@example.com") == true)!;
            target = (long)entry["sequence"]!;
            entry["afterJson"] = ((string)entry["afterJson"]!).Replace("export@example.com", "someone.else@example.com");
        });

        var result = await VerifyOfflineAsync(file);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldStartWith($"BROKEN at sequence {target}");
    }

    [Fact]
    public async Task The_offline_verifier_finds_a_removed_or_reordered_entry()
    {
        var tenant = await TenantWithHistoryAsync();
        var file = await ExportAsync(tenant, "json");
        Rewrite(file, entries => entries.RemoveAt(2)); // sequence 3

        var removed = await VerifyOfflineAsync(file);

        removed.ExitCode.ShouldBe(1, removed.ToString());
        removed.StdOut.ShouldStartWith("BROKEN at sequence 3");
    }

    [Fact]
    public async Task The_offline_verifier_checks_the_head_when_given_one()
    {
        var tenant = await TenantWithHistoryAsync();
        var newest = (await AllEntriesAsync(tenant)).MaxBy(e => e.GetProperty("sequence").GetInt64());
        var head = $"{newest.GetProperty("sequence").GetInt64()}:{newest.GetProperty("hash").GetString()}";
        var file = await ExportAsync(tenant, "json");

        (await VerifyOfflineAsync(file, "--head", head)).ExitCode.ShouldBe(0);

        Rewrite(file, entries => entries.RemoveAt(entries.Count - 1)); // cut off the newest
        var cut = await VerifyOfflineAsync(file);
        cut.ExitCode.ShouldBe(0, "without the head a cut-off chain looks whole: that is why the head is printed");
        var checkedAgainstHead = await VerifyOfflineAsync(file, "--head", head);
        checkedAgainstHead.ExitCode.ShouldBe(1, checkedAgainstHead.ToString());
        checkedAgainstHead.StdOut.ShouldStartWith("BROKEN");
    }

    [Fact]
    public async Task The_offline_verifier_refuses_what_is_not_an_export()
    {
        var file = Path.Combine(dir, "garbage.json");
        await File.WriteAllTextAsync(file, "{\"not\":\"an export\"}");
        (await VerifyOfflineAsync(file)).ExitCode.ShouldBe(2);
        (await VerifyOfflineAsync(Path.Combine(dir, "missing.json"))).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task After_a_GDPR_erase_the_trail_and_its_export_still_verify_without_the_personal_data()
    {
        var tenant = await TenantWithHistoryAsync();
        var contact = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new { email = "forget.me@example.com", firstName = "Forget" })).JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { lastName = "Me" })).EnsureSuccessStatusCode();

        var erase = await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}?erase=true");
        erase.StatusCode.ShouldBe(HttpStatusCode.OK);

        var verify = await (await tenant.Client.GetAsync("/api/v1/audit/verify")).JsonAsync();
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue(verify.ToString());
        var file = await ExportAsync(tenant, "json");
        var text = await File.ReadAllTextAsync(file);
        text.ShouldNotContain("forget.me@example.com");
        text.ShouldNotContain("Forget");
        JsonDocument.Parse(text).RootElement.EnumerateArray().Count(e => e.GetProperty("payloadErased").GetBoolean()).ShouldBeGreaterThanOrEqualTo(2);
        var offline = await VerifyOfflineAsync(file);
        offline.ExitCode.ShouldBe(0, offline.ToString());
        offline.StdOut.ShouldContain("erased payloads");
    }

    private async Task<TenantSession> TenantWithHistoryAsync()
    {
        var tenant = await host.NewTenantAsync();
        var contact = await (await tenant.Client.PostJsonAsync("/api/v1/contacts", new
        {
            email = "export@example.com", firstName = "Ștefan", lastName = "O'Neil, \"Jr\"", company = "Ünïcødé & Co <b>",
        })).JsonAsync();
        var id = contact.GetProperty("id").GetGuid();
        (await tenant.Client.PatchJsonAsync($"/api/v1/contacts/{id}", new { city = "Iași" })).EnsureSuccessStatusCode();
        (await tenant.Client.PutJsonAsync($"/api/v1/contacts/{id}/consents", new
        {
            channel = "sms", status = "opted_out", source = "call centre", legalBasis = "consent",
        })).EnsureSuccessStatusCode();
        (await tenant.Client.PostJsonAsync("/api/v1/api-keys", new { name = "export key" })).EnsureSuccessStatusCode();
        (await tenant.Client.DeleteAsync($"/api/v1/contacts/{id}")).EnsureSuccessStatusCode();
        return tenant;
    }

    private static async Task<List<JsonElement>> AllEntriesAsync(TenantSession tenant) =>
        (await (await tenant.Client.GetAsync("/api/v1/audit?pageSize=200")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    private async Task<string> ExportAsync(TenantSession tenant, string format)
    {
        var file = Path.Combine(dir, $"audit-{Guid.NewGuid():N}.{format}");
        var response = await tenant.Client.GetAsync($"/api/v1/audit/export?format={format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    private static void Rewrite(string file, Action<JsonArray> change)
    {
        var entries = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        change(entries);
        File.WriteAllText(file, entries.ToJsonString());
    }

    private static Task<ProcessResult> VerifyOfflineAsync(string file, params string[] extra) =>
        Processes.RunAsync("python3", ["docs/tools/verify-audit-export.py", file, .. extra]);
}
