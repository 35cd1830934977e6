using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BrandHub.Tests.Seo;

/// <summary>
/// A shop served on loopback for the SEO tests: a robots.txt, pages whose HTML a test can set, redirects, a 404, and a
/// log of what the crawler asked for (path, user agent).
/// </summary>
public sealed class TestShop : IAsyncDisposable
{
    private WebApplication app = null!;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentDictionary<string, string> Pages { get; } = new();
    public ConcurrentDictionary<string, string> Redirects { get; } = new();
    public string? Robots { get; set; } = "User-agent: *\nDisallow: /private/\n";
    /// <summary>What /robots.txt answers when not 200 (a 5xx makes crawlers stay away).</summary>
    public int RobotsStatus { get; set; } = 200;
    public ConcurrentQueue<(string Path, string UserAgent)> Requests { get; } = new();
    /// <summary>A page whose answer waits until <see cref="Gate"/> completes (to hold a crawler mid-run).</summary>
    public string? GatedPath { get; set; }
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource GateReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url(string path) => BaseUrl + path;

    public static async Task<TestShop> StartAsync()
    {
        var shop = new TestShop();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        shop.app = builder.Build();
        shop.app.Run(shop.Serve);
        await shop.app.StartAsync();
        shop.BaseUrl = shop.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return shop;
    }

    private async Task Serve(HttpContext http)
    {
        var path = http.Request.Path.Value + http.Request.QueryString.Value;
        Requests.Enqueue((path, http.Request.Headers.UserAgent.ToString()));
        if (path == GatedPath) { GateReached.TrySetResult(); await Gate.Task.WaitAsync(http.RequestAborted); }
        await Answer(http, path);
    }

    private Task Answer(HttpContext http, string path)
    {
        if (path == "/robots.txt")
        {
            if (RobotsStatus != 200) { http.Response.StatusCode = RobotsStatus; return Task.CompletedTask; }
            if (Robots is null) { http.Response.StatusCode = 404; return Task.CompletedTask; }
            http.Response.ContentType = "text/plain";
            return http.Response.WriteAsync(Robots);
        }
        if (Redirects.TryGetValue(path, out var to)) { http.Response.StatusCode = 301; http.Response.Headers.Location = to; return Task.CompletedTask; }
        if (!Pages.TryGetValue(path, out var html)) { http.Response.StatusCode = 404; http.Response.ContentType = "text/html"; return http.Response.WriteAsync("<html><body>Not found</body></html>"); }
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html);
    }

    /// <summary>A product page; what it lacks is what the test leaves out.</summary>
    public static string ProductPage(string url, string? title = "Winter boots for men: warm, waterproof leather boots",
        string? description = "Warm, waterproof leather winter boots for men with a grippy rubber sole and wool lining. Free delivery in 24 hours and 30 days to return them, no questions.",
        string extra = "") => $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        {(title is null ? "" : $"<title>{title}</title>")}{(description is null ? "" : $"<meta name=\"description\" content=\"{description}\">")}
        <link rel="canonical" href="{url}">
        <script type="application/ld+json">{"{"}"@type":"Product","name":"Winter boots","offers":{"{"}"@type":"Offer","price":"349.00","priceCurrency":"RON"{"}"}{"}"}</script>
        </head><body><main><h1>Winter boots for men</h1><img src="/img/boots.jpg" alt="Brown leather boots"><p>Warm and dry all winter.</p>{extra}</main></body></html>
        """;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
