using System.Collections.Concurrent;
using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BrandHub.Tests.Channels.Email.Support;

/// <summary>
/// A small HTTP server speaking Mailgun's messages API (<c>POST /v3/{domain}/messages</c>, multipart form, basic auth
/// <c>api:{key}</c>, answer <c>{"id","message"}</c>). How it answers depends on the recipient's local part:
/// <c>rate-limited</c> 429, <c>broken</c> 500, <c>reject</c> 400 with Mailgun's message, <c>slow</c> after 5 s; anything else 200.
/// </summary>
public sealed class MailgunPeer : IAsyncDisposable
{
    public const string ApiKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    public sealed record Received(string Domain, string Authorization, IReadOnlyDictionary<string, string> Fields);

    private WebApplication app = null!;
    private int inFlight;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<Received> Messages { get; } = new();
    public int MaxInFlight;
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<MailgunPeer> StartAsync()
    {
        var peer = new MailgunPeer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        peer.app = builder.Build();
        peer.app.MapPost("/v3/{domain}/messages", peer.HandleAsync);
        await peer.app.StartAsync();
        peer.BaseUrl = peer.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return peer;
    }

    private async Task<IResult> HandleAsync(string domain, HttpRequest request)
    {
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref MaxInFlight, now);
        try
        {
            if (request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + ApiKey)))
                return Results.Json(new { message = "Invalid private key" }, statusCode: 401);
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            Messages.Enqueue(new Received(domain, request.Headers.Authorization.ToString(), fields));
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            var local = new MailAddress(fields.GetValueOrDefault("to", "nobody@x")).User;
            switch (local)
            {
                case "rate-limited": return Results.Json(new { message = "Too many requests" }, statusCode: 429);
                case "broken": return Results.Json(new { message = "Internal error" }, statusCode: 500);
                case "reject": return Results.Json(new { message = "'to' parameter is not a valid address. please check documentation" }, statusCode: 400);
                case "slow": await Task.Delay(TimeSpan.FromSeconds(5)); break;
            }
            return Results.Json(new { id = $"<20250301090000.{Guid.NewGuid():N}@{domain}>", message = "Queued. Thank you." });
        }
        finally { Interlocked.Decrement(ref inFlight); }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = target; value > seen; seen = target)
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
