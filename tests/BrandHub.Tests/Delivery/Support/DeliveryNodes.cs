using System.Globalization;
using BrandHub.Tests.Audience.Support;

namespace BrandHub.Tests.Delivery.Support;

/// <summary>
/// BrandHub nodes run as their own processes (the real executable, configured by environment as an operator would) over
/// one scratch database and data directory, so every node decrypts the tenant's SMTP settings, which point at Postfix's
/// <c>smtp-sink</c> dumping every message it accepts. Dispatching nodes say their name in EHLO, so the sink tells
/// their messages apart; the delivery id comes back from the Message-ID (<c>&lt;deliveryId:N@domain&gt;</c>).
/// </summary>
public sealed class DeliveryNodes : IAsyncDisposable
{
    private const string Owner = "owner@nodes.test", Password = "correct horse battery";
    private readonly ScratchDatabase database;
    private readonly (string Key, string Value)[] dispatcher;

    public SmtpSink Sink { get; }
    public int BatchSize { get; }
    public int Concurrency { get; }

    private DeliveryNodes(ScratchDatabase database, SmtpSink sink, int batchSize, int concurrency, double leaseSeconds)
    {
        this.database = database;
        Sink = sink;
        BatchSize = batchSize;
        Concurrency = concurrency;
        dispatcher =
        [
            ("BrandHub__Delivery__BatchSize", batchSize.ToString(CultureInfo.InvariantCulture)),
            ("BrandHub__Delivery__Concurrency", concurrency.ToString(CultureInfo.InvariantCulture)),
            ("BrandHub__Delivery__LeaseSeconds", leaseSeconds.ToString(CultureInfo.InvariantCulture)),
            ("BrandHub__Delivery__PollSeconds", "0.05"),
            ("BrandHub__Delivery__RetryBaseSeconds", "0.05"),
            ("BrandHub__Delivery__RetryMaxSeconds", "0.2"),
            ("BrandHub__Delivery__CircuitFailureThreshold", "1000"),
        ];
    }

    /// <summary>A fresh database with one tenant (created by the CLI) and a running smtp-sink; no node started yet.</summary>
    public static async Task<DeliveryNodes> CreateAsync(int batchSize, int concurrency, double leaseSeconds)
    {
        var nodes = new DeliveryNodes(await ScratchDatabase.CreateAsync(), await SmtpSink.StartAsync(dumpMessages: true), batchSize, concurrency, leaseSeconds);
        var (exitCode, output) = await BrandHubProcess.RunAsync(nodes.database.Environment(), "tenant", "create", "--name", "Nodes", "--admin-email", Owner, "--admin-password", Password);
        exitCode.ShouldBe(0, output);
        return nodes;
    }

    /// <summary>A node serving the API only (its dispatcher off, as on an API-only node).</summary>
    public Task<BrandHubProcess> StartApiNodeAsync() =>
        BrandHubProcess.StartAsync(database.Environment(("BrandHub__Delivery__Enabled", "false")));

    /// <summary>A node with its dispatcher on, greeting the SMTP server as <paramref name="name"/>.</summary>
    public Task<BrandHubProcess> StartDispatchingNodeAsync(string name) =>
        BrandHubProcess.StartAsync(database.Environment([.. dispatcher, ("BrandHub__Email__Smtp__HeloName", name)]));

    /// <summary>Signs in as the tenant's owner and points the tenant's email at the sink.</summary>
    public async Task<HttpClient> OwnerWithSmtpAsync(BrandHubProcess node)
    {
        var owner = await node.SignInAsync(Owner, Password);
        var response = await owner.PutJsonAsync("/api/v1/channels/email/settings", new
        {
            provider = "smtp", host = Sink.Host, port = Sink.Port, security = "none", fromEmail = "news@shop.example", fromName = "Shop News", maxConnections = 4,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return owner;
    }

    /// <summary>Queues <paramref name="count"/> transactional messages to new addresses, 1,000 per request; returns their delivery ids.</summary>
    public static async Task<IReadOnlyList<Guid>> QueueAsync(HttpClient owner, int count)
    {
        var ids = new List<Guid>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var messages = await owner.SendAsync(new
            {
                channel = "email", category = "transactional", recipients = chunk.Select(i => new { email = $"person{i}@nodes.test" }),
                content = MessagesApi.Email(), data = new { order = "N-1" },
            });
            messages.ShouldAllBe(m => m.Str("status") == "queued");
            ids.AddRange(messages.Select(m => m.DeliveryId()));
        }
        return ids;
    }

    /// <summary>How many deliveries are in each status, read from the database.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StatusesAsync()
    {
        await using var conn = await database.OpenAsync();
        var rows = await conn.RowsAsync("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status");
        return rows.ToDictionary(r => (string)r["status"]!, r => Convert.ToInt64(r["n"], CultureInfo.InvariantCulture));
    }

    /// <summary>The deliveries some dispatcher holds under a lease right now (status <c>sending</c>).</summary>
    public async Task<IReadOnlySet<Guid>> InFlightAsync()
    {
        await using var conn = await database.OpenAsync();
        var rows = await conn.RowsAsync("SELECT id FROM deliveries WHERE status = 'sending'");
        return rows.Select(r => Guid.Parse(r["id"]!.ToString()!)).ToHashSet();
    }

    /// <summary>Waits until all <paramref name="count"/> deliveries are <c>sent</c>; a hang reports the statuses last seen.</summary>
    public Task WaitUntilAllSentAsync(int count) =>
        Eventually.PollAsync(async () => Describe(await StatusesAsync()), s => s == $"sent={count}", $"all {count} deliveries to be sent", TimeSpan.FromMinutes(3));

    /// <summary>The delivery ids the sink received, one entry per copy.</summary>
    public IReadOnlyList<(Guid DeliveryId, string Node)> Received() =>
        Sink.Messages().Select(m => (DeliveryIdOf(m.MessageId), m.HeloName)).ToList();

    public static string Describe(IReadOnlyDictionary<string, long> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    private static Guid DeliveryIdOf(string? messageId)
    {
        messageId.ShouldNotBeNull("every accepted message carries a Message-ID");
        return Guid.ParseExact(messageId[1..messageId.IndexOf('@')], "N");
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
