using BrandHub.Bench;

// dotnet run -c Release --project bench/BrandHub.Bench -- import [--rows 100000] [--provider sqlite|postgres]
// Prints one JSON line per scenario with its figures and a baseline measured in the same run (docs/BENCHMARKS.md).
var rows = ArgValue(args, "--rows") is { } r ? int.Parse(r) : 100_000;
var providers = ArgValue(args, "--provider") is { } p ? [p] : new[] { "sqlite" }.Concat(
    Environment.GetEnvironmentVariable("BRANDHUB_BENCH_PG") is { Length: > 0 } ? ["postgres"] : Array.Empty<string>()).ToArray();

foreach (var provider in providers)
    Console.WriteLine(await ImportBenchmark.RunAsync(provider, rows));
return 0;

static string? ArgValue(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
