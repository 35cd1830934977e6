using BrandHub.Core.Campaigns;

namespace BrandHub.Core.Tests.Campaigns;

public sealed class CampaignReadinessTests
{
    private static readonly Guid Step = Guid.NewGuid();

    private static StepReadinessFacts GoodStep => new(Step, 1, "email", [], true, 100, 0.001m);

    private static CampaignReadinessFacts Good => new(true, 120, [GoodStep], null, 0, false, false);

    [Fact]
    public void A_ready_campaign_has_no_problems() => CampaignReadiness.Check(Good).ShouldBeEmpty();

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var facts = new CampaignReadinessFacts(true, 50,
            [GoodStep with { ContentErrors = ["subject: A subject is required.", "Unknown variable contact.shoe_size"], SenderConfigured = false, Reachable = 0 }],
            Budget: 5, Committed: 5, NeedsSchedule: true, HasSchedule: false);
        CampaignReadiness.Check(facts).Select(p => p.Code).ShouldBe(
            ["content-invalid", "content-invalid", "sender-not-configured", "nobody-reachable", "budget-exhausted", "schedule-missing"]);
    }

    [Theory]
    [InlineData(false, 0, "audience-missing")]
    [InlineData(true, 0, "audience-empty")]
    public void Audience_problems(bool defined, long size, string code)
    {
        var problems = CampaignReadiness.Check(Good with { HasAudienceDefinition = defined, AudienceSize = size });
        problems.Select(p => p.Code).ShouldBe([code]); // nobody-reachable is not repeated for an empty audience
    }

    [Fact]
    public void No_steps_is_a_problem_and_messages_name_the_step()
    {
        CampaignReadiness.Check(Good with { Steps = [] }).Single().Code.ShouldBe("steps-missing");
        var p = CampaignReadiness.Check(Good with { Steps = [GoodStep with { Position = 2, Channel = "sms", SenderConfigured = false }] }).Single();
        p.Message.ShouldStartWith("Step 2 (sms)");
        p.StepId.ShouldBe(Step);
    }
}
