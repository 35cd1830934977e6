using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class ConsentDecisionTests
{
    [Theory]
    // status, globally unsubscribed, suppressed, transactional → allowed, reason
    [InlineData(ConsentStatus.OptedIn, false, false, false, true, null)]
    [InlineData(ConsentStatus.Unknown, false, false, false, false, "no_consent")]
    [InlineData(ConsentStatus.OptedOut, false, false, false, false, "opted_out")]
    [InlineData(ConsentStatus.OptedIn, true, false, false, false, "global_unsubscribe")]
    [InlineData(ConsentStatus.OptedOut, true, false, false, false, "global_unsubscribe")]
    [InlineData(ConsentStatus.OptedIn, false, true, false, false, "suppressed")]
    [InlineData(ConsentStatus.OptedIn, true, true, false, false, "suppressed")]
    [InlineData(ConsentStatus.Unknown, true, true, false, false, "suppressed")]
    [InlineData(ConsentStatus.Unknown, false, false, true, true, null)]
    [InlineData(ConsentStatus.OptedOut, false, false, true, true, null)]
    [InlineData(ConsentStatus.OptedOut, true, false, true, true, null)]
    [InlineData(ConsentStatus.OptedIn, true, false, true, true, null)]
    [InlineData(ConsentStatus.OptedIn, false, true, true, false, "suppressed")]
    [InlineData(ConsentStatus.OptedOut, true, true, true, false, "suppressed")]
    public void Marketing_needs_consent_and_transactional_only_respects_suppression(
        ConsentStatus status, bool globallyUnsubscribed, bool suppressed, bool transactional, bool allowed, string? reason)
    {
        foreach (var channel in new[] { ConsentChannel.Email, ConsentChannel.Sms, ConsentChannel.WhatsApp, ConsentChannel.Push })
        {
            var decision = ConsentPolicy.Decide(channel, status, globallyUnsubscribed, suppressed, transactional);
            decision.ShouldBe(new ConsentDecision(allowed, reason), $"{channel}");
        }
    }

    [Theory]
    [InlineData(ConsentStatus.OptedIn, false, false, true, null)]
    [InlineData(ConsentStatus.Unknown, false, false, false, "no_consent")]
    [InlineData(ConsentStatus.OptedOut, false, false, false, "opted_out")]
    [InlineData(ConsentStatus.OptedIn, true, false, false, "global_unsubscribe")]
    [InlineData(ConsentStatus.OptedIn, false, true, false, "suppressed")]
    public void Profiling_is_never_transactional(ConsentStatus status, bool globallyUnsubscribed, bool suppressed, bool allowed, string? reason)
    {
        ConsentPolicy.Decide(ConsentChannel.Profiling, status, globallyUnsubscribed, suppressed, isTransactional: true)
            .ShouldBe(new ConsentDecision(allowed, reason));
    }

    [Fact]
    public void A_suppressed_contact_is_never_messaged_whatever_else_is_true()
    {
        // Property over the whole input space: suppression always wins, and an allowed decision has no reason.
        foreach (var channel in Enum.GetValues<ConsentChannel>())
        foreach (var status in Enum.GetValues<ConsentStatus>())
        foreach (var unsubscribed in new[] { false, true })
        foreach (var transactional in new[] { false, true })
        {
            ConsentPolicy.Decide(channel, status, unsubscribed, suppressed: true, transactional)
                .ShouldBe(new ConsentDecision(false, ConsentDecisionReasons.Suppressed));

            var open = ConsentPolicy.Decide(channel, status, unsubscribed, suppressed: false, transactional);
            (open.Allowed == (open.Reason is null)).ShouldBeTrue();
            if (!transactional && open.Allowed)
            {
                status.ShouldBe(ConsentStatus.OptedIn);
                unsubscribed.ShouldBeFalse();
            }
        }
    }
}
