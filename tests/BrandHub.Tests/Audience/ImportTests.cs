using System.Text;
using System.Text.Json;
using BrandHub.Modules.Audience.Consents;
using BrandHub.Modules.Audience.Contacts;
using BrandHub.Modules.Audience.Imports;
using BrandHub.Modules.Platform.Audit;
using BrandHub.Modules.Audience.Timeline;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>CSV import: preview, mapping, a job with progress, a per-row report, and re-runs that change nothing.</summary>
public sealed class ImportTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["Email"] = "email", ["First name"] = "firstName", ["Last name"] = "lastName", ["Phone"] = "phone",
        ["City"] = "city", ["Tags"] = "tags", ["Newsletter"] = "consent.email", ["Notes"] = "",
    };

    [Fact]
    public async Task A_preview_shows_headers_sample_rows_and_a_suggested_mapping()
    {
        var tenant = await host.NewTenantAsync();
        var csv = new CsvBuilder("Email", "Prenume", "Nume", "Telefon", "Oraș", "Notes")
            .Row("ana@imp.test", "Ana", "Pop", "0722 000 001", "Cluj", "first")
            .Row("ion@imp.test", "Ion", "Ionescu", "", "Iași", "with, comma");
        var countsBefore = await DatabaseScan.RowCountsAsync(host);

        var response = await tenant.Client.PostAsync("/api/v1/contacts/imports/preview", Http.CsvUpload(csv.ToBytes(), "clienti.csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = await response.JsonAsync();
        preview.Str("fileName").ShouldBe("clienti.csv");
        preview.GetProperty("rowCount").GetInt32().ShouldBe(2);
        preview.GetProperty("headers").Strings().ShouldBe(["Email", "Prenume", "Nume", "Telefon", "Oraș", "Notes"]);
        preview.GetProperty("sampleRows")[1].Strings().ShouldBe(["ion@imp.test", "Ion", "Ionescu", "", "Iași", "with, comma"]);
        var suggested = preview.GetProperty("suggestedMapping");
        suggested.Str("Email").ShouldBe("email");
        suggested.Str("Prenume").ShouldBe("firstName");
        suggested.Str("Nume").ShouldBe("lastName");
        suggested.Str("Telefon").ShouldBe("phone");
        suggested.Str("Oraș").ShouldBe("city");
        suggested.Str("Notes").ShouldBe("");
        (await DatabaseScan.RowCountsAsync(host)).ShouldBe(countsBefore); // a preview stores nothing
    }

    [Fact]
    public async Task An_import_creates_new_contacts_updates_changed_ones_and_reports_bad_rows()
    {
        var tenant = await host.NewTenantAsync();
        await CreateExistingAsync(tenant);
        var file = ImportFile.Build();

        var started = await tenant.Client.StartImportAsync(file.Csv, Mapping, fileName: "leads.csv");
        started.Str("status").ShouldBe("queued");
        started.GetProperty("totalRows").GetInt32().ShouldBe(120);
        started.GetProperty("jobId").GetGuid().ShouldNotBe(Guid.Empty);
        var done = await tenant.Client.WaitForImportAsync(started.Id());

        done.Str("status").ShouldBe("completed", done.ToString());
        done.Counts().ShouldBe((Created: 100, Updated: 3, Unchanged: 2, Failed: 15));
        (done.GetProperty("processedRows").GetInt32(), done.Str("fileName")).ShouldBe((120, "leads.csv"));
        done.GetProperty("finishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        var job = await tenant.Client.GetJsonAsync($"/api/v1/jobs/{started.GetProperty("jobId").GetGuid()}");
        (job.Str("status"), job.GetProperty("progressDone").GetInt64(), job.GetProperty("progressTotal").GetInt64()).ShouldBe(("succeeded", 120L, 120L));

        var (scope, db) = host.Database(tenant.TenantId);
        using var _ = scope;
        (await db.Set<Contact>().CountAsync()).ShouldBe(105);
        var created = await db.Set<Contact>().Include(c => c.Tags).Include(c => c.Consents).SingleAsync(c => c.Email == "new0@imp.test");
        (created.FirstName, created.Phone, created.City).ShouldBe(("First0", "+40720000000", "Brasov"));
        created.Tags.Select(t => t.Tag).Order().ShouldBe(["import", "wave-1"]);
        created.Consents.Single().Status.ShouldBe("opted_in");
        (await db.Set<Contact>().SingleAsync(c => c.Email == "existing0@imp.test")).City.ShouldBe("Arad");
        (await db.Set<ContactImport>().SingleAsync()).Content.ShouldBeNull(); // the uploaded file is dropped once done
    }

    [Fact]
    public async Task Every_bad_row_is_listed_with_its_field_and_value_and_downloadable_as_csv()
    {
        var tenant = await host.NewTenantAsync();
        var file = ImportFile.Build();
        var done = await tenant.Client.ImportAsync(file.Csv, Mapping);

        var errors = await tenant.Client.GetJsonAsync($"/api/v1/contacts/imports/{done.Id()}/errors?pageSize=200");

        errors.Total().ShouldBe(15);
        var listed = errors.Items().Select(e => (e.GetProperty("row").GetInt32(), e.Str("field")!, e.Str("value") ?? "")).ToList();
        listed.ShouldBe(file.BadRows.OrderBy(b => b.Row).ToList());
        errors.Items().ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Str("error")));

        var download = await tenant.Client.GetAsync($"/api/v1/contacts/imports/{done.Id()}/errors.csv");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var lines = (await download.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        lines[0].ShouldBe("row,field,value,error");
        lines.Count.ShouldBe(16);
        lines.ShouldContain(l => l.StartsWith($"{file.FormulaRow},email,\"'=HYPERLINK"), "a value that spreadsheets would run as a formula is defused");
    }

    [Fact]
    public async Task Running_the_same_file_again_changes_nothing()
    {
        var tenant = await host.NewTenantAsync();
        await CreateExistingAsync(tenant);
        var file = ImportFile.Build();
        await tenant.Client.ImportAsync(file.Csv, Mapping);
        var before = await StateAsync(tenant.TenantId);

        var again = await tenant.Client.ImportAsync(file.Csv, Mapping);

        again.Counts().ShouldBe((Created: 0, Updated: 0, Unchanged: 105, Failed: 15));
        var after = await StateAsync(tenant.TenantId);
        after.Contacts.ShouldBe(before.Contacts);
        (after.TimelineEvents, after.ConsentEvents).ShouldBe((before.TimelineEvents, before.ConsentEvents));
        after.AuditActions.Take(after.AuditActions.Count - 2).ShouldBe(before.AuditActions.Take(after.AuditActions.Count - 2).ToList());
        after.AuditActions.Count.ShouldBe(before.AuditActions.Count + 2);
        after.AuditActions.TakeLast(2).ShouldBe(["import.started", "import.completed"]);
    }

    [Fact]
    public async Task A_semicolon_separated_excel_export_with_a_bom_and_diacritics_imports()
    {
        var tenant = await host.NewTenantAsync();
        var text = "\uFEFFEmail;Prenume;Nume;Oraș\r\nștefan@imp.test;Ștefan;Țăranu;Timișoara\r\n";

        var done = await tenant.Client.ImportAsync(Encoding.UTF8.GetBytes(text),
            new Dictionary<string, string> { ["Email"] = "email", ["Prenume"] = "firstName", ["Nume"] = "lastName", ["Oraș"] = "city" },
            new { tags = new[] { "fair-2025" } });

        done.Counts().ShouldBe((1, 0, 0, 0));
        var contact = (await tenant.Client.GetJsonAsync("/api/v1/contacts")).Items().Single();
        (contact.Str("email"), contact.Str("firstName"), contact.Str("lastName"), contact.Str("city")).ShouldBe(("ștefan@imp.test", "Ștefan", "Țăranu", "Timișoara"));
        contact.GetProperty("tags").Strings().ShouldBe(["fair-2025"]);
    }

    [Fact]
    public async Task Imports_are_listed_newest_first()
    {
        var tenant = await host.NewTenantAsync();
        var csv = new CsvBuilder("Email").Row("one@list.test").ToBytes();
        var first = await tenant.Client.ImportAsync(csv, new Dictionary<string, string> { ["Email"] = "email" });
        var second = await tenant.Client.ImportAsync(csv, new Dictionary<string, string> { ["Email"] = "email" });

        var list = await tenant.Client.GetJsonAsync("/api/v1/contacts/imports");

        list.ItemIds().ShouldBe([second.Id(), first.Id()]);
        list.Total().ShouldBe(2);
        await (await tenant.Client.GetAsync($"/api/v1/contacts/imports/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task CreateExistingAsync(TenantSession tenant)
    {
        for (var i = 0; i < 5; i++)
            await tenant.Client.CreateContactIdAsync(new { email = $"existing{i}@imp.test", firstName = $"Old{i}", lastName = "Existing", city = "Iasi" });
    }

    private sealed record State(List<string> Contacts, int TimelineEvents, int ConsentEvents, List<string> AuditActions);

    private async Task<State> StateAsync(Guid tenantId)
    {
        var (scope, db) = host.Database(tenantId);
        using var _ = scope;
        var contacts = await ContactsWithChildren(db).OrderBy(c => c.Email).ToListAsync();
        return new State(
            contacts.Select(c => JsonSerializer.Serialize(new { snapshot = ContactSnapshot.Of(c), c.UpdatedAt, c.CreatedAt })).ToList(),
            await db.Set<TimelineEvent>().CountAsync(), await db.Set<ConsentEvent>().CountAsync(),
            await db.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    private static IQueryable<Contact> ContactsWithChildren(BrandHubDb db) =>
        db.Set<Contact>().Include(c => c.Tags).Include(c => c.ExternalIds).Include(c => c.Consents).AsSplitQuery();

    /// <summary>
    /// 120 rows: 100 new people (every other one opting in to the newsletter), 3 rows changing existing contacts, 2 rows
    /// repeating existing contacts exactly, and 15 bad rows (invalid email, invalid phone, nothing identifying) spread through the file.
    /// </summary>
    private sealed record ImportFile(byte[] Csv, List<(int Row, string Field, string Value)> BadRows, int FormulaRow)
    {
        public static ImportFile Build()
        {
            var rows = new List<(string?[] Fields, string? BadField, string BadValue)>();
            for (var i = 0; i < 100; i++)
                rows.Add(([$"new{i}@imp.test", $"First{i}", "Nou", $"+4072{i:D7}", "Brasov", "import;wave-1", i % 2 == 0 ? "yes" : "", $"note {i}"], null, ""));
            for (var i = 0; i < 3; i++) rows.Add(([$"existing{i}@imp.test", $"Old{i}", "Existing", "", "Arad", "", "", ""], null, ""));
            for (var i = 3; i < 5; i++) rows.Add(([$"existing{i}@imp.test", $"Old{i}", "Existing", "", "Iasi", "", "", ""], null, ""));
            for (var i = 0; i < 4; i++) rows.Add(([$"bad{i}-at-example", "Bad", "Email", "", "", "", "", ""], "email", $"bad{i}-at-example"));
            rows.Add((["=HYPERLINK(\"http://evil.test\")", "Bad", "Formula", "", "", "", "", ""], "email", "=HYPERLINK(\"http://evil.test\")"));
            for (var i = 0; i < 5; i++) rows.Add(([$"badphone{i}@imp.test", "Bad", "Phone", $"12{i}", "", "", "", ""], "phone", $"12{i}"));
            for (var i = 0; i < 5; i++) rows.Add(([ "", $"Anon{i}", "Nobody", "", "Cluj", "", "", ""], "email", ""));

            // Spread the bad rows through the file, deterministically (37 and 120 are coprime, so this is a permutation).
            var shuffled = rows.Select((r, i) => (r, key: (i * 37) % rows.Count)).OrderBy(x => x.key).Select(x => x.r).ToList();
            var csv = new CsvBuilder("Email", "First name", "Last name", "Phone", "City", "Tags", "Newsletter", "Notes");
            var bad = new List<(int, string, string)>();
            var formulaRow = 0;
            for (var i = 0; i < shuffled.Count; i++)
            {
                csv.Row(shuffled[i].Fields);
                if (shuffled[i].BadField is { } field) bad.Add((i + 1, field, shuffled[i].BadValue));
                if (shuffled[i].Fields[0]!.StartsWith('=')) formulaRow = i + 1;
            }
            return new ImportFile(csv.ToBytes(), bad, formulaRow);
        }
    }
}
