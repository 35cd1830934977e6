using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Platform;

/// <summary>
/// The appsettings.json shipped beside brandhub.dll applies whatever the working directory: <c>serve</c> logs at
/// Information without the SQL of every command or the framework's per-request chatter.
/// </summary>
public sealed class AppSettingsTests
{
    [Fact]
    public async Task Serve_reads_the_shipped_log_levels_from_beside_the_binary_whatever_the_working_directory()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var environment = database.Environment();
        environment.Remove("Logging__LogLevel__Default"); // as an operator runs it: only appsettings.json sets the levels
        File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).ShouldBeTrue("appsettings.json is copied beside brandhub.dll");

        string output;
        await using (var server = await BrandHubProcess.StartAsync(environment)) // working directory: the scratch data directory
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            (await http.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK); // queries the database
            (await http.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            // Startup (migrations: SQL) and the probes above (requests) have run; their log lines are written by now or shortly.
            output = await Eventually.PollAsync(() => Task.FromResult(server.Output), o => o.Contains("Application started"), "the startup logs");
            await Task.Delay(500);
            output = server.Output;
        }

        output.ShouldContain("\"LogLevel\":\"Information\"", Case.Sensitive, "Information is logged");
        output.ShouldNotContain("Microsoft.EntityFrameworkCore.Database.Command", Case.Sensitive, "SQL commands are not logged at Information");
        // Framework lines below Warning (per-request chatter) are held back; a Warning (e.g. Kestrel's slow-heartbeat note
        // on a busy machine) may still appear, and should.
        var frameworkChatter = output.Split('\n').Where(l => l.Contains("\"Category\":\"Microsoft.AspNetCore.", StringComparison.Ordinal))
            .Where(l => l.Contains("\"LogLevel\":\"Information\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal));
        frameworkChatter.ShouldBeEmpty("framework request logs are held to Warning");
    }
}
