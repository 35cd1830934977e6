using System.Diagnostics;
using BrandHub.Tests.Delivery.Support;

namespace BrandHub.Tests.Delivery;

/// <summary>
/// The dispatcher in real brandhub processes sending through the SMTP client to Postfix's smtp-sink: a node SIGKILLed
/// in the middle of a 20,000-message send, and two nodes sharing one PostgreSQL. What the sink received is compared
/// with the database, delivery id by delivery id.
/// </summary>
public sealed class DispatcherProcessTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task Killing_a_node_mid_batch_loses_nothing_and_duplicates_stay_within_the_in_flight_window()
    {
        const int Messages = 20_000;
        var clock = Stopwatch.StartNew();
        await using var nodes = await DeliveryNodes.CreateAsync(batchSize: 200, concurrency: 2, leaseSeconds: 5);
        var window = nodes.BatchSize * nodes.Concurrency; // the bound docs/API.md states per crashed node
        IReadOnlyList<Guid> queued;
        await using (var api = await nodes.StartApiNodeAsync())
        {
            using var owner = await nodes.OwnerWithSmtpAsync(api);
            queued = await DeliveryNodes.QueueAsync(owner, Messages);
        }
        log.WriteLine($"{Messages} messages queued after {clock.Elapsed.TotalSeconds:F1} s.");

        int receivedBeforeCrash;
        IReadOnlySet<Guid> inFlightAtCrash;
        await using (var doomed = await nodes.StartDispatchingNodeAsync("doomed.node.test"))
        {
            receivedBeforeCrash = await Eventually.PollAsync(() => Task.FromResult(nodes.Sink.DumpFiles.Count), n => n >= Messages / 3,
                "a third of the messages to reach the sink", TimeSpan.FromMinutes(2));
            await doomed.KillAsync();
            inFlightAtCrash = await nodes.InFlightAsync();
            receivedBeforeCrash = nodes.Sink.DumpFiles.Count;
        }
        log.WriteLine($"SIGKILLed the node after {clock.Elapsed.TotalSeconds:F1} s with {receivedBeforeCrash} messages at the sink, " +
                      $"{inFlightAtCrash.Count} deliveries leased to it; statuses {DeliveryNodes.Describe(await nodes.StatusesAsync())}.");
        receivedBeforeCrash.ShouldBeLessThan(Messages, "the node should die mid-way");
        inFlightAtCrash.Count.ShouldBeLessThanOrEqualTo(window, "a node holds at most one batch per lane");

        await using (await nodes.StartDispatchingNodeAsync("successor.node.test"))
            await nodes.WaitUntilAllSentAsync(Messages);

        var received = nodes.Received();
        var copies = received.GroupBy(m => m.DeliveryId).ToDictionary(g => g.Key, g => g.Count());
        queued.Where(id => !copies.ContainsKey(id)).ShouldBeEmpty("no delivery is lost");
        copies.Keys.Except(queued).ShouldBeEmpty("the sink received only queued deliveries");
        (await nodes.StatusesAsync()).ShouldBe(new Dictionary<string, long> { ["sent"] = Messages });
        var duplicated = copies.Where(c => c.Value > 1).ToList();
        log.WriteLine($"{received.Count} messages received for {Messages} deliveries: {duplicated.Count} sent twice " +
                      $"(bound BatchSize × Concurrency = {window}; {inFlightAtCrash.Count} in flight at the crash); {clock.Elapsed.TotalSeconds:F1} s in all.");
        duplicated.Count.ShouldBeLessThanOrEqualTo(window);
        duplicated.ShouldAllBe(d => d.Value == 2, "a crash resends a delivery at most once more");
        duplicated.Select(d => d.Key).Except(inFlightAtCrash).ShouldBeEmpty("only what the dead node had in flight is sent again");
    }

    [PostgresFact]
    public async Task Two_worker_processes_on_one_postgresql_never_send_the_same_key_twice()
    {
        const int Messages = 5_000;
        var clock = Stopwatch.StartNew();
        await using var nodes = await DeliveryNodes.CreateAsync(batchSize: 100, concurrency: 2, leaseSeconds: 30);
        await using var first = await nodes.StartDispatchingNodeAsync("first.node.test");
        await using var second = await nodes.StartDispatchingNodeAsync("second.node.test");
        using var owner = await nodes.OwnerWithSmtpAsync(first);

        log.WriteLine($"Both nodes up after {clock.Elapsed.TotalSeconds:F1} s.");
        var queued = await DeliveryNodes.QueueAsync(owner, Messages);
        log.WriteLine($"{Messages} messages queued after {clock.Elapsed.TotalSeconds:F1} s.");
        await nodes.WaitUntilAllSentAsync(Messages);
        log.WriteLine($"All sent after {clock.Elapsed.TotalSeconds:F1} s.");

        var received = nodes.Received();
        received.Count.ShouldBe(Messages);
        received.Select(m => m.DeliveryId).Order().ShouldBe(queued.Order(), "each delivery exactly once");
        var byNode = received.GroupBy(m => m.Node).ToDictionary(g => g.Key, g => g.Count());
        log.WriteLine($"Sent by node: {string.Join(", ", byNode.Select(n => $"{n.Key}={n.Value}"))}");
        byNode.Keys.Order().ToArray().ShouldBe(["first.node.test", "second.node.test"], "both nodes should have worked");
    }
}
