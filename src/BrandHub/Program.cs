using System.CommandLine;
using BrandHub;
using BrandHub.Cli;

// brandhub [serve] | migrate | seed-demo | tenant create | user create — see docs/CLI.md.
var root = new RootCommand("BrandHub — plan, execute and measure marketing across every channel.");
root.TreatUnmatchedTokensAsErrors = false; // `brandhub --urls …` passes ASP.NET options through to serve
root.SetAction((result, ct) => Verbs.ServeAsync(result.UnmatchedTokens.ToArray(), ct));
root.Subcommands.Add(Verbs.Serve());
root.Subcommands.Add(Verbs.Migrate());
root.Subcommands.Add(Verbs.SeedDemo());
root.Subcommands.Add(Verbs.Tenant());
root.Subcommands.Add(Verbs.User());
return await root.Parse(args).InvokeAsync();

/// <summary>Lets tests and tools reference the entry assembly.</summary>
public partial class Program;
