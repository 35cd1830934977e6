using System.Text;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Audience;

/// <summary>
/// The node running an import is killed mid-way; a new node takes the job over when its lease runs out and finishes it
/// from the last checkpoint: every person exactly once. Runs the real executable as separate processes on a fresh database.
/// </summary>
public sealed class ImportCrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const int Rows = 30_000;
    private const string Email = "owner@crash.test", Password = "correct horse battery";

    [Fact]
    public async Task An_import_killed_mid_way_resumes_on_a_new_process_without_duplicates()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var environment = database.Environment(("BrandHub__Jobs__LeaseSeconds", "2"), ("BrandHub__Jobs__PollSeconds", "0.2"));
        var (exitCode, output) = await BrandHubProcess.RunAsync(environment, "tenant", "create", "--name", "Crash Test", "--admin-email", Email, "--admin-password", Password);
        exitCode.ShouldBe(0, output);

        Guid importId;
        await using (var first = await BrandHubProcess.StartAsync(environment))
        {
            using var client = await first.SignInAsync(Email, Password);
            importId = (await client.StartImportAsync(LargeFile(), new Dictionary<string, string> { ["Email"] = "email", ["First name"] = "firstName", ["Phone"] = "phone" })).Id();
            var midway = await Poll.UntilAsync(() => client.GetJsonAsync($"/api/v1/contacts/imports/{importId}"),
                i => i.GetProperty("processedRows").GetInt32() > 0 || Imports.Finished.Contains(i.Str("status")),
                "the import to pass its first checkpoint", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(10));
            midway.Str("status").ShouldBe("running", "the file should be large enough to catch the import mid-way");
            midway.GetProperty("processedRows").GetInt32().ShouldBeLessThan(Rows);

            await first.KillAsync();
            log.WriteLine($"Killed the first process at checkpoint {midway.GetProperty("processedRows").GetInt32()} of {Rows} rows.");
        }
        (await CountAsync(database, "SELECT COUNT(*) FROM contacts")).ShouldBeLessThan(Rows);

        await using var second = await BrandHubProcess.StartAsync(environment);
        using var resumed = await second.SignInAsync(Email, Password);
        var done = await resumed.WaitForImportAsync(importId, TimeSpan.FromMinutes(5));

        done.Str("status").ShouldBe("completed", done.ToString());
        done.Counts().ShouldBe((Created: Rows, Updated: 0, Unchanged: 0, Failed: 0));
        done.GetProperty("processedRows").GetInt32().ShouldBe(Rows);
        (await CountAsync(database, "SELECT COUNT(*) FROM contacts")).ShouldBe(Rows);
        (await CountAsync(database, "SELECT COUNT(DISTINCT email) FROM contacts")).ShouldBe(Rows);
        (await CountAsync(database, "SELECT COUNT(*) FROM timeline_events WHERE kind = 'contact.imported'")).ShouldBe(Rows);
        (await resumed.GetJsonAsync("/api/v1/contacts?pageSize=1")).Total().ShouldBe(Rows);
        (await resumed.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean().ShouldBeTrue();
    }

    private static byte[] LargeFile()
    {
        var sb = new StringBuilder("Email,First name,Phone\r\n");
        for (var i = 0; i < Rows; i++) sb.Append($"person{i}@crash.test,Person{i},+4073{i:D7}\r\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static async Task<long> CountAsync(ScratchDatabase database, string sql)
    {
        await using var conn = await database.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
