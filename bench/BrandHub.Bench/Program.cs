using BrandHub.Bench;

// dotnet run -c Release --project bench/BrandHub.Bench -- <scenario> [options]
//   import          [--rows 100000] [--provider sqlite|postgres]
//   email-dispatch  [--messages 100000] [--connections 4] [--dkim] [--nodes 1] [--provider sqlite|postgres]
//   campaign-launch [--contacts 1000000] [--chunk 5000] [--provider sqlite|postgres]
//   segment-preview [--contacts 1000000] [--events 10000000] [--runs 10] [--keep] [--provider sqlite|postgres]
//                   (--keep: generate the data set once into a named database and reuse it on later runs)
//   attribution     [--journeys 1000000] [--runs 3]   (in-process, no database)
//   track-ingest    [--seconds 10] [--connections 64] [--provider sqlite|postgres]   (needs wrk)
//   dashboard       [--events 10000000] [--requests 200] [--keep] [--provider sqlite|postgres]
//   seo-audit       [--pages 10000] [--parallel 8]   (a shop on loopback, no database)
//   sitemap         [--urls 1000000] [--provider sqlite|postgres]
// Prints one JSON line per scenario and provider with its figures and a baseline measured in the same run
// (docs/BENCHMARKS.md). PostgreSQL runs when BRANDHUB_BENCH_PG is set (or --provider postgres).
string[] scenarios = ["import", "email-dispatch", "campaign-launch", "segment-preview", "attribution", "track-ingest", "dashboard", "seo-audit", "sitemap"];
var scenario = args.FirstOrDefault(scenarios.Contains) ?? "import";
if (scenario == "seo-audit")
{
    Console.WriteLine(await SeoAuditBenchmark.RunAsync(ArgValue(args, "--pages") is { } sp ? int.Parse(sp) : 10_000, ArgValue(args, "--parallel") is { } spp ? int.Parse(spp) : 8));
    return 0;
}
if (scenario == "attribution")
{
    Console.WriteLine(AttributionBenchmark.Run(ArgValue(args, "--journeys") is { } j ? int.Parse(j) : 1_000_000, ArgValue(args, "--runs") is { } ar ? int.Parse(ar) : 3));
    return 0;
}
var providers = ArgValue(args, "--provider") is { } p ? [p] : new[] { "sqlite" }.Concat(
    Environment.GetEnvironmentVariable("BRANDHUB_BENCH_PG") is { Length: > 0 } ? ["postgres"] : Array.Empty<string>()).ToArray();

foreach (var provider in providers)
{
    var line = scenario switch
    {
        "dashboard" => await DashboardBenchmark.RunAsync(provider, ArgValue(args, "--events") is { } de ? int.Parse(de) : 10_000_000,
            ArgValue(args, "--requests") is { } dr ? int.Parse(dr) : 200, args.Contains("--keep")),
        "track-ingest" => await TrackIngestBenchmark.RunAsync(provider, ArgValue(args, "--seconds") is { } ts ? int.Parse(ts) : 10,
            ArgValue(args, "--connections") is { } tc ? int.Parse(tc) : 64),
        "sitemap" => await SitemapBenchmark.RunAsync(provider, ArgValue(args, "--urls") is { } su ? int.Parse(su) : 1_000_000),
        "import" => await ImportBenchmark.RunAsync(provider, ArgValue(args, "--rows") is { } r ? int.Parse(r) : 100_000),
        "campaign-launch" => await CampaignLaunchBenchmark.RunAsync(provider, ArgValue(args, "--contacts") is { } n ? int.Parse(n) : 1_000_000,
            ArgValue(args, "--chunk") is { } k ? int.Parse(k) : null),
        "segment-preview" => await SegmentPreviewBenchmark.RunAsync(provider, ArgValue(args, "--contacts") is { } sc ? int.Parse(sc) : 1_000_000,
            ArgValue(args, "--events") is { } se ? int.Parse(se) : 10_000_000, args.Contains("--keep"),
            ArgValue(args, "--runs") is { } sr ? int.Parse(sr) : 10),
        _ => await EmailDispatchBenchmark.RunAsync(provider,
            ArgValue(args, "--messages") is { } m ? int.Parse(m) : 100_000,
            ArgValue(args, "--connections") is { } c ? int.Parse(c) : 4,
            args.Contains("--dkim"), ArgValue(args, "--nodes") is { } dn ? int.Parse(dn) : 1),
    };
    Console.WriteLine(line);
}
return 0;

static string? ArgValue(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
