using BrandHub.Bench;

// dotnet run -c Release --project bench/BrandHub.Bench -- <scenario> [options]
//   import          [--rows 100000] [--provider sqlite|postgres]
//   email-dispatch  [--messages 100000] [--connections 4] [--dkim] [--provider sqlite|postgres]
//   campaign-launch [--contacts 1000000] [--chunk 5000] [--provider sqlite|postgres]
// Prints one JSON line per scenario and provider with its figures and a baseline measured in the same run
// (docs/BENCHMARKS.md). PostgreSQL runs when BRANDHUB_BENCH_PG is set (or --provider postgres).
string[] scenarios = ["import", "email-dispatch", "campaign-launch"];
var scenario = args.FirstOrDefault(scenarios.Contains) ?? "import";
var providers = ArgValue(args, "--provider") is { } p ? [p] : new[] { "sqlite" }.Concat(
    Environment.GetEnvironmentVariable("BRANDHUB_BENCH_PG") is { Length: > 0 } ? ["postgres"] : Array.Empty<string>()).ToArray();

foreach (var provider in providers)
{
    var line = scenario switch
    {
        "import" => await ImportBenchmark.RunAsync(provider, ArgValue(args, "--rows") is { } r ? int.Parse(r) : 100_000),
        "campaign-launch" => await CampaignLaunchBenchmark.RunAsync(provider, ArgValue(args, "--contacts") is { } n ? int.Parse(n) : 1_000_000,
            ArgValue(args, "--chunk") is { } k ? int.Parse(k) : null),
        _ => await EmailDispatchBenchmark.RunAsync(provider,
            ArgValue(args, "--messages") is { } m ? int.Parse(m) : 100_000,
            ArgValue(args, "--connections") is { } c ? int.Parse(c) : 4,
            args.Contains("--dkim")),
    };
    Console.WriteLine(line);
}
return 0;

static string? ArgValue(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
