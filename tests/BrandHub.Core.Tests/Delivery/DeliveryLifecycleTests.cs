using BrandHub.Core.Delivery;
using static BrandHub.Core.Delivery.DeliveryStatus;

namespace BrandHub.Core.Tests.Delivery;

public class DeliveryLifecycleTests
{
    private static readonly DeliveryStatus[] Every = Enum.GetValues<DeliveryStatus>();
    private static readonly DeliveryStatus[] Reported = [Delivered, Opened, Clicked, Bounced, Complained, DeliveryStatus.Failed];

    [Fact]
    public void Every_status_has_a_wire_name_that_reads_back()
    {
        foreach (var status in Every)
        {
            DeliveryStatuses.TryParse(DeliveryStatuses.Format(status), out var back).ShouldBeTrue();
            back.ShouldBe(status);
        }

        DeliveryStatuses.All.ShouldBe(["queued", "sending", "sent", "delivered", "opened", "clicked", "failed", "bounced", "complained", "suppressed", "dead"]);
        DeliveryStatuses.TryParse("Sent", out _).ShouldBeFalse();
        DeliveryStatuses.TryParse(null, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Sent, Delivered, Delivered)]
    [InlineData(Sent, Opened, Opened)]
    [InlineData(Sent, Clicked, Clicked)]             // a click implies the open
    [InlineData(Sending, Delivered, Delivered)]      // the webhook overtook the dispatcher's own update
    [InlineData(Delivered, Opened, Opened)]
    [InlineData(Opened, Clicked, Clicked)]
    [InlineData(Opened, Delivered, null)]            // a late delivered never overwrites opened
    [InlineData(Clicked, Opened, null)]
    [InlineData(Clicked, Delivered, null)]
    [InlineData(Delivered, Delivered, null)]         // duplicates are ignored
    [InlineData(Clicked, Clicked, null)]
    [InlineData(Delivered, Bounced, Bounced)]        // asynchronous bounce after the receiving server accepted
    [InlineData(Sent, Bounced, Bounced)]
    [InlineData(Clicked, Bounced, Bounced)]          // the address must be suppressed whatever order webhooks come in
    [InlineData(DeliveryStatus.Failed, Bounced, Bounced)]
    [InlineData(Bounced, Delivered, null)]           // bounces are final
    [InlineData(Bounced, Bounced, null)]
    [InlineData(Opened, Complained, Complained)]     // people complain about mail they opened
    [InlineData(Clicked, Complained, Complained)]
    [InlineData(Complained, Opened, null)]           // complaints are final
    [InlineData(Complained, Complained, null)]
    [InlineData(Sent, DeliveryStatus.Failed, DeliveryStatus.Failed)]
    [InlineData(Delivered, DeliveryStatus.Failed, null)]
    [InlineData(Dead, DeliveryStatus.Failed, null)]
    [InlineData(DeliveryStatus.Failed, Delivered, Delivered)] // proof of arrival beats our classification
    [InlineData(Dead, Opened, Opened)]
    [InlineData(Queued, Delivered, null)]            // never handed over by BrandHub
    [InlineData(Suppressed, Opened, null)]
    [InlineData(Suppressed, Bounced, null)]
    public void Events_move_a_delivery_only_forward(DeliveryStatus current, DeliveryStatus reported, DeliveryStatus? expected)
    {
        DeliveryLifecycle.ApplyEvent(current, reported).ShouldBe(expected);
    }

    [Fact]
    public void Whatever_order_and_however_often_events_arrive_the_highest_one_wins()
    {
        // Property: duplicated and shuffled webhooks converge on the same final status.
        var ladder = new[] { DeliveryStatus.Failed, Delivered, Opened, Clicked, Bounced, Complained };
        var random = new Random(7);
        for (var run = 0; run < 5000; run++)
        {
            var events = Enumerable.Range(0, random.Next(1, 9)).Select(_ => Reported[random.Next(Reported.Length)]).ToList();
            var expected = events.MaxBy(e => Array.IndexOf(ladder, e));
            events.Aggregate(Sent, Step).ShouldBe(expected, string.Join(",", events));
            events.OrderBy(_ => random.Next()).Concat(events).Aggregate(Sent, Step).ShouldBe(expected, string.Join(",", events));
        }

        static DeliveryStatus Step(DeliveryStatus s, DeliveryStatus e) => DeliveryLifecycle.ApplyEvent(s, e) ?? s;
    }

    [Fact]
    public void Only_reportable_statuses_can_arrive_as_events()
    {
        foreach (var s in Every.Except(Reported))
        {
            Should.Throw<ArgumentOutOfRangeException>(() => DeliveryLifecycle.ApplyEvent(Sent, s));
        }
    }

    [Theory]
    [InlineData(Queued, Sending, true)]
    [InlineData(Queued, Suppressed, true)]
    [InlineData(Sending, Sent, true)]
    [InlineData(Sending, Queued, true)]              // retry or hold
    [InlineData(Sending, Dead, true)]
    [InlineData(Sending, DeliveryStatus.Failed, true)]
    [InlineData(Sending, Suppressed, true)]
    [InlineData(Dead, Queued, true)]                 // re-drive
    [InlineData(DeliveryStatus.Failed, Queued, true)]
    [InlineData(Queued, Sent, false)]                // never sent without a claim
    [InlineData(Sent, Queued, false)]                // a sent message is never queued again
    [InlineData(Suppressed, Queued, false)]
    [InlineData(Bounced, Queued, false)]
    [InlineData(Opened, Sending, false)]
    public void BrandHub_itself_moves_deliveries_only_along_the_dispatch_path(DeliveryStatus from, DeliveryStatus to, bool allowed)
    {
        DeliveryLifecycle.CanDispatch(from, to).ShouldBe(allowed);
    }

    [Fact]
    public void Only_failed_and_dead_deliveries_can_be_redriven()
    {
        Every.Where(DeliveryLifecycle.CanRedrive).ShouldBe([DeliveryStatus.Failed, Dead]);
    }
}
