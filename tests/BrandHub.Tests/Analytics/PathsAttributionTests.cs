using System.Globalization;
using System.Text.Json;

namespace BrandHub.Tests.Analytics;

/// <summary>Paths mode over HTTP: the public sample data set in, every model's reconciled credit out; bad input named by line.</summary>
public sealed class PathsAttributionTests(BrandHubHost host) : IClassFixture<BrandHubHost>
{
    private const string Url = "/api/v1/marketing/analytics/paths/attribution";
    private static readonly string DataSet = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "attribution-paths.csv"));

    [Fact]
    public async Task The_sample_data_set_is_split_by_every_model_and_each_reconciles()
    {
        var tenant = await host.NewTenantAsync();
        var response = await tenant.Client.PostRawAsync(Url, DataSet, "text/csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();

        var totals = body.GetProperty("totals");
        totals.GetProperty("conversions").GetDecimal().ShouldBe(19_785m);
        totals.GetProperty("nulls").GetInt64().ShouldBe(68_602L);
        var value = totals.GetProperty("value").GetDecimal();
        var models = body.GetProperty("models");
        models.EnumerateObject().Select(m => m.Name).ShouldBe(["first_touch", "last_touch", "linear", "position_based", "markov", "shapley"], ignoreOrder: true);
        foreach (var model in models.EnumerateObject())
        {
            var channels = model.Value.EnumerateObject().ToList();
            channels.Count.ShouldBe(12, model.Name);
            channels.Sum(c => c.Value.GetProperty("conversions").GetDecimal()).ShouldBe(19_785m, model.Name);
            channels.Sum(c => c.Value.GetProperty("value").GetDecimal()).ShouldBe(value, model.Name);
        }
        body.GetProperty("removalEffects").EnumerateObject().Count().ShouldBe(12);
        body.GetProperty("shapley").GetProperty("method").GetString().ShouldBe("exact");

        // First touch equals a direct count of the file.
        var firstOfAlpha = DataSet.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';'))
            .Where(p => p[0].Split('>')[0].Trim() == "alpha").Sum(p => decimal.Parse(p[1], CultureInfo.InvariantCulture));
        models.GetProperty("first_touch").GetProperty("alpha").GetProperty("conversions").GetDecimal().ShouldBe(firstOfAlpha);
    }

    [Fact]
    public async Task The_hand_checked_markov_example_over_http()
    {
        var tenant = await host.NewTenantAsync();
        var csv = "path;total_conversions;total_conversion_value;total_null\nc1 > c2 > c3;1;10;0\nc1;0;0;1\nc2 > c3;0;0;1\n";
        var body = await (await tenant.Client.PostRawAsync(Url + "?models=markov,last_non_direct", csv, "text/csv")).JsonAsync();
        body.GetProperty("removalEffects").GetProperty("c1").GetDouble().ShouldBe(0.5);
        var markov = body.GetProperty("models").GetProperty("markov");
        markov.GetProperty("c1").GetProperty("conversions").GetDecimal().ShouldBe(0.2m);
        markov.GetProperty("c2").GetProperty("value").GetDecimal().ShouldBe(4m);
        body.GetProperty("models").GetProperty("last_non_direct").GetProperty("c3").GetProperty("conversions").GetDecimal().ShouldBe(1m);
    }

    [Fact]
    public async Task Bad_input_is_refused_line_by_line()
    {
        var client = (await host.NewTenantAsync()).Client;
        var csv = "path;total_conversions;total_conversion_value;total_null\na > b;1;2;3\na >  > b;1;2;3\nc;x;2;3\nd;1;-2;3\n";
        var response = await client.PostRawAsync(Url, csv, "text/csv");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = await response.ProblemErrorsAsync();
        errors.Keys.ShouldBe(["line 3", "line 4", "line 5"], ignoreOrder: true);

        (await client.PostRawAsync(Url, "nonsense\n", "text/csv")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostRawAsync(Url + "?models=markov,magic", "path;total_conversions;total_conversion_value;total_null\na;1;1;0\n", "text/csv"))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var decay = await client.PostRawAsync(Url + "?models=time_decay", "path;total_conversions;total_conversion_value;total_null\na;1;1;0\n", "text/csv");
        (await decay.ProblemErrorsAsync())["models"][0].ShouldContain("touch");
        (await client.PostRawAsync(Url, "{}", "application/json")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await host.Anonymous().PostRawAsync(Url, DataSet, "text/csv")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
