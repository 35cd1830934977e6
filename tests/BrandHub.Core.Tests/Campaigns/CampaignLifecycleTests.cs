using BrandHub.Core.Campaigns;

namespace BrandHub.Core.Tests.Campaigns;

public sealed class CampaignLifecycleTests
{
    public static TheoryData<CampaignStatus, CampaignAction, CampaignStatus> Legal => new()
    {
        { CampaignStatus.Draft, CampaignAction.Schedule, CampaignStatus.Scheduled },
        { CampaignStatus.Scheduled, CampaignAction.Schedule, CampaignStatus.Scheduled },
        { CampaignStatus.Scheduled, CampaignAction.Unschedule, CampaignStatus.Draft },
        { CampaignStatus.Draft, CampaignAction.Launch, CampaignStatus.Running },
        { CampaignStatus.Scheduled, CampaignAction.Launch, CampaignStatus.Running },
        { CampaignStatus.Running, CampaignAction.Pause, CampaignStatus.Paused },
        { CampaignStatus.Paused, CampaignAction.Resume, CampaignStatus.Running },
        { CampaignStatus.Running, CampaignAction.Complete, CampaignStatus.Completed },
        { CampaignStatus.Paused, CampaignAction.Complete, CampaignStatus.Completed },
        { CampaignStatus.Running, CampaignAction.Cancel, CampaignStatus.Cancelled },
        { CampaignStatus.Completed, CampaignAction.Archive, CampaignStatus.Archived },
        { CampaignStatus.Cancelled, CampaignAction.Archive, CampaignStatus.Archived },
        { CampaignStatus.Draft, CampaignAction.Edit, CampaignStatus.Draft },
        { CampaignStatus.Paused, CampaignAction.Edit, CampaignStatus.Paused },
    };

    [Theory, MemberData(nameof(Legal))]
    public void Legal_moves_lead_where_expected(CampaignStatus from, CampaignAction action, CampaignStatus to)
    {
        var move = CampaignLifecycle.Decide(from, action);
        move.Allowed.ShouldBeTrue();
        move.To.ShouldBe(to);
        move.Reason.ShouldBeNull();
    }

    public static TheoryData<CampaignStatus, CampaignAction, string> Illegal => new()
    {
        { CampaignStatus.Draft, CampaignAction.Resume, "Only a paused campaign can be resumed" },
        { CampaignStatus.Running, CampaignAction.Launch, "already running" },
        { CampaignStatus.Paused, CampaignAction.Launch, "resume it instead" },
        { CampaignStatus.Running, CampaignAction.Edit, "pause it first" },
        { CampaignStatus.Completed, CampaignAction.Edit, "read-only" },
        { CampaignStatus.Archived, CampaignAction.Resume, "archived" },
        { CampaignStatus.Running, CampaignAction.Archive, "Only a draft, completed or cancelled" },
        { CampaignStatus.Completed, CampaignAction.Cancel, "cannot be cancelled" },
        { CampaignStatus.Draft, CampaignAction.Pause, "Only a running campaign" },
        { CampaignStatus.Scheduled, CampaignAction.Pause, "unschedule it instead" },
    };

    [Theory, MemberData(nameof(Illegal))]
    public void Illegal_moves_are_refused_with_a_reason(CampaignStatus from, CampaignAction action, string reason)
    {
        var move = CampaignLifecycle.Decide(from, action);
        move.Allowed.ShouldBeFalse();
        move.To.ShouldBe(from);
        move.Reason.ShouldContain(reason);
    }

    [Fact]
    public void Every_refusal_has_a_reason_and_terminal_states_only_archive()
    {
        foreach (var from in Enum.GetValues<CampaignStatus>())
        foreach (var action in Enum.GetValues<CampaignAction>())
        {
            var move = CampaignLifecycle.Decide(from, action);
            if (!move.Allowed) move.Reason.ShouldNotBeNullOrWhiteSpace();
        }
        CampaignLifecycle.Allowed(CampaignStatus.Archived).ShouldBeEmpty();
        CampaignLifecycle.Allowed(CampaignStatus.Completed).ShouldBe([CampaignAction.Archive]);
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var status in Enum.GetValues<CampaignStatus>())
        {
            CampaignStatuses.TryParse(CampaignStatuses.Format(status), out var back).ShouldBeTrue();
            back.ShouldBe(status);
        }
        CampaignStatuses.TryParse("Running", out _).ShouldBeFalse();
    }
}
