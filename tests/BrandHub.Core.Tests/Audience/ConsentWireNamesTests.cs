using BrandHub.Core.Audience;

namespace BrandHub.Core.Tests.Audience;

public class ConsentWireNamesTests
{
    [Theory]
    [InlineData("email", ConsentChannel.Email)]
    [InlineData("sms", ConsentChannel.Sms)]
    [InlineData("whatsapp", ConsentChannel.WhatsApp)]
    [InlineData("push", ConsentChannel.Push)]
    [InlineData("profiling", ConsentChannel.Profiling)]
    public void Channel_wire_names_round_trip(string wire, ConsentChannel channel)
    {
        ConsentWireNames.Format(channel).ShouldBe(wire);
        ConsentWireNames.TryParseChannel(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(channel);
        ConsentWireNames.TryParseChannel(wire.ToUpperInvariant(), out var shouted).ShouldBeTrue();
        shouted.ShouldBe(channel);
    }

    [Theory]
    [InlineData("unknown", ConsentStatus.Unknown)]
    [InlineData("opted_in", ConsentStatus.OptedIn)]
    [InlineData("opted_out", ConsentStatus.OptedOut)]
    public void Status_wire_names_round_trip(string wire, ConsentStatus status)
    {
        ConsentWireNames.Format(status).ShouldBe(wire);
        ConsentWireNames.TryParseStatus(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(status);
        ConsentWireNames.TryParseStatus(" " + wire.ToUpperInvariant() + " ", out var padded).ShouldBeTrue();
        padded.ShouldBe(status);
    }

    [Theory]
    [InlineData("consent", LegalBasis.Consent)]
    [InlineData("contract", LegalBasis.Contract)]
    [InlineData("legitimate_interest", LegalBasis.LegitimateInterest)]
    [InlineData("legal_obligation", LegalBasis.LegalObligation)]
    public void Legal_basis_wire_names_round_trip(string wire, LegalBasis basis)
    {
        ConsentWireNames.Format(basis).ShouldBe(wire);
        ConsentWireNames.TryParseLegalBasis(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(basis);
        ConsentWireNames.TryParseLegalBasis("Legal_Obligation", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OptedIn")]
    [InlineData("opted-in")]
    [InlineData("whats app")]
    [InlineData("legitimateInterest")]
    [InlineData("mail")]
    public void Unknown_wire_names_are_not_guessed(string? wire)
    {
        ConsentWireNames.TryParseChannel(wire, out _).ShouldBeFalse();
        ConsentWireNames.TryParseStatus(wire, out _).ShouldBeFalse();
        ConsentWireNames.TryParseLegalBasis(wire, out _).ShouldBeFalse();
    }

    [Fact]
    public void Every_enum_member_has_a_wire_name()
    {
        Enum.GetValues<ConsentChannel>().Select(ConsentWireNames.Format).ShouldBe(ConsentWireNames.ChannelNames);
        Enum.GetValues<ConsentStatus>().Select(ConsentWireNames.Format).ShouldBe(ConsentWireNames.StatusNames);
        Enum.GetValues<LegalBasis>().Select(ConsentWireNames.Format).ShouldBe(ConsentWireNames.LegalBasisNames);
        Should.Throw<ArgumentOutOfRangeException>(() => ConsentWireNames.Format((ConsentChannel)99));
    }
}
